import type { CDPSession, Page } from '@playwright/test'
import { markHandoverAlreadyPrompted } from '../../e2e/fixtures.ts'
import { record } from '../record.ts'
import { summarise } from '../stats.ts'
import { expect, sleep, test } from '../support/benchTest.ts'

/**
 * Memory while following a live run: a 3-region deployment started now, its flow graph
 * (/provision/<id>/jobs?view=graph, the page with the most live state: snapshot every 3 s + upserts) open
 * while the mock's virtual clock runs one hour at BENCH_MEMORY_SPEED× (default 30: two minutes of wall time).
 * Every five virtual minutes: a forced major GC (CDP `HeapProfiler.collectGarbage`), then `JSHeapUsedSize`
 * and `Nodes` (DOM nodes) from CDP `Performance.getMetrics`.
 *
 *   JS heap growth   after GC, last sample − first sample (the first is taken once the graph is drawn)
 *   DOM nodes        min / max over the samples ("flat": max − min small and no upward trend); also
 *                    without the virtualised graph outline, whose rows grow as the run reveals groups
 */

const SPEED = Number(process.env.BENCH_MEMORY_SPEED ?? 30)
const VIRTUAL_MS = 60 * 60_000
const SAMPLE_EVERY_VIRTUAL_MS = 5 * 60_000

async function sample(
  cdp: CDPSession,
  page: Page,
): Promise<{ heapMB: number; nodes: number; outlineNodes: number; outlineRows: number }> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN
  // The graph outline (the canvas's accessible mirror) is virtualised: its rows grow as the run reveals
  // groups, up to the window. Counted apart so growth elsewhere is not hidden by it.
  const outline = await page.evaluate(() => {
    const tree = document.querySelector('[role="tree"]')
    if (!tree) return { nodes: 0, rows: 0 }
    const walker = document.createTreeWalker(tree)
    let nodes = 1
    while (walker.nextNode()) nodes++
    return { nodes, rows: tree.querySelectorAll('[role="treeitem"]').length }
  })
  return {
    heapMB: get('JSHeapUsedSize') / 2 ** 20,
    nodes: get('Nodes'),
    outlineNodes: outline.nodes,
    outlineRows: outline.rows,
  }
}

test(`memory: one virtual hour following a 3-region live run (${SPEED}× clock)`, async ({
  page,
  mockApi,
  signIn,
}, testInfo) => {
  test.setTimeout(20 * 60_000 + (VIRTUAL_MS / SPEED) * 2)
  const dep = await mockApi.createDeployment({
    scenario: 'healthy',
    regions: ['fsn1', 'nbg1', 'hel1'],
    ageMs: 0,
  })
  await signIn()
  // Within the hour the run is ready and its handover fires: the 5 s handover prompt would take the page
  // to the new Sovereign's dashboard and end the follow (seen: the last samples were the treemap's DOM).
  await markHandoverAlreadyPrompted(page, [dep.id])
  await page.goto(`/provision/${dep.id}/jobs?view=graph`)
  await page.waitForFunction(() => window.__catalystFlow?.perf()?.firstPaintAt !== undefined, undefined, {
    timeout: 120_000,
  })
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  await cdp.send('HeapProfiler.enable')

  const samples = [await sample(cdp, page)]
  const framesAtStart = await page.evaluate(() => window.__catalystFlow!.state().framesApplied)
  const startedAt = (await mockApi.state()).clock.now
  await mockApi.run(SPEED)
  for (let t = SAMPLE_EVERY_VIRTUAL_MS; t <= VIRTUAL_MS; t += SAMPLE_EVERY_VIRTUAL_MS) {
    // The clock runs on its own: wait until virtual time has passed this sample point (real time elapses).
    for (;;) {
      const now = (await mockApi.state()).clock.now
      if (now - startedAt >= t) break
      await sleep(Math.max(200, (startedAt + t - now) / SPEED))
    }
    samples.push(await sample(cdp, page))
  }
  await mockApi.pause()
  const framesAtEnd = await page.evaluate(() => window.__catalystFlow!.state().framesApplied)
  expect(framesAtEnd, 'the page followed the stream').toBeGreaterThan(framesAtStart)
  await page.goto('about:blank')

  const heap = samples.map((s) => s.heapMB)
  const nodes = samples.map((s) => s.nodes)
  const outside = samples.map((s) => s.nodes - s.outlineNodes)
  const rows = samples.map((s) => s.outlineRows)
  const growth = heap[heap.length - 1]! - heap[0]!
  const scenario = `Memory: 1 virtual hour of a 3-region live run (${SPEED}× clock)`
  await record(
    testInfo,
    summarise(scenario, 'JS heap growth after GC (last − first)', 'MB', [growth], {
      target: '< 50 MB',
      met: growth < 50,
      note: `${heap[0]!.toFixed(1)} → ${heap[heap.length - 1]!.toFixed(1)} MB, max ${Math.max(...heap).toFixed(1)} MB over ${samples.length} samples (every 5 virtual minutes); ${framesAtEnd - framesAtStart} stream frames applied`,
    }),
    summarise(scenario, 'DOM nodes (samples)', 'count', nodes, {
      target: 'flat',
      met: Math.max(...nodes) - Math.min(...nodes) <= Math.max(50, 0.05 * nodes[0]!),
      note: `first ${nodes[0]}, last ${nodes[nodes.length - 1]}, min ${Math.min(...nodes)}, max ${Math.max(...nodes)}; graph outline rows ${rows[0]} → ${rows[rows.length - 1]} (virtualised)`,
    }),
    summarise(scenario, 'DOM nodes outside the graph outline (samples)', 'count', outside, {
      target: 'flat',
      met: Math.max(...outside) - Math.min(...outside) <= Math.max(50, 0.05 * outside[0]!),
      note: `first ${outside[0]}, last ${outside[outside.length - 1]}, min ${Math.min(...outside)}, max ${Math.max(...outside)}`,
    }),
  )
})
