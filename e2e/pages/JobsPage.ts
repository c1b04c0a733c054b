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

  /**
   * Every job row as the table shows it: the job its name link opens, the Region cell, the jobs its
   * "Depends on" links open and how many more the cell only counts ("+2 more"). Needs every row rendered
   * (a viewport taller than the table): the count is checked against the table's `aria-rowcount`.
   */
  async readRows(): Promise<Map<string, ShownJobRow>> {
    await expect(this.table.getByRole('row').nth(1)).toBeVisible()
    // Text content, not innerText: the headers are upper-cased by CSS.
    const headers = (await this.table.getByRole('columnheader').allTextContents()).map((h) =>
      h.replace(/[▲▼↕]/g, '').trim(),
    )
    const col = (name: string) => headers.indexOf(name)
    // One read of every rendered row (a locator call per cell takes minutes on a 150-row table).
    const rows = await this.table.getByRole('row').evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll(':scope > td')].map((td) => ({
          text: (td.textContent ?? '').trim(),
          hrefs: [...td.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
        })),
      ),
    )
    const out = new Map<string, ShownJobRow>()
    for (const cells of rows) {
      if (cells.length < headers.length) continue
      const deps = cells[col('Depends on')]!
      const more = /\+(\d+) more/.exec(deps.text)
      out.set(jobNameOfHref(cells[col('Name')]!.hrefs[0] ?? null), {
        region: col('Region') < 0 ? '' : cells[col('Region')]!.text,
        deps: deps.hrefs.map(jobNameOfHref),
        more: more ? Number(more[1]) : 0,
      })
    }
    expect(out.size, 'every row of the table was rendered and read').toBe(
      Number(await this.table.getAttribute('aria-rowcount')) - 1,
    )
    return out
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

/** A row of the jobs table as read by `readRows`. */
export interface ShownJobRow {
  region: string
  deps: string[]
  more: number
}

/** The job name a job link opens (`…/jobs/install-nbg1-1%3Acilium?…` → `install-nbg1-1:cilium`). */
export function jobNameOfHref(href: string | null): string {
  const path = (href ?? '').split(/[?#]/)[0]!
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1))
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
