import { ESTATE, expect, test } from '../fixtures.ts'
import { FlowPage } from '../pages/FlowPage.ts'

const live = ESTATE.live.id
const MIN = 60_000

/** Where to sample a job's fill: off-centre, clear of the status glyph, inside the disc. */
const fillPoint = (n: { x: number; y: number; r: number }) => ({ x: n.x + n.r * 0.66, y: n.y })

function close(a: number[], b: number[], tolerance = 6): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tolerance)
}

test('live status changes recolour jobs without moving anything (no re-layout)', async ({
  page,
  signIn,
  mockApi,
}) => {
  await signIn()
  const flow = new FlowPage(page)
  await flow.goto(live, { depth: 'all' })
  await expect(flow.liveStatus).toHaveAccessibleName('Live updates: Live')
  const before = await flow.scene()
  const stateBefore = await flow.state()
  const running = before.nodes.filter((n) => n.kind === 'job' && n.status === 'running' && n.onScreen)
  expect(running.length).toBeGreaterThan(0)
  const probe = running[0]!
  const runningRgb = await flow.tokenRgb('status-running')
  const succeededRgb = await flow.tokenRgb('status-succeeded')
  const p = fillPoint(probe)
  expect(close(await flow.pixelAt(p.x, p.y), runningRgb)).toBe(true)

  // Virtual time moves on; the stream carries the new statuses.
  await mockApi.advance(10 * MIN)
  await expect
    .poll(async () => (await flow.scene()).nodes.find((n) => n.id === probe.id)?.status, { timeout: 15_000 })
    .toBe('succeeded')
  await flow.waitForLayout()
  const after = await flow.scene()
  const changed = after.nodes.filter((n) => before.nodes.find((b) => b.id === n.id && b.status !== n.status))
  expect(changed.length).toBeGreaterThan(0)
  // Nothing moved: every node keeps its layout position and its place on screen.
  for (const n of after.nodes) {
    const b = before.nodes.find((x) => x.id === n.id)
    if (!b) continue
    expect([n.id, n.wx, n.wy]).toEqual([b.id, b.wx, b.wy])
    expect([n.id, Math.round(n.x), Math.round(n.y)]).toEqual([b.id, Math.round(b.x), Math.round(b.y)])
  }
  const stateAfter = await flow.state()
  if (stateAfter.modelNodes === stateBefore.modelNodes)
    expect(stateAfter.layoutRuns).toBe(stateBefore.layoutRuns)
  // And the pixel under the job is now the succeeded colour.
  const n = after.nodes.find((x) => x.id === probe.id)!
  const q = fillPoint(n)
  await expect.poll(() => flow.pixelAt(q.x, q.y).then((rgb) => close(rgb, succeededRgb))).toBe(true)
  // The live summary follows.
  await expect(flow.summary).toHaveText(/^\d+ jobs across 3 regions: /)
})

test('a dropped stream shows a visible reconnecting state, reconnects with backoff and loses nothing', async ({
  page,
  signIn,
  mockApi,
}) => {
  await signIn()
  const flow = new FlowPage(page)
  await flow.goto(live, { depth: 'all' })
  await expect(flow.liveStatus).toHaveAccessibleName('Live updates: Live')
  const before = await flow.scene()
  const running = before.nodes.find((n) => n.kind === 'job' && n.status === 'running')!

  // The mock drops every stream each 1.5 s: the client must show it and come back each time.
  await mockApi.faults({ dropStreamsEveryMs: 1500 })
  await expect(flow.liveStatus).toHaveAccessibleName(/^Live updates: Reconnecting/)
  await expect(flow.reconnectNow).toBeVisible()
  // The graph stays as it was while disconnected (nothing blanked).
  expect((await flow.scene()).nodes.length).toBe(before.nodes.length)
  await expect(flow.liveStatus).toHaveAccessibleName('Live updates: Live', { timeout: 15_000 })

  // Changes that happen while the stream is down arrive after the reconnect (snapshot re-sync).
  await mockApi.faults({ dropStreamsEveryMs: 0 })
  await page.waitForFunction(() => window.__catalystFlow!.state().stream === 'open')
  await mockApi.advance(10 * MIN)
  await expect
    .poll(async () => (await flow.scene()).nodes.find((n) => n.id === running.id)?.status, {
      timeout: 15_000,
    })
    .toBe('succeeded')
  const after = await flow.scene()
  expect(after.nodes.length).toBeGreaterThanOrEqual(before.nodes.length)
  const state = await flow.state()
  expect(state.stream).toBe('open')
  expect(state.framesApplied).toBeGreaterThan(1)
})

test('"Reconnect now" reconnects immediately after an API restart', async ({
  page,
  signIn,
  mockApi,
  allowConsoleErrors,
}) => {
  // While the API is down the browser logs the refused stream connection.
  allowConsoleErrors([/ERR_CONNECTION|net::|EventSource|Failed to load resource/])
  await signIn()
  const flow = new FlowPage(page)
  await flow.goto(live, { depth: '1' })
  await expect(flow.liveStatus).toHaveAccessibleName('Live updates: Live')
  // The API stays down until the client has scheduled a long wait: with full jitter the wait is random, so
  // the test waits for that state (a countdown of 8 s or more) instead of for a time …
  test.setTimeout(3 * 60_000)
  await mockApi.restart(120_000) // the longest outage the control API allows
  await expect(flow.liveStatus).toHaveAccessibleName(/^Live updates: Reconnecting in (?:[89]|[1-9]\d) s/, {
    timeout: 110_000,
  })
  // … then the API comes back: "Reconnect now" does not wait out the backoff.
  await mockApi.restart(0)
  await flow.reconnectNow.click()
  await expect(flow.liveStatus).toHaveAccessibleName('Live updates: Live', { timeout: 2000 })
  expect((await flow.scene()).nodes).toHaveLength(5)
})
