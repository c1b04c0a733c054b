import { expect, type Locator, type Page } from '@playwright/test'

/** `/apps` (Sovereign) and `/provision/<id>/apps` (mothership): the card grid of installed blueprints. */
export class AppsPage {
  readonly heading: Locator
  readonly search: Locator
  readonly status: Locator
  readonly family: Locator
  readonly clearFilters: Locator
  readonly grid: Locator
  readonly cards: Locator
  /** The title link of every card (the link to the app's page). */
  readonly cardLinks: Locator
  readonly counts: Locator
  readonly showing: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Applications' })
    const filters = page.getByRole('search', { name: 'Filter applications' })
    this.search = filters.getByLabel('Search')
    this.status = filters.getByLabel('Status')
    this.family = filters.getByLabel('Family')
    this.clearFilters = page.getByRole('button', { name: 'Clear filters' }).first()
    this.grid = page.getByRole('list', { name: 'Applications' })
    this.cards = this.grid.getByRole('article')
    this.cardLinks = this.cards.getByRole('heading', { level: 2 }).getByRole('link')
    this.counts = page.getByText(/\d+ installed of \d+ in the catalog/)
    this.showing = filters.getByRole('status')
  }

  /** Opens the apps page under `origin` (mothership: `/provision/<id>/apps`; Sovereign: `/apps`). */
  async open(path: string, origin = ''): Promise<void> {
    await this.page.goto(`${origin}${path}`)
    await expect(this.heading).toBeVisible()
    await expect(this.counts).toBeVisible()
  }

  card(title: string): Locator {
    return this.grid.getByRole('article', { name: title, exact: true })
  }

  /** `N installed of M in the catalog` → {installed: N, catalog: M}. */
  async readCounts(): Promise<{ installed: number; catalog: number }> {
    const text = (await this.counts.textContent()) ?? ''
    const m = /(\d+) installed of (\d+) in the catalog/.exec(text)
    expect(m, `counts text: ${text}`).not.toBeNull()
    return { installed: Number(m![1]), catalog: Number(m![2]) }
  }

  /** The number in an option label such as `Installed (45)`, by the label's text before the count. */
  async optionCount(select: Locator, label: string): Promise<number> {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const option = select.getByRole('option', { name: new RegExp(`^${escaped} \\(\\d+\\)$`) })
    const text = (await option.textContent()) ?? ''
    return Number(/\((\d+)\)\s*$/.exec(text)?.[1] ?? NaN)
  }

  async cardHrefs(): Promise<string[]> {
    return this.cardLinks.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''))
  }

  placement(cardTitle: string): Locator {
    return this.card(cardTitle).getByRole('list', { name: `Placement of ${cardTitle}` })
  }
}

/** `/app/<bp-id>`: one application. */
export class AppDetailPage {
  readonly regions: Locator
  readonly log: Locator
  readonly endpoints: Locator
  readonly dependsOn: Locator
  readonly neededBy: Locator
  readonly backToApps: Locator

  constructor(readonly page: Page) {
    this.regions = page.getByRole('table', { name: 'Status per region' })
    this.log = page.getByRole('log')
    this.endpoints = page.getByRole('list', { name: 'Endpoints' })
    this.dependsOn = page.getByRole('list', { name: 'Depends on' })
    this.neededBy = page.getByRole('list', { name: 'Needed by' })
    this.backToApps = page.getByRole('link', { name: '← All applications' }).first()
  }

  heading(title: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name: title })
  }

  /** The row of one region in the status table (row header = region key). */
  region(key: string): Locator {
    return this.regions
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${key}\\b`) }) })
  }

  jobLink(jobName: string): Locator {
    return this.regions.getByRole('link', { name: jobName, exact: true })
  }
}
