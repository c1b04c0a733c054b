import { describe, expect, it } from 'vitest'
import { DeploymentState, DeploymentSummary } from '../../src/contracts/deployments.ts'
import { FlowMessage } from '../../src/contracts/flow.ts'
import { Job } from '../../src/contracts/jobs.ts'
import { Infrastructure } from '../../src/contracts/topology.ts'
import { eventsAt, rollup } from './derive.ts'
import { jobsAt } from './derive/jobsAt.ts'
import { composeFlowSnapshot } from './flowComposer.ts'
import { BOOTSTRAP_KIT } from './kit.ts'
import { VirtualClock } from './clock.ts'
import { Simulator } from './simulator.ts'
import { computeTimeline } from './timeline/index.ts'
import { topologyAt } from './topology.ts'

const HOUR = 3600_000
const kit = BOOTSTRAP_KIT.charts
/** Expected install jobs per region, derived from the fixture (not hard-coded). */
const primaryInstalls = kit.length
const secondaryInstalls = kit.filter((c) => !c.primaryOnly).length
const cutoverCharts = kit.filter((c) => c.phase === 'cutover').length

/** A fixed instant, so two simulators built in one test are identical. */
const EPOCH = Date.UTC(2026, 4, 14, 9, 0, 0)

function fixedSim() {
  return new Simulator({
    clock: new VirtualClock({ start: EPOCH, paused: true }),
    clockDefaults: { speed: 1, paused: true },
  })
}

function finishedRun(
  regions: string[],
  scenario: Parameters<Simulator['createMock']>[0]['scenario'] = 'healthy',
) {
  const sim = fixedSim()
  const rec = sim.createMock({ scenario, regions, sovereignFQDN: `run-${regions.length}.omani.works` })
  sim.clock.set({ advanceMs: 4 * HOUR })
  return { sim, rec, tl: sim.timeline(rec), t: sim.now() }
}

describe('lifecycle simulator', () => {
  it.each([
    [
      ['fsn1', 'nbg1', 'hel1'],
      ['fsn1', 'nbg1-1', 'hel1-2'],
    ],
    [
      ['fsn1', 'nbg1', 'hel1', 'sin'],
      ['fsn1', 'nbg1-1', 'hel1-2', 'sin-3'],
    ],
  ])('a %j run ends ready with the fixture-derived job and node counts', (regions, keys) => {
    const { sim, rec, tl, t } = finishedRun(regions)
    expect(sim.status(rec)).toBe('ready')
    expect(rec.spec.regions.map((r) => r.key)).toEqual(keys)
    const jobs = jobsAt(tl, t, rec.mut)
    const installs = jobs.filter((j) => j.jobName.startsWith('install-'))
    expect(installs).toHaveLength(primaryInstalls + (regions.length - 1) * secondaryInstalls)
    // 5 phase groups + 5 Phase-0 leaves + installs + 8 cutover steps + 3 handover jobs
    expect(jobs).toHaveLength(5 + 5 + installs.length + 8 + 3)
    // Every job succeeded, except the empty `apps` phase, which stays pending (an empty group is pending).
    expect(jobs.filter((j) => j.status !== 'succeeded').map((j) => j.jobName)).toEqual(['apps'])

    const snap = composeFlowSnapshot(tl, t, rec.mut)
    const regionGroups = (snap.nodes ?? []).filter(
      (n) => /:(bootstrap-kit|cutover)$/.test(n.id) && n.id.split(':').length === 3,
    )
    // One bootstrap-kit and one cutover sub-group per region, the primary included.
    expect(regionGroups).toHaveLength(2 * regions.length)
    expect(snap.nodes).toHaveLength(jobs.length + regionGroups.length)
    const bootstrapKitGroups = regionGroups.filter((n) => n.id.endsWith(':bootstrap-kit'))
    for (const g of bootstrapKitGroups) {
      const children = (snap.relationships ?? []).filter((r) => r.type === 'contains' && r.toId === g.id)
      const primary = g.region === keys[0]
      expect(children).toHaveLength((primary ? primaryInstalls : secondaryInstalls) - cutoverCharts)
    }
  })

  it('never draws a dependency across regions, and contains always points child → parent', () => {
    const { rec, tl, t } = finishedRun(['fsn1', 'nbg1', 'hel1'])
    const snap = composeFlowSnapshot(tl, t, rec.mut)
    const nodes = new Map((snap.nodes ?? []).map((n) => [n.id, n]))
    for (const r of snap.relationships ?? []) {
      expect(nodes.has(r.fromId), `dangling fromId ${r.fromId}`).toBe(true)
      expect(nodes.has(r.toId), `dangling toId ${r.toId}`).toBe(true)
      const from = nodes.get(r.fromId)!
      const to = nodes.get(r.toId)!
      if (
        r.type === 'finish-to-start' &&
        from.family !== 'group' &&
        to.family !== 'group' &&
        from.region &&
        to.region
      ) {
        expect(from.region).toBe(to.region)
      }
      if (r.type === 'contains') {
        // A parent is always a group, and no node contains itself.
        expect(to.family).toBe('group')
        expect(r.fromId).not.toBe(r.toId)
      }
    }
    // Phase groups chained finish-to-start in order.
    const chain = (snap.relationships ?? []).filter(
      (r) => r.type === 'finish-to-start' && nodes.get(r.fromId)?.family === 'group',
    )
    expect(chain.map((r) => `${r.fromId.split(':')[1]}>${r.toId.split(':')[1]}`)).toEqual([
      'provisioner>bootstrap-kit',
      'bootstrap-kit>cutover',
      'cutover>handover',
      'handover>apps',
    ])
  })

  it('rolls group status up bottom-up: failed > running > pending > succeeded; empty is pending', () => {
    expect(rollup([])).toBe('pending')
    expect(rollup(['succeeded', 'failed', 'running'])).toBe('failed')
    expect(rollup(['succeeded', 'running', 'pending'])).toBe('running')
    expect(rollup(['succeeded', 'pending'])).toBe('pending')
    expect(rollup(['succeeded', 'succeeded'])).toBe('succeeded')
    const { rec, tl, t } = finishedRun(['fsn1', 'nbg1', 'hel1'], 'failing-chart')
    const snap = composeFlowSnapshot(tl, t, rec.mut)
    const byId = new Map((snap.nodes ?? []).map((n) => [n.id, n]))
    const dep = rec.spec.id
    expect(byId.get(`${dep}:install-harbor`)?.status).toBe('failed')
    // Dependents of the failed chart stay pending.
    expect(byId.get(`${dep}:install-self-sovereign-cutover`)?.status).toBe('pending')
    expect(byId.get(`${dep}:fsn1:bootstrap-kit`)?.status).toBe('failed')
    expect(byId.get(`${dep}:bootstrap-kit`)?.status).toBe('failed')
    expect(byId.get(`${dep}:nbg1-1:bootstrap-kit`)?.status).toBe('succeeded')
    // Phases whose jobs never appeared are pending, not running (regression 31).
    expect(byId.get(`${dep}:handover`)?.status).toBe('pending')
    expect(byId.get(`${dep}:apps`)?.status).toBe('pending')
  })

  it('is deterministic for a fixed seed and clock', () => {
    const a = finishedRun(['fsn1', 'nbg1', 'hel1'])
    const b = finishedRun(['fsn1', 'nbg1', 'hel1'])
    const strip = (s: ReturnType<typeof composeFlowSnapshot>) =>
      JSON.stringify({ ...s, nodes: s.nodes, relationships: s.relationships })
    expect(a.rec.spec.id).toBe(b.rec.spec.id)
    expect(strip(composeFlowSnapshot(a.tl, a.t - 3 * HOUR, a.rec.mut))).toBe(
      strip(composeFlowSnapshot(b.tl, b.t - 3 * HOUR, b.rec.mut)),
    )
    expect(eventsAt(a.tl, a.t)).toEqual(eventsAt(b.tl, b.t))
  })

  it('plays every scenario to its documented end state', () => {
    const cases: [
      Parameters<Simulator['createMock']>[0]['scenario'],
      string,
      Partial<Record<string, unknown>>,
    ][] = [
      ['healthy', 'ready', { phase1Outcome: 'ready' }],
      ['failing-tofu-apply', 'failed', {}],
      ['failing-chart', 'failed', { phase1Outcome: 'failed' }],
      ['secondary-degraded', 'ready', { secondaryDegraded: true }],
      ['flux-not-reconciling', 'failed', { phase1Outcome: 'flux-not-reconciling' }],
      ['kubeconfig-missing', 'failed', { phase1Outcome: 'kubeconfig-missing' }],
    ]
    for (const [scenario, status, fields] of cases) {
      const { sim, rec } = finishedRun(['fsn1', 'nbg1', 'hel1'], scenario)
      const state = DeploymentState.parse(sim.state(rec, (f) => `https://console.${f}`))
      expect(state.status, scenario).toBe(status)
      for (const [k, v] of Object.entries(fields))
        expect(state[k as keyof typeof state], `${scenario} ${k}`).toEqual(v)
      if (status === 'failed') expect(state.error, scenario).toBeTruthy()
    }
  })

  it('keeps the past unchanged when an operator retries a failed chart, then finishes ready', () => {
    const { sim, rec, tl } = finishedRun(['fsn1', 'nbg1', 'hel1'], 'failing-chart')
    const before = eventsAt(tl, sim.now())
    expect(sim.status(rec)).toBe('failed')
    const out = sim.retry(rec, 'install-harbor')
    expect(out.ok).toBe(true)
    expect(sim.status(rec)).toBe('phase1-watching')
    expect(eventsAt(sim.timeline(rec), sim.now()).slice(0, before.length)).toEqual(before)
    sim.clock.set({ advanceMs: 2 * HOUR })
    expect(sim.status(rec)).toBe('ready')
    const detail = sim.jobDetail(rec, 'install-harbor')!
    expect(detail.executions).toHaveLength(2)
    expect(detail.executions[0]!.status).toBe('succeeded')
    expect(detail.executions[1]!.status).toBe('failed')
  })

  it('seeds an estate of every status, multi- and single-region, that parses with the contract', () => {
    const sim = fixedSim()
    const rows = sim.summaries().map((r) => DeploymentSummary.parse(r))
    expect(rows.length).toBeGreaterThanOrEqual(8)
    const statuses = new Set(rows.map((r) => r.status))
    for (const s of ['ready', 'adopted', 'phase1-watching', 'provisioning', 'failed', 'wiped'])
      expect(statuses, s).toContain(s)
    expect(rows.some((r) => r.secondaryDegraded)).toBe(true)
    expect(rows.some((r) => (r.regions ?? []).length === 1)).toBe(true)
    expect(rows.some((r) => (r.regions ?? []).length >= 3)).toBe(true)
    expect(new Set(rows.map((r) => r.ownerEmail)).size).toBeGreaterThan(3)
    for (const rec of sim.liveRecords()) {
      const t = sim.now()
      const tl = sim.timeline(rec)
      for (const j of jobsAt(tl, t, rec.mut)) Job.parse(j)
      FlowMessage.parse(composeFlowSnapshot(tl, t, rec.mut))
      Infrastructure.parse(topologyAt(tl, t, rec.mut))
    }
  })

  it('wipes: age guard for young phase1-watching deployments, force overrides, report counts the topology', () => {
    const sim = fixedSim()
    const rec = sim.createMock({ scenario: 'healthy', regions: ['fsn1', 'nbg1', 'hel1'] })
    sim.clock.set({ advanceMs: 12 * 60_000 })
    expect(sim.status(rec)).toBe('phase1-watching')
    const guarded = sim.beginWipe(rec, false)
    expect(guarded.ok).toBe(false)
    if (!guarded.ok) expect(guarded.json).toMatchObject({ minLifeSec: 1800, status: 'phase1-watching' })
    const forced = sim.beginWipe(rec, true)
    expect(forced.ok).toBe(true)
    expect(sim.status(rec)).toBe('wiping')
    if (!forced.ok) return
    const report = forced.value.finish() as { hetznerPurge: { servers: number; load_balancers: number } }
    expect(report.hetznerPurge.servers).toBe(3 + 1 + 2 + 1 + 2 + 1)
    expect(report.hetznerPurge.load_balancers).toBe(3)
    expect(sim.status(rec)).toBe('wiped')
    sim.clock.set({ advanceMs: 61_000 })
    expect(sim.record(rec.spec.id)).toBeUndefined()
  })
})

describe('lazy event buffers', () => {
  it('a timeline built without events yields exactly the same buffer on first use', () => {
    const sim = fixedSim()
    const rec = sim.createMock({ scenario: 'failing-chart', regions: ['fsn1', 'nbg1'] })
    sim.clock.set({ advanceMs: 3 * HOUR })
    sim.retry(rec, 'install-harbor')
    const full = computeTimeline(rec.spec, rec.mut)
    const light = computeTimeline(rec.spec, rec.mut, { events: false })
    expect(light.jobs.map((j) => j.attempts)).toEqual(full.jobs.map((j) => j.attempts))
    expect(light.events).toEqual(full.events)
  })
})
