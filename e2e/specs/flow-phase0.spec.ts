import { expect, test } from '../fixtures.ts'
import { FlowPage } from '../pages/FlowPage.ts'

const MIN = 60_000
/** The lifecycle jobs Phase 0 runs before any HelmRelease exists (contract: the provisioner phase). */
const PHASE0 = ['tofu-init', 'tofu-plan', 'tofu-apply', 'tofu-output', 'cluster-bootstrap']

/**
 * Issue 16 item 7: upstream showed an empty canvas until Phase 1 started (~30 minutes). A brand-new
 * deployment shows its Phase-0 jobs from the first second, and they move live with the virtual clock.
 */
test('a brand-new deployment shows its Phase-0 graph from the first second, live', async ({
  page,
  signIn,
  mockApi,
}) => {
  await signIn()
  // Created now (virtual clock paused by the fixture's reset): nothing has run yet.
  const created = await mockApi.createDeployment({ regions: ['fsn1'] })
  const dep = created.id
  const flow = new FlowPage(page)
  await flow.goto(dep, { depth: 'all' })
  await expect(flow.liveStatus).toHaveAccessibleName('Live updates: Live')

  const scene = await flow.scene()
  const jobs = scene.nodes.filter((n) => n.kind === 'job')
  const ids = jobs.map((n) => n.id)
  for (const name of PHASE0) expect(ids, `${name} is drawn`).toContain(`${dep}:${name}`)
  // No Phase-1 job exists yet: every job drawn is a Phase-0 job.
  expect(ids.filter((id) => !PHASE0.includes(id.slice(dep.length + 1)))).toEqual([])
  // Drawn on the canvas, not an empty one.
  expect(jobs.filter((n) => n.onScreen).length).toBeGreaterThanOrEqual(PHASE0.length)
  expect(jobs.every((n) => n.status === 'pending' || n.status === 'running')).toBe(true)
  await expect(flow.outline.getByRole('treeitem', { name: /^Terraform Init/ })).toBeVisible()

  // Virtual time moves on: the stream turns them running, then succeeded, without a reload.
  await mockApi.advance(2 * MIN)
  await expect
    .poll(async () => (await flow.scene()).nodes.find((n) => n.id === `${dep}:tofu-init`)?.status, {
      timeout: 15_000,
    })
    .toBe('succeeded')
  await expect
    .poll(
      async () =>
        (await flow.scene()).nodes
          .filter((n) => n.kind === 'job' && n.status !== 'pending')
          .map((n) => n.id.slice(dep.length + 1)),
      { timeout: 15_000 },
    )
    .toEqual(expect.arrayContaining(['tofu-init', 'tofu-plan']))
  await mockApi.advance(10 * MIN)
  await expect
    .poll(async () => (await flow.scene()).nodes.find((n) => n.id === `${dep}:tofu-apply`)?.status, {
      timeout: 15_000,
    })
    .toMatch(/running|succeeded/)
})
