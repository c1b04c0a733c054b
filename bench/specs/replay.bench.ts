import type { Page } from '@playwright/test'
import { record } from '../record.ts'
import { percentile, summarise, type Metric } from '../stats.ts'
import { expect, flowReady, frameIntervals, test } from '../support/benchTest.ts'

/**
 * Replay (issue 18 item 1): "scrubbing a 10-region run stays at 60 fps". A finished 10-region run, opened
 * at its start (`?at=`); the scrubber is moved one step per animation frame across the whole run and back
 * (its value set and an `input` event dispatched from inside the page, as a dragged slider does), and the
 * rAF intervals are recorded while every view re-derives the run at the new instant:
 *
 *   graph      the flow canvas (statuses re-laid over the store, model and scene rebuilt, canvas redrawn)
 *   table      the jobs table (statuses re-laid over the rows, filtered, sorted, virtualised)
 *   timeline   the jobs timeline (bars and critical path at t, the cursor)
 *
 * The table and timeline render the instant deferred (the slider never waits for them); the figure is the
 * page's frame rate while scrubbing, and the note says how many instants they actually drew.
 *
 * Baseline, same run and page: the rAF intervals of the graph page at rest (replaying, nobody scrubbing) —
 * the frame rate this machine gives an idle page under the current load, so the scrub figures can be read
 * against it.
 */

const TEN = ['fsn1', 'nbg1', 'hel1', 'sin', 'ash', 'hil', 'fsn1', 'nbg1', 'hel1', 'sin']
const FRAMES = Number(process.env.BENCH_REPLAY_FRAMES ?? 360)
const RUNS = 3
/** One 60 Hz frame (16.7 ms) plus rAF timestamp jitter: an interval above it means a frame was dropped. */
const TARGET_MS = 17

/** Sweeps the replay slider over the run and back, one value per frame; returns the frame intervals. */
function scrub(page: Page, frames: number): Promise<{ intervals: number[]; values: number }> {
  return page.evaluate(
    (n) =>
      new Promise<{ intervals: number[]; values: number }>((resolve) => {
        const el = document.querySelector<HTMLInputElement>('input[aria-label="Replay time"]')!
        const max = Number(el.max)
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
        const seen = new Set<string>()
        const out: number[] = []
        let last = 0
        let i = 0
        const step = (t: number) => {
          if (last) out.push(t - last)
          last = t
          const half = n / 2
          const f = i < half ? i / half : (n - i) / half
          set.call(el, String(Math.round(max * f)))
          seen.add(el.value)
          el.dispatchEvent(new Event('input', { bubbles: true }))
          i++
          if (i <= n) requestAnimationFrame(step)
          else resolve({ intervals: out, values: seen.size })
        }
        requestAnimationFrame(step)
      }),
    frames,
  )
}

async function openAtStart(page: Page, path: string, start: string, ready: () => Promise<void>) {
  await page.goto(`${path}${path.includes('?') ? '&' : '?'}at=${start}`)
  await expect(page.getByRole('slider', { name: 'Replay time' })).toBeVisible({ timeout: 60_000 })
  await ready()
}

test('replay: scrubbing a 10-region run (graph, table, timeline) vs the same page at rest', async ({
  page,
  mockApi,
  signIn,
}, testInfo) => {
  test.setTimeout(15 * 60_000)
  const dep = await mockApi.createDeployment({ scenario: 'healthy', regions: TEN, ageMs: 4 * 3600_000 })
  await signIn()
  const res = await page.request.get(`/api/v1/deployments/${dep.id}/jobs`)
  const jobs = ((await res.json()) as { jobs: { type?: string; startedAt?: string | null }[] }).jobs
  const leaves = jobs.filter((j) => j.type !== 'group').length
  const first = Math.min(...jobs.map((j) => (j.startedAt ? Date.parse(j.startedAt) : Infinity)))
  const start = new Date(first).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const scenario = `Replay, 10-region run (${leaves} jobs)`
  const metrics: Metric[] = []
  const target = { target: `p95 ≤ ${TARGET_MS} ms (60 fps)` }

  // ── graph ──────────────────────────────────────────────────────────────────────────────────────────
  const base = `/provision/${dep.id}/jobs`
  await openAtStart(page, `${base}?view=graph&depth=all`, start, () => flowReady(page))
  const idle: number[] = []
  for (let r = 0; r < RUNS; r++) idle.push(...(await frameIntervals(page, FRAMES)))
  const graph: number[] = []
  let redraws = 0
  let values = 0
  for (let r = 0; r < RUNS; r++) {
    const before = await page.evaluate(() => window.__catalystFlow!.perf()!.framesDrawn)
    const s = await scrub(page, FRAMES)
    graph.push(...s.intervals)
    values += s.values
    redraws += (await page.evaluate(() => window.__catalystFlow!.perf()!.framesDrawn)) - before
  }
  // The canvas really followed the scrubber (not one redraw at the end).
  expect(redraws, 'canvas redraws while scrubbing').toBeGreaterThan(RUNS * 20)
  const baseline = { name: 'same graph page at rest', p50: percentile(idle, 50), p95: percentile(idle, 95) }
  metrics.push(
    summarise(scenario, 'graph: frame time while scrubbing', 'ms', graph, {
      ...target,
      met: percentile(graph, 95) <= TARGET_MS,
      baseline,
      note: `${redraws} canvas redraws for ${values} distinct instants over ${RUNS}×${FRAMES} frames`,
    }),
  )

  // ── table and timeline ─────────────────────────────────────────────────────────────────────────────
  // Both views defer the rows to the scrubbed instant (useDeferredValue) and stamp the instant they drew on
  // `data-replay-at`: counting the distinct stamps proves they followed the scrubber, not one draw at the end.
  const views = [
    { metric: 'jobs table', path: base, drawn: '[data-replay-at]' },
    { metric: 'timeline', path: `${base}/timeline`, drawn: '[aria-label="Job bars"][data-replay-at]' },
  ]
  for (const v of views) {
    await openAtStart(page, v.path, start, () => expect(page.locator(v.drawn)).toBeVisible())
    const intervals: number[] = []
    let drawn = 0
    let scrubbed = 0
    for (let r = 0; r < RUNS; r++) {
      await page.evaluate((sel) => {
        const el = document.querySelector(sel)!
        const seen = new Set<string>()
        new MutationObserver(() => seen.add(el.getAttribute('data-replay-at') ?? '')).observe(el, {
          attributeFilter: ['data-replay-at'],
        })
        ;(window as unknown as { __drawnInstants: Set<string> }).__drawnInstants = seen
      }, v.drawn)
      const s = await scrub(page, FRAMES)
      intervals.push(...s.intervals)
      scrubbed += s.values
      drawn += await page.evaluate(
        () => (window as unknown as { __drawnInstants: Set<string> }).__drawnInstants.size,
      )
    }
    expect(drawn, `${v.metric}: instants drawn while scrubbing`).toBeGreaterThan(RUNS * 20)
    metrics.push(
      summarise(scenario, `${v.metric}: frame time while scrubbing`, 'ms', intervals, {
        ...target,
        met: percentile(intervals, 95) <= TARGET_MS,
        baseline,
        note: `${drawn} instants drawn of ${scrubbed} scrubbed over ${RUNS}×${FRAMES} frames`,
      }),
    )
  }

  if (process.env.BENCH_DEBUG) console.log(JSON.stringify(metrics, null, 1))
  await record(testInfo, ...metrics)
})
