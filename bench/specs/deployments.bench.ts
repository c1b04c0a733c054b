import type { Page } from '@playwright/test'
import { record } from '../record.ts'
import { summarise } from '../stats.ts'
import { expect, responseEnd, test } from '../support/benchTest.ts'

/**
 * The deployments list with 10,000 rows against the same table without virtualisation
 * (bench/pages/tableBaseline.tsx: every row in the DOM, same columns, cells, filter and sort functions).
 *
 *   first render      `GET /deployments` response end → the frame that shows the first rows
 *   sort toggle       click on the FQDN header → the frame showing the re-sorted first row
 *   filter keystroke  one key in the filter box → the frame showing the new match count
 *   scroll frame      rAF intervals while the table scrolls 60 px every frame (programmatic, in-page)
 */

const ROWS = 10_000
/** Repetitions per side: the unvirtualised baseline takes seconds per action, so it gets fewer. */
interface Reps {
  loads: number
  toggles: number
  filterRounds: number
  scrollFrames: number
}
const OURS: Reps = { loads: 5, toggles: 10, filterRounds: 2, scrollFrames: 300 }
const BASELINE: Reps = { loads: 3, toggles: 4, filterRounds: 1, scrollFrames: 60 }
/** Long enough for the baseline's slowest action on a busy 2-core machine (a timeout would drop a sample). */
const ACTION_MS = 120_000
/** Each key narrows (or widens) the match: "4", "42", "421", "4217", then back. */
const KEYS = ['4', '2', '1', '7', 'Backspace', 'Backspace', 'Backspace', 'Backspace']

const ROW = 'table[aria-label="Deployments"] tbody tr[data-status]'

interface Side {
  firstRender: number[]
  longestTask: number[]
  sort: number[]
  filter: number[]
  scroll: number[]
  scrollMaxTask: number
  /** Keys after which the count did not change (not timed). */
  filterUnchanged: number
}

async function measure(page: Page, url: string, scroller: string, reps: Reps): Promise<Side> {
  const side: Side = {
    firstRender: [],
    longestTask: [],
    sort: [],
    filter: [],
    scroll: [],
    scrollMaxTask: 0,
    filterUnchanged: 0,
  }
  for (let i = 0; i < reps.loads; i++) {
    await page.goto(url)
    await page.waitForFunction(() => window.__bench!.loadedAt() !== undefined, undefined, {
      timeout: 120_000,
    })
    const end = await responseEnd(page, '/api/v1/deployments')
    const r = await page.evaluate((end) => {
      const done = window.__bench!.loadedAt()!
      const tasks = window.__bench!.longTasks(end, done)
      return { ms: done - end, task: Math.max(0, ...tasks.map((t) => t.duration)) }
    }, end!)
    side.firstRender.push(r.ms)
    side.longestTask.push(r.task)
  }
  await expect(page.locator(ROW).first()).toBeVisible()

  // Sort: FQDN ascending, descending, … (each click reverses the order, so the first row changes).
  const header = page.getByRole('button', { name: 'FQDN', exact: true })
  for (let i = 0; i < reps.toggles; i++) {
    const before = await page.locator(ROW).first().locator('td').first().textContent()
    await page.evaluate(
      ({ row, before, timeout }) =>
        window.__bench!.watch(() => document.querySelector(`${row} td`)?.textContent !== before, timeout),
      { row: ROW, before, timeout: ACTION_MS },
    )
    await header.click({ timeout: ACTION_MS })
    const r = await page.evaluate(() => window.__bench!.result())
    expect(r.ok, 'the first row changed after sorting').toBe(true)
    side.sort.push(r.ms)
  }

  // Filter: one keystroke at a time; each changes the "Showing N of M" count.
  const box = page.getByRole('searchbox', { name: 'Filter deployments' })
  await box.focus()
  for (let round = 0; round < reps.filterRounds; round++)
    for (const key of KEYS) {
      // Every polite live region's text: the count lives in one of them.
      const before = await page.evaluate(() =>
        [...document.querySelectorAll('[aria-live="polite"]')].map((e) => e.textContent).join('|'),
      )
      await page.evaluate(
        ({ before, timeout }) =>
          window.__bench!.watch(
            () =>
              [...document.querySelectorAll('[aria-live="polite"]')].map((e) => e.textContent).join('|') !==
              before,
            timeout,
          ),
        { before, timeout: ACTION_MS },
      )
      await page.keyboard.press(key)
      const r = await page.evaluate(() => window.__bench!.result())
      if (r.ok) side.filter.push(r.ms)
      else side.filterUnchanged++
    }
  await box.fill('')

  // Scroll: 60 px per frame from the top.
  const scrolled = await page.evaluate(
    ({ sel, frames }) =>
      new Promise<{ intervals: number[]; maxTask: number; moved: number }>((resolve) => {
        const el = document.querySelector<HTMLElement>(sel)!
        el.scrollTop = 0
        const out: number[] = []
        let last = 0
        const started = performance.now()
        const step = (t: number) => {
          if (last) out.push(t - last)
          last = t
          el.scrollTop += 60
          if (out.length < frames) requestAnimationFrame(step)
          else {
            const tasks = window.__bench!.longTasks(started, performance.now())
            resolve({
              intervals: out,
              maxTask: Math.max(0, ...tasks.map((x) => x.duration)),
              moved: el.scrollTop,
            })
          }
        }
        requestAnimationFrame(step)
      }),
    { sel: scroller, frames: reps.scrollFrames },
  )
  expect(scrolled.moved, 'the table scrolled').toBeGreaterThan(reps.scrollFrames * 30)
  side.scroll = scrolled.intervals
  side.scrollMaxTask = scrolled.maxTask
  return side
}

test(`deployments list: ${ROWS.toLocaleString('en-US')} rows vs an unvirtualised table`, async ({
  page,
  mockApi,
  signIn,
}, testInfo) => {
  test.setTimeout(15 * 60_000)
  const created = await mockApi.createDeployments(ROWS, {
    regions: ['fsn1'],
    sovereignFQDN: 'bench.example',
    ageMs: 3600_000,
    ageSpreadMs: 30 * 86_400_000,
  })
  expect(created.count).toBe(ROWS)
  await signIn()
  await page.addInitScript((row) => window.__bench?.watchLoad(row), ROW)

  const ours = await measure(page, '/deployments', '[data-testid="virtual-table-scroll"]', OURS)
  const rowsInDom = await page.locator(ROW).count()
  const theirs = await measure(page, '/__bench/table.html', '[data-testid="baseline-table-scroll"]', BASELINE)
  await page.goto('about:blank')

  const total = (await mockApi.state()).deployments.length
  const scenario = `Deployments list ${ROWS.toLocaleString('en-US')} rows`
  const vs = (name: string, v: number[]) => {
    const m = summarise('', '', 'ms', v)
    return { name, p50: m.p50, p95: m.p95 }
  }
  const base = 'no virtualisation'
  const p95 = (v: number[]) => summarise('', '', 'ms', v).p95
  await record(
    testInfo,
    summarise(scenario, 'first render (data → rows painted)', 'ms', ours.firstRender, {
      baseline: vs(base, theirs.firstRender),
      note: `${total} deployments; ${rowsInDom} rows in the DOM; longest task p50 ${summarise('', '', 'ms', ours.longestTask).p50.toFixed(0)} ms (baseline ${summarise('', '', 'ms', theirs.longestTask).p50.toFixed(0)} ms)`,
    }),
    summarise(scenario, 'sort toggle (click → re-sorted frame)', 'ms', ours.sort, {
      baseline: vs(base, theirs.sort),
      target: '< 100 ms',
      met: p95(ours.sort) < 100,
      note: 'FQDN header, asc ⇄ desc; the console also writes the sort to the URL',
    }),
    summarise(scenario, 'filter keystroke (key → new count painted)', 'ms', ours.filter, {
      baseline: vs(base, theirs.filter),
      target: '< 50 ms',
      met: p95(ours.filter) < 50,
      note: `typing "4217" and deleting it, twice (${ours.filter.length} keys timed, ${ours.filterUnchanged} left the count unchanged; baseline ${theirs.filter.length} keys)`,
    }),
    summarise(scenario, 'scroll frame time (60 px/frame)', 'ms', ours.scroll, {
      baseline: vs(base, theirs.scroll),
      note: `longest task while scrolling ${ours.scrollMaxTask.toFixed(0)} ms (baseline ${theirs.scrollMaxTask.toFixed(0)} ms)`,
    }),
  )
})
