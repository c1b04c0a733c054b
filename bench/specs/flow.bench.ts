import type { Page } from '@playwright/test'
import '../pages/flowBaselineHook.ts'
import { record } from '../record.ts'
import { summarise, type Metric } from '../stats.ts'
import { expect, flowReady, responseEnd, test } from '../support/benchTest.ts'
import type { MockApi } from '../../e2e/mockApi.ts'

/**
 * Flow canvas at 150 / 450 / 2,000 / 5,000 nodes against the upstream approach (bench/pages/flowBaseline.tsx:
 * one SVG element per node and edge, React state updated on every tick of a main-thread simulation).
 *
 *   data → first paint   snapshot response end (Resource Timing) → start of the first frame with nodes
 *   layout settle        snapshot response end → first frame with the final positions (the console
 *                        paints only settled positions, so this equals its first paint); plus the
 *                        worker's own compute time
 *   long tasks           main-thread tasks > 50 ms between the snapshot response and the settled frame
 *   pan/zoom frame       rAF intervals while synthetic drag and wheel input (dispatched from inside the
 *                        page, one step per frame) pans in a circle, then zooms in and out
 *   unfold one group     the outline's → key (console) / a state toggle (baseline) → the frame that
 *                        shows the group's jobs
 */

const TEN = ['fsn1', 'nbg1', 'hel1', 'sin', 'ash', 'hil', 'fsn1', 'nbg1', 'hel1', 'sin']
const SIZES = (process.env.BENCH_FLOW_SIZES ?? '150,450,2000,5000').split(',').map(Number)

interface Size {
  nodes: number
  regions: string[]
  extra: number
  loads: number
  baselineLoads: number
}

const PLAN: Record<number, Size> = {
  150: { nodes: 150, regions: ['fsn1', 'nbg1', 'hel1'], extra: 0, loads: 6, baselineLoads: 3 },
  450: { nodes: 450, regions: TEN, extra: 0, loads: 6, baselineLoads: 3 },
  2000: { nodes: 2000, regions: TEN, extra: 152, loads: 5, baselineLoads: 2 },
  5000: { nodes: 5000, regions: TEN, extra: 452, loads: 4, baselineLoads: 1 },
}

const PAN_ZOOM_FRAMES = 300
/** BENCH_DEBUG=1 prints the raw samples as they come. */
const debug = (...a: unknown[]) => {
  if (process.env.BENCH_DEBUG) console.log(new Date().toISOString().slice(11, 19), ...a)
}

interface LoadSample {
  firstPaint: number
  settle: number
  workerMs: number | undefined
  maxTask: number
  tasks: number
  blocking: number
}

async function createGraph(mockApi: MockApi, size: Size): Promise<string> {
  const dep = await mockApi.createDeployment({
    scenario: 'healthy',
    regions: size.regions,
    extraChartsPerRegion: size.extra,
    // Finished: every job of the run is in the graph.
    ageMs: 4 * 3600_000,
  })
  return dep.id
}

async function loadConsole(page: Page, id: string, search: string): Promise<LoadSample> {
  await page.goto(`/provision/${id}/jobs?view=graph&${search}`)
  await flowReady(page)
  const end = await responseEnd(page, `/flows/${id}/snapshot`)
  return page.evaluate(
    ({ end }) => {
      const h = window.__catalystFlow!
      const paint = h.perf()!.firstPaintAt!
      const tasks = window.__bench!.longTasks(end, paint)
      return {
        firstPaint: paint - end,
        settle: paint - end,
        workerMs: h.state().lastLayoutMs,
        maxTask: Math.max(0, ...tasks.map((t) => t.duration)),
        tasks: tasks.length,
        blocking: tasks.reduce((s, t) => s + t.duration - 50, 0),
      }
    },
    { end: end! },
  )
}

async function loadBaseline(page: Page, id: string, search: string, size: { w: number; h: number }) {
  await page.goto(`/__bench/flow.html?deployment=${id}&${search}&w=${size.w}&h=${size.h}`)
  await page.waitForFunction(() => window.__benchFlowBaseline?.state().settledAt !== undefined, undefined, {
    timeout: 240_000,
    polling: 500,
  })
  const end = await responseEnd(page, `/flows/${id}/snapshot`)
  return page.evaluate(
    ({ end }) => {
      const s = window.__benchFlowBaseline!.state()
      const tasks = window.__bench!.longTasks(end, s.settledAt!)
      return {
        firstPaint: s.firstPaintAt! - end,
        settle: s.settledAt! - end,
        workerMs: undefined,
        maxTask: Math.max(0, ...tasks.map((t) => t.duration)),
        tasks: tasks.length,
        blocking: tasks.reduce((sum, t) => sum + t.duration - 50, 0),
        ticks: s.ticks,
        nodes: s.nodes,
      }
    },
    { end: end! },
  )
}

/**
 * Drags in a circle, then wheels in and out, one synthetic event per animation frame, dispatched from
 * inside the page (d3-zoom handles them like real input); returns the frame intervals.
 */
async function panZoom(page: Page, selector: string, frames: number) {
  return page.evaluate(
    ({ selector, frames }) =>
      new Promise<{ intervals: number[]; pan: number[]; zoom: number[]; maxTask: number }>((resolve) => {
        const el = document.querySelector(selector)!
        const r = el.getBoundingClientRect()
        const cx = r.left + r.width / 2
        const cy = r.top + r.height / 2
        const half = Math.floor(frames / 2)
        const mouse = (type: string, x: number, y: number, buttons: number) =>
          el.dispatchEvent(
            new MouseEvent(type, {
              bubbles: true,
              cancelable: true,
              view: window,
              clientX: x,
              clientY: y,
              button: 0,
              buttons,
            }),
          )
        const pan: number[] = []
        const zoom: number[] = []
        const started = performance.now()
        let last = 0
        let i = 0
        const step = (t: number) => {
          if (last) (i <= half ? pan : zoom).push(t - last)
          last = t
          if (i < half) {
            const a = (i / half) * 2 * Math.PI
            const x = cx + 160 * Math.sin(a)
            const y = cy + 110 * (1 - Math.cos(a)) - 110
            if (i === 0) mouse('mousedown', cx, cy - 0, 1)
            mouse('mousemove', x, y + 0, 1)
          } else if (i === half) {
            mouse('mouseup', cx, cy, 0)
          } else {
            const j = i - half
            const inward = j < (frames - half) / 2
            el.dispatchEvent(
              new WheelEvent('wheel', {
                bubbles: true,
                cancelable: true,
                view: window,
                clientX: cx + 80 * Math.sin(j / 9),
                clientY: cy,
                deltaY: inward ? -22 : 22,
                deltaMode: 0,
              }),
            )
          }
          i++
          if (i <= frames) requestAnimationFrame(step)
          else {
            const tasks = window.__bench!.longTasks(started, performance.now())
            resolve({
              intervals: [...pan, ...zoom],
              pan,
              zoom,
              maxTask: Math.max(0, ...tasks.map((x) => x.duration)),
            })
          }
        }
        requestAnimationFrame(step)
      }),
    { selector, frames },
  )
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)] ?? NaN
const p95 = (v: number[]) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.ceil(0.95 * v.length) - 1)] ?? NaN
const fps = (v: number[]) => 1000 / (v.reduce((s, x) => s + x, 0) / Math.max(1, v.length))

for (const n of SIZES) {
  const size = PLAN[n]
  if (!size) throw new Error(`BENCH_FLOW_SIZES: no plan for ${n} nodes`)
  test(`flow canvas: ${n} nodes vs one SVG element per node`, async ({ page, mockApi, signIn }, testInfo) => {
    test.setTimeout(20 * 60_000)
    const id = await createGraph(mockApi, size)
    await signIn()

    // ── The console ────────────────────────────────────────────────────────────────────────────────────
    const loads: LoadSample[] = []
    for (let i = 0; i < size.loads; i++) loads.push(await loadConsole(page, id, 'depth=all'))
    debug(`${n} nodes: console loads`, JSON.stringify(loads))
    const drawn = await page.evaluate(() => window.__catalystFlow!.scene().nodes.length)
    const canvasSel = 'canvas[role="application"]'
    const box = await page.locator(canvasSel).boundingBox()
    const stage = { w: Math.round(box!.width), h: Math.round(box!.height) }
    const ours = await panZoom(page, canvasSel, PAN_ZOOM_FRAMES)

    // Unfold one region's bootstrap-kit group from the outline (→ unfolds, ← folds back).
    const group = await page.evaluate(() => {
      const nodes = window.__catalystFlow!.scene().nodes
      const job = nodes.find((x) => x.kind === 'job' && x.id.endsWith(':cilium') && x.region !== undefined)
      return job ? `${job.region}:bootstrap-kit` : undefined
    })
    expect(group, 'a region bootstrap-kit group').toBeTruthy()
    // Selected, so the (virtualised) outline scrolls its row into view.
    await loadConsole(page, id, `depth=all&folded=${group}&selected=${group}`)
    const groupId = `${id}:${group}`
    const row = page.locator(`[data-row-id="${groupId}"]`)
    await row.scrollIntoViewIfNeeded()
    await row.focus()
    const unfoldOurs: number[] = []
    const foldOurs: number[] = []
    for (let i = 0; i < 12; i++) {
      const before = await page.evaluate(() => ({
        label: document.querySelector('canvas[role="application"]')!.getAttribute('aria-label'),
        frames: window.__catalystFlow!.perf()!.framesDrawn,
      }))
      await page.evaluate(
        (b) =>
          window.__bench!.watch(
            () =>
              document.querySelector('canvas[role="application"]')!.getAttribute('aria-label') !== b.label &&
              window.__catalystFlow!.perf()!.framesDrawn > b.frames,
          ),
        before,
      )
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft')
      const r = await page.evaluate(() => window.__bench!.result())
      expect(r.ok, 'the canvas redrew with the group unfolded/folded').toBe(true)
      ;(i % 2 === 0 ? unfoldOurs : foldOurs).push(r.ms)
      await page.waitForTimeout(150)
    }
    debug(`${n} nodes: unfold/fold`, unfoldOurs, foldOurs)
    await page.goto('about:blank')

    // ── The baseline ───────────────────────────────────────────────────────────────────────────────────
    const base: Awaited<ReturnType<typeof loadBaseline>>[] = []
    for (let i = 0; i < size.baselineLoads; i++) base.push(await loadBaseline(page, id, 'depth=all', stage))
    debug(`${n} nodes: baseline loads`, JSON.stringify(base))
    const svgSel = 'svg[role="img"]'
    const theirs = await panZoom(page, svgSel, PAN_ZOOM_FRAMES)
    await loadBaseline(page, id, `depth=all&folded=${group}`, stage)
    const unfoldBase: number[] = []
    for (let i = 0; i < 6; i++) {
      const label = await page.locator(svgSel).getAttribute('aria-label')
      await page.evaluate(
        (l) =>
          window.__bench!.watch(
            () => document.querySelector('svg[role="img"]')!.getAttribute('aria-label') !== l,
          ),
        label,
      )
      await page.evaluate((g) => {
        window.__bench!.mark()
        window.__benchFlowBaseline!.toggle(g)
      }, groupId)
      const r = await page.evaluate(() => window.__bench!.result())
      expect(r.ok).toBe(true)
      if (i % 2 === 0) unfoldBase.push(r.ms)
      await page.waitForTimeout(150)
    }
    await page.goto('about:blank')

    // ── Report ─────────────────────────────────────────────────────────────────────────────────────────
    const scenario = `Flow canvas ${n.toLocaleString('en-US')} nodes`
    const pick = <K extends keyof LoadSample>(xs: { [k in K]: LoadSample[K] }[], k: K) =>
      xs.map((x) => x[k] as number)
    const vs = (values: number[], name = 'SVG per node') => ({ name, p50: median(values), p95: p95(values) })
    const frameTarget = n === 2000 ? 20 : n === 5000 ? 33.4 : undefined
    const baseTicks = (base[0] as { ticks?: number } | undefined)?.ticks
    const metrics: Metric[] = [
      summarise(scenario, 'data → first paint', 'ms', pick(loads, 'firstPaint'), {
        baseline: vs(pick(base, 'firstPaint')),
        note: `${drawn} nodes drawn (depth=all); baseline paints unsettled seed positions first`,
      }),
      summarise(scenario, 'layout settle (data → settled frame)', 'ms', pick(loads, 'settle'), {
        baseline: vs(pick(base, 'settle')),
        target: n === 2000 ? '< 1,000 ms' : undefined,
        met: n === 2000 ? p95(pick(loads, 'settle')) < 1000 : undefined,
        note: `worker compute p50 ${median(loads.map((l) => l.workerMs ?? NaN)).toFixed(0)} ms; baseline ${baseTicks} ticks on the main thread`,
      }),
      summarise(scenario, 'longest main-thread task during layout', 'ms', pick(loads, 'maxTask'), {
        baseline: vs(pick(base, 'maxTask')),
        // The issue sets this target for 2,000 nodes (5,000 nodes: frame rate only).
        target: n === 2000 ? 'none > 50 ms' : undefined,
        met: n === 2000 ? Math.max(...pick(loads, 'maxTask')) <= 50 : undefined,
        note: `tasks > 50 ms per load p50 ${median(pick(loads, 'tasks'))} (baseline ${median(pick(base, 'tasks'))}); blocking time p50 ${median(pick(loads, 'blocking')).toFixed(0)} ms (baseline ${median(pick(base, 'blocking')).toFixed(0)} ms)`,
      }),
      summarise(scenario, 'pan/zoom frame time', 'ms', ours.intervals, {
        baseline: vs(theirs.intervals),
        target: frameTarget ? `p95 ≤ ${n === 2000 ? 20 : 33} ms (≥ ${n === 2000 ? 55 : 30} fps)` : undefined,
        met: frameTarget ? p95(ours.intervals) <= frameTarget : undefined,
        note: `${fps(ours.intervals).toFixed(0)} fps (baseline ${fps(theirs.intervals).toFixed(1)}); pan p95 ${p95(ours.pan).toFixed(1)} ms, zoom p95 ${p95(ours.zoom).toFixed(1)} ms; longest task ${ours.maxTask.toFixed(0)} ms (baseline ${theirs.maxTask.toFixed(0)} ms)`,
      }),
      summarise(scenario, 'unfold one group (→ in the outline)', 'ms', unfoldOurs, {
        baseline: vs(unfoldBase),
        note: `${group}; fold back p50 ${median(foldOurs).toFixed(0)} ms; console path includes the URL update`,
      }),
    ]
    await record(testInfo, ...metrics)
  })
}
