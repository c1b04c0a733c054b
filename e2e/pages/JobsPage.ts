import { expect, type Locator, type Page } from '@playwright/test'

/** The jobs table (`/provision/<id>/jobs`, `/jobs`) and the timeline (`…/jobs/timeline`). */
export class JobsPage {
  readonly heading: Locator
  readonly table: Locator
  readonly search: Locator
  readonly status: Locator
  readonly phase: Locator
  readonly region: Locator
  readonly groupBy: Locator
  readonly count: Locator
  readonly viewSwitch: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Jobs', exact: true })
    this.table = page.getByRole('table', { name: 'Jobs' })
    const filters = page.getByRole('search', { name: 'Filter jobs' })
    this.search = filters.getByRole('searchbox', { name: 'Search jobs' })
    this.status = filters.getByRole('combobox', { name: 'Status' })
    this.phase = filters.getByRole('combobox', { name: 'Phase' })
    this.region = filters.getByRole('combobox', { name: 'Region' })
    this.groupBy = filters.getByRole('combobox', { name: 'Group by' })
    this.count = filters.getByRole('status')
    this.viewSwitch = page.getByRole('navigation', { name: 'Jobs view' })
  }

  /** `origin` empty = mothership (`/provision/<id>/jobs`); a Sovereign origin uses `/jobs`. */
  async goto(opts: { deploymentId?: string; origin?: string; query?: string }): Promise<void> {
    const path = opts.origin ? `${opts.origin}/jobs` : `/provision/${opts.deploymentId}/jobs`
    await this.page.goto(`${path}${opts.query ?? ''}`)
    await expect(this.heading).toBeVisible()
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name, exact: true })
  }

  async sortBy(name: string): Promise<void> {
    await this.columnHeader(name).getByRole('button').click()
  }

  jobLink(jobName: string): Locator {
    return this.table.getByRole('link', { name: jobName, exact: true })
  }

  /** Job names of the rows currently rendered, top to bottom. */
  async jobNames(): Promise<string[]> {
    const rows = this.table.getByRole('row')
    const out: string[] = []
    for (const row of await rows.all()) {
      const cell = row.getByRole('cell').first()
      if (!(await cell.count())) continue
      const link = cell.getByRole('link')
      if (await link.count()) out.push((await link.first().textContent()) ?? '')
    }
    return out
  }

  /** The row of a job (by its name link). */
  row(jobName: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: jobName, exact: true }) })
  }

  /** A group header row (grouped view). */
  groupRow(label: string | RegExp): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('button', { name: label }) })
  }

  groupToggle(label: string | RegExp): Locator {
    return this.table.getByRole('button', { name: label })
  }

  // ── timeline ────────────────────────────────────────────────────────────────────────────────────────

  timelineHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Jobs timeline' })
  }

  timelineBars(): Locator {
    return this.page.getByRole('group', { name: 'Job bars' }).getByRole('link')
  }

  timelineBar(jobName: string): Locator {
    return this.page
      .getByRole('group', { name: 'Job bars' })
      .getByRole('link', { name: new RegExp(`^${escape(jobName)}:`) })
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
