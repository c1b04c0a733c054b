import { readFileSync } from 'node:fs'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { FlowPage } from '../pages/FlowPage.ts'

interface KitChart {
  chart: string
  phase: string
  primaryOnly: boolean
  providerOnly?: string
}
const kit = JSON.parse(
  readFileSync(new URL('../../mock-api/fixtures/bootstrap-kit.json', import.meta.url), 'utf8'),
) as {
  charts: KitChart[]
}
/** Bootstrap-kit installs per region, from the fixture (the mock provisions on Hetzner). */
function kitInstalls(primary: boolean): number {
  return kit.charts.filter(
    (c) =>
      c.phase === 'bootstrap-kit' &&
      (!c.providerOnly || c.providerOnly === 'hetzner') &&
      (primary || !c.primaryOnly),
  ).length
}

const PHASES = ['provisioner', 'bootstrap-kit', 'cutover', 'handover', 'apps']
const HOUR = 3_600_000

test('depth 1 shows the five phases, connected in order (regression 28)', async ({ page, signIn }) => {
  await signIn()
  const flow = new FlowPage(page)
  const dep = ESTATE.ready.id
  await flow.goto(dep, { depth: '1' })
  const scene = await flow.scene()
  expect(scene.nodes.map((n) => n.id)).toEqual(PHASES.map((p) => `${dep}:${p}`))
  expect(scene.nodes.every((n) => n.kind === 'group')).toBe(true)
  const chain = PHASES.slice(1).map((p, i) => `${dep}:${PHASES[i]} -> ${dep}:${p}`)
  expect(scene.edges.map((e) => `${e.fromId} -> ${e.toId}`).sort()).toEqual([...chain].sort())
  // Drawn left to right, in one row.
  const xs = scene.nodes.map((n) => n.x)
  expect([...xs].sort((a, b) => a - b)).toEqual(xs)
  expect(new Set(scene.nodes.map((n) => Math.round(n.y))).size).toBe(1)
  // The empty apps phase is pending, never running (regression 31).
  expect(scene.nodes.find((n) => n.id === `${dep}:apps`)?.status).toBe('pending')
  await expect(flow.depth).toHaveValue('1')
  // The accessible mirror lists the same five phases, collapsed, with their status.
  await expect(flow.outline.getByRole('treeitem')).toHaveCount(5)
  await expect(flow.treeItem(/^Bootstrap Succeeded/)).toHaveAttribute('aria-expanded', 'false')
})

for (const regions of [
  ['fsn1', 'nbg1', 'hel1'],
  ['fsn1', 'nbg1', 'hel1', 'ash'],
]) {
  test(`unfolding bootstrap-kit on a ${regions.length}-region deployment shows one group per region with the fixture's counts (regression 29)`, async ({
    page,
    signIn,
    mockApi,
  }) => {
    const created = await mockApi.createDeployment({ regions })
    await mockApi.advance(3 * HOUR)
    expect((await mockApi.state()).deployments.find((d) => d.id === created.id)?.status).toMatch(
      /ready|adopted/,
    )
    await signIn()
    const flow = new FlowPage(page)
    await flow.goto(created.id, { depth: '1' })
    await flow.clickNode(`${created.id}:bootstrap-kit`, { double: true })
    // Only that phase unfolds: the URL now folds the other phases explicitly.
    await expect(page).toHaveURL(/folded=[^&]*provisioner/)
    // The URL changes before the new scene exists: wait for the unfolded scene itself (one bootstrap-kit
    // group per region), then for its layout — on a busy machine the old scene can still be the latest.
    const kitGroups = async () =>
      (await flow.scene()).nodes.filter((n) => n.kind === 'group' && n.id.endsWith(':bootstrap-kit'))
    await expect.poll(async () => (await kitGroups()).length, { timeout: 30_000 }).toBe(regions.length)
    await flow.waitForLayout()
    const scene = await flow.scene()
    const groups = scene.nodes.filter((n) => n.kind === 'group' && n.id.endsWith(':bootstrap-kit'))
    expect(groups).toHaveLength(regions.length)
    // Symmetric: the primary has its own group; no group with two regions' jobs; no duplicates.
    expect(new Set(groups.map((g) => g.id)).size).toBe(regions.length)
    expect(groups.map((g) => g.region)).toEqual(created.regions)
    expect(groups.map((g) => g.hiddenCount)).toEqual(created.regions.map((_, i) => kitInstalls(i === 0)))
    expect(groups.every((g) => g.folded && g.status === 'succeeded')).toBe(true)
    // Only bootstrap-kit was unfolded: the other phases are still single bubbles.
    for (const p of ['provisioner', 'cutover', 'handover'])
      expect(scene.nodes.find((n) => n.id === `${created.id}:${p}`)?.folded).toBe(true)
    // Region lanes: each region group sits in its own lane, top to bottom in region order.
    const ys = groups.map((g) => g.y)
    expect([...ys].sort((a, b) => a - b)).toEqual(ys)
  })
}

test('depth=all draws exactly the real dependencies: no M×N fan-out (regression 30)', async ({
  page,
  signIn,
}) => {
  await signIn()
  const flow = new FlowPage(page)
  const dep = ESTATE.ready.id
  await flow.goto(dep, { depth: 'all' })
  // The real dependency count, from the same snapshot the page loaded.
  const snap = await page.evaluate(
    async (id) => (await fetch(`/api/v1/flows/${id}/snapshot`, { credentials: 'same-origin' })).json(),
    dep,
  )
  const rels = snap.relationships as { fromId: string; toId: string; type: string }[]
  const groups = new Set(rels.filter((r) => r.type === 'contains').map((r) => r.toId))
  for (const n of snap.nodes as { id: string; family?: string }[]) if (n.family === 'group') groups.add(n.id)
  const realJobDeps = rels.filter(
    (r) => r.type !== 'contains' && !groups.has(r.fromId) && !groups.has(r.toId),
  )
  const scene = await flow.scene()
  const kind = new Map(scene.nodes.map((n) => [n.id, n.kind]))
  const jobEdges = scene.edges.filter((e) => kind.get(e.fromId) === 'job' && kind.get(e.toId) === 'job')
  expect(jobEdges).toHaveLength(realJobDeps.length)
  const real = new Set(realJobDeps.map((r) => `${r.fromId}>${r.toId}`))
  expect(jobEdges.every((e) => real.has(`${e.fromId}>${e.toId}`) && e.count === 1)).toBe(true)
  // install-cnpg keeps only its real dependencies.
  const cnpg = `${dep}:install-cnpg`
  expect(
    scene.edges
      .filter((e) => e.toId === cnpg)
      .map((e) => e.fromId)
      .sort(),
  ).toEqual(
    realJobDeps
      .filter((r) => r.toId === cnpg)
      .map((r) => r.fromId)
      .sort(),
  )
  // Every edge joins two drawn nodes and none crosses regions (regression 26).
  const region = new Map(scene.nodes.map((n) => [n.id, n.region]))
  for (const e of scene.edges) {
    expect(kind.has(e.fromId) && kind.has(e.toId)).toBe(true)
    const a = region.get(e.fromId)
    const b = region.get(e.toId)
    if (a && b) expect(a).toBe(b)
  }
  // Region lanes: labelled, in region order, each holding exactly its region's jobs, tinted apart.
  const lanes = await flow.lanes()
  expect(lanes.map((l) => l.label)).toEqual(['Deployment-wide', 'fsn1', 'nbg1-1', 'hel1-2'])
  for (const n of scene.nodes.filter((x) => x.kind === 'job')) {
    const lane = lanes.find((l) => l.key === (n.region ?? '__global'))!
    expect(n.y).toBeGreaterThan(lane.y0)
    expect(n.y).toBeLessThan(lane.y1)
  }
  const tints = await Promise.all(lanes.map((l) => flow.pixelAt(l.x1 - 3, (l.y0 + l.y1) / 2)))
  expect(new Set(tints.map((t) => t.join(','))).size).toBe(lanes.length)
  // No phantom region-prefixed primary ids (regression 24).
  expect(scene.nodes.some((n) => n.id.includes(':install-fsn1:'))).toBe(false)
  expect((await flow.state()).diagnostics).toEqual([])
})

test('the graph works on a Sovereign console too, with the same counts', async ({
  page,
  signIn,
  baseURL,
}) => {
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  await signIn({ origin })
  const flow = new FlowPage(page)
  await flow.goto(ESTATE.adopted.id, {}, { origin, sovereign: true })
  const scene = await flow.scene()
  const groups = scene.nodes.filter((n) => n.id.endsWith(':bootstrap-kit') && n.kind === 'group')
  expect(groups.map((g) => g.hiddenCount)).toEqual([
    kitInstalls(true),
    kitInstalls(false),
    kitInstalls(false),
  ])
  await expect(flow.summary).toHaveText(/^\d+ jobs across 3 regions: \d+ succeeded/)
})
