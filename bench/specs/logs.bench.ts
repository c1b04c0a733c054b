import type { Page } from '@playwright/test'
import { ESTATE } from '../../e2e/mockApi.ts'
import { record } from '../record.ts'
import { summarise } from '../stats.ts'
import { expect, sleep, test } from '../support/benchTest.ts'

/**
 * The job log viewer (the real job detail page, src/features/jobs/log) fed by the mock's log flood.
 *
 *   open at the end    navigation start → the frame whose accessible mirror shows line 100,000 (also
 *                      from the response end of the first log page)
 *   follow             a job emitting 5,000 lines/s for 30 s of real time (virtual clock at speed 1):
 *                      rAF intervals on the page while following; lines dropped = lines the producer
 *                      emitted − distinct lines the viewer's buffer holds (read through the non-production
 *                      `__catalystLogViewer.held()` hook), holes counted too; heap growth = used JS heap
 *                      after − before (both after a forced GC)
 *   search             typing a query into "Search logs" over 100,000 loaded lines → the frame that
 *                      shows the match count (every hit counted); with Enter right after the query (dispatched
 *                      in the page on the input event) →
 *                      the frame that shows the first hit from the top of the screen highlighted ("k of N")
 */

const DEP = ESTATE.live.id
const OPEN_LINES = 100_000
const OPENS = 5
const FOLLOW_RATE = 5000
const FOLLOW_SECONDS = Number(process.env.BENCH_FOLLOW_SECONDS ?? 30)
/** Each query hits every 100th line or so (about 1,000 hits); a fresh query every time (no cache). */
const QUERIES = [
  'item 42',
  'item 17',
  'batch 517',
  'probe step',
  'item 63',
  'batch 80 ',
  'item 5 ',
  'item 99',
  'item 31',
  'batch 222',
  'render step 1',
  'item 8 ',
  'batch 901',
  'item 76',
  'flush step 2',
  'item 24',
]

interface Held {
  loaded: number
  total: number
  maxLine: number
  holes: number
  finished: boolean
}

declare global {
  interface Window {
    __catalystLogViewer?: { held(): Held | undefined }
  }
}

const jobUrl = (jobName: string) => `/provision/${DEP}/jobs/${encodeURIComponent(jobName)}`
const MIRROR = 'ol[aria-label="Visible log lines"] li'

const held = (page: Page) => page.evaluate(() => window.__catalystLogViewer?.held())

function lastVisibleLine(page: Page): Promise<number> {
  return page.evaluate((sel) => {
    const items = [...document.querySelectorAll(sel)]
    const m = /^Line (\d+)[: ]/.exec(items[items.length - 1]?.textContent ?? '')
    return m ? Number(m[1]) : 0
  }, MIRROR)
}

test('log viewer: a 100,000-line log opened at its end, then searched', async ({
  page,
  mockApi,
  signIn,
}, testInfo) => {
  test.setTimeout(6 * 60_000)
  await signIn()
  const flood = await mockApi.logFlood({ deploymentId: DEP, lines: OPEN_LINES })
  const url = jobUrl(flood.jobName)
  // From the document's first frame: is the last line on screen (loaded, not a placeholder)?
  await page.addInitScript(
    ({ sel, last }) =>
      window.__bench?.watch(() => {
        const items = document.querySelectorAll(sel)
        return !!items.length && items[items.length - 1]!.textContent!.startsWith(`Line ${last}: `)
      }, 120_000),
    { sel: MIRROR, last: OPEN_LINES },
  )
  const fromNav: number[] = []
  const fromData: number[] = []
  const maxTask: number[] = []
  for (let i = 0; i < OPENS; i++) {
    await page.goto(url)
    const r = await page.evaluate(() => window.__bench!.result())
    expect(r.ok, 'line 100,000 became visible').toBe(true)
    const firstPage = await page.evaluate(() => {
      const e = performance
        .getEntriesByType('resource')
        .filter((x) => x.name.includes('/logs?')) as PerformanceResourceTiming[]
      return e[0]?.responseEnd
    })
    fromNav.push(r.doneAt)
    if (firstPage !== undefined) fromData.push(r.doneAt - firstPage)
    maxTask.push(
      await page.evaluate(
        (to) => Math.max(0, ...window.__bench!.longTasks(0, to).map((t) => t.duration)),
        r.doneAt,
      ),
    )
  }

  // Search needs every line in the buffer: wait for the backfill of the earlier 95,000.
  await expect
    .poll(async () => (await held(page))?.loaded, { timeout: 120_000, intervals: [250] })
    .toBe(OPEN_LINES)
  const box = page.getByRole('searchbox', { name: 'Search logs' })
  const count = page.getByRole('toolbar', { name: 'Log tools' }).getByRole('status')
  const allHits: number[] = []
  const firstHit: number[] = []
  let hits = 0
  for (const q of QUERIES) {
    // All hits: the query → the frame with "N matches".
    await box.fill('')
    await expect(count).toHaveText('')
    await page.evaluate(() =>
      window.__bench!.watch(
        () =>
          /^[\d,]+ match(es)?$/.test(
            document.querySelector('[role="toolbar"][aria-label="Log tools"] [role="status"]')?.textContent ??
              '',
          ),
        10_000,
      ),
    )
    await box.fill(q)
    const all = await page.evaluate(() => window.__bench!.result())
    expect(all.ok, `"${q}" was counted`).toBe(true)
    allHits.push(all.ms)
    hits = Number((await count.textContent())!.replace(/\D/g, ''))

    // First hit: the query and Enter → the frame with the first hit highlighted and on screen.
    await box.fill('')
    await expect(count).toHaveText('')
    await page.evaluate(() =>
      window.__bench!.watch(
        () =>
          /^[\d,]+ of [\d,]+$/.test(
            document.querySelector('[role="toolbar"][aria-label="Log tools"] [role="status"]')?.textContent ??
              '',
          ),
        10_000,
      ),
    )
    // Enter as soon as the query is in (dispatched in the page right after the input event, so no
    // Playwright round trip sits between the two keystrokes).
    await page.evaluate(() => {
      const el = document.querySelector<HTMLInputElement>('input[aria-label="Search logs"]')!
      el.addEventListener(
        'input',
        () =>
          setTimeout(
            () => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
            0,
          ),
        { once: true },
      )
    })
    await box.fill(q)
    const first = await page.evaluate(() => window.__bench!.result())
    expect(first.ok, `"${q}": first hit shown`).toBe(true)
    firstHit.push(first.ms)
  }
  await page.goto('about:blank')

  const scenario = 'Log viewer 100,000 lines'
  const p95 = (v: number[]) => summarise('', '', 'ms', v).p95
  await record(
    testInfo,
    summarise(scenario, 'open at the end (navigation → last line visible)', 'ms', fromNav, {
      note: `from the first log page's response end: p50 ${summarise('', '', 'ms', fromData).p50.toFixed(0)} ms; longest task p50 ${summarise('', '', 'ms', maxTask).p50.toFixed(0)} ms; ${OPENS} loads`,
    }),
    summarise(scenario, 'search: first hit (query + Enter → hit highlighted)', 'ms', firstHit, {
      target: '< 100 ms',
      met: p95(firstHit) < 100,
      note: `${QUERIES.length} queries over ${OPEN_LINES.toLocaleString('en-US')} loaded lines; Enter dispatched in the page right after the query's input event`,
    }),
    summarise(scenario, 'search: all hits (query → match count painted)', 'ms', allHits, {
      note: `the scan is synchronous, so every hit is counted in the first frame; last query: ${hits.toLocaleString('en-US')} hits`,
    }),
  )
})

test(`log viewer: follow a job emitting ${FOLLOW_RATE.toLocaleString('en-US')} lines/s for ${FOLLOW_SECONDS} s`, async ({
  page,
  mockApi,
  signIn,
}, testInfo) => {
  test.setTimeout((FOLLOW_SECONDS + 180) * 1000)
  await signIn()
  const emitted = FOLLOW_RATE * FOLLOW_SECONDS
  const flood = await mockApi.logFlood({ deploymentId: DEP, lines: emitted, ratePerSec: FOLLOW_RATE })
  await page.goto(jobUrl(flood.jobName))
  await expect(page.getByRole('heading', { name: /Log flood/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true')
  await page.evaluate(() => window.__bench!.gc())
  await sleep(500)
  const heapBefore = await page.evaluate(() => {
    window.__bench!.gc()
    return window.__bench!.heapMB()
  })

  // Frame intervals for the whole producing window, collected in the page.
  await page.evaluate(() => {
    const w = window as unknown as { __followFrames: number[]; __followStop: boolean; __followFrom: number }
    w.__followFrames = []
    w.__followStop = false
    w.__followFrom = performance.now()
    let last = 0
    const step = (t: number) => {
      if (last) w.__followFrames.push(t - last)
      last = t
      if (!w.__followStop) requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })
  await mockApi.run(1)
  const samples: { at: number; loaded: number; last: number }[] = []
  const started = Date.now()
  while (Date.now() - started < FOLLOW_SECONDS * 1000) {
    await sleep(1000)
    const h = await held(page)
    samples.push({
      at: (Date.now() - started) / 1000,
      loaded: h?.loaded ?? 0,
      last: await lastVisibleLine(page),
    })
  }
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __followFrames: number[]; __followStop: boolean; __followFrom: number }
    w.__followStop = true
    const tasks = window.__bench!.longTasks(w.__followFrom, performance.now())
    return {
      intervals: w.__followFrames,
      maxTask: Math.max(0, ...tasks.map((t) => t.duration)),
      tasks: tasks.length,
    }
  })
  // Let the producer finish (virtual time may lag real time a little) and the tail catch up.
  await expect
    .poll(async () => (await held(page))?.finished, { timeout: 60_000, intervals: [250] })
    .toBe(true)
  await expect
    .poll(async () => (await held(page))?.loaded, { timeout: 60_000, intervals: [250] })
    .toBe(emitted)
  await mockApi.pause()
  const end = (await held(page))!
  await expect.poll(() => lastVisibleLine(page), { timeout: 10_000 }).toBe(emitted)
  const following = await page.getByRole('button', { name: 'Follow' }).getAttribute('aria-pressed')
  await sleep(500)
  const heapAfter = await page.evaluate(() => {
    window.__bench!.gc()
    return window.__bench!.heapMB()
  })
  const dropped = emitted - end.loaded
  // Lag while producing: lines emitted by then (rate × elapsed) minus lines held.
  const lag = samples.map((s) => Math.max(0, Math.round(s.at * FOLLOW_RATE) - s.loaded))
  const growth = heapBefore !== undefined && heapAfter !== undefined ? heapAfter - heapBefore : Number.NaN
  const scenario = `Log viewer follow ${FOLLOW_RATE.toLocaleString('en-US')} lines/s × ${FOLLOW_SECONDS} s`
  const p95 = summarise('', '', 'ms', frames.intervals).p95
  await record(
    testInfo,
    summarise(scenario, 'frame time while following', 'ms', frames.intervals, {
      target: 'p95 ≤ 20 ms',
      met: p95 <= 20,
      note: `${frames.intervals.length} frames; ${frames.tasks} long tasks, longest ${frames.maxTask.toFixed(0)} ms; still following at the end: ${following}`,
    }),
    summarise(scenario, 'lines dropped (emitted − held)', 'count', [dropped], {
      target: '0',
      met: dropped === 0 && end.holes === 0,
      note: `${emitted.toLocaleString('en-US')} emitted, ${end.loaded.toLocaleString('en-US')} held, ${end.holes} holes; last line on screen ${emitted.toLocaleString('en-US')}; lines behind the producer (sampled each second) p95 ${summarise('', '', 'count', lag).p95}`,
    }),
    summarise(scenario, 'JS heap growth (after GC)', 'MB', [growth], {
      note: `${heapBefore?.toFixed(1)} → ${heapAfter?.toFixed(1)} MB; the buffer keeps every line (${((growth * 2 ** 20) / emitted).toFixed(0)} B/line)`,
    }),
  )
})
