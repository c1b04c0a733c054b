import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { eventsAt } from './derive.ts'
import { componentStatesAt } from './derive/componentStates.ts'
import { jobsAt } from './derive/jobsAt.ts'
import { summaryAt } from './derive/stateAt.ts'
import { VirtualClock } from './clock.ts'
import { Simulator, type DeploymentRecord } from './simulator.ts'
import { computeTimeline, type Timeline } from './timeline/index.ts'
import { topologyAt } from './topology.ts'

/**
 * Characterisation test (issue 14): the computed lifecycle of a fixed fleet, hashed. It was recorded on the
 * unsplit `computeTimeline` and guards every refactor of the timeline and its derivations: any change in a
 * job, attempt, log line, event, status change or derived wire shape changes the digest. If a change is
 * MEANT to alter behaviour, update the digest in the same commit and say why.
 */

const EPOCH = Date.UTC(2026, 4, 14, 9, 0, 0)
const MIN = 60_000
const HOUR = 60 * MIN

/** The default estate plus runs that exercise retries, floods, Day-2, kubeconfig PUTs and watch refreshes. */
function fleet(): { sim: Simulator; recs: DeploymentRecord[] } {
  const sim = new Simulator({
    clock: new VirtualClock({ start: EPOCH, paused: true }),
    clockDefaults: { speed: 1, paused: true },
  })
  const retried = sim.createMock({
    scenario: 'failing-chart',
    regions: ['fsn1', 'nbg1', 'hel1'],
    id: 'c0ffee0000000001',
  })
  const degraded = sim.createMock({
    scenario: 'secondary-degraded',
    regions: ['fsn1', 'nbg1'],
    id: 'c0ffee0000000002',
  })
  const missing = sim.createMock({
    scenario: 'kubeconfig-missing',
    regions: ['hel1', 'fsn1'],
    id: 'c0ffee0000000003',
  })
  const tofu = sim.createMock({
    scenario: 'failing-tofu-apply',
    regions: ['nbg1', 'sin'],
    id: 'c0ffee0000000004',
  })
  const scale = sim.createMock({
    scenario: 'healthy',
    regions: ['fsn1', 'nbg1'],
    id: 'c0ffee0000000005',
    extraChartsPerRegion: 7,
    extraPods: 40,
  })
  sim.clock.set({ advanceMs: 20 * MIN })
  sim.landKubeconfig(missing, 'hel1')
  sim.clock.set({ advanceMs: 3 * HOUR })
  sim.retry(retried, 'install-harbor')
  sim.logFlood(scale, 500, 50, 120)
  sim.logFlood(scale, 30, 2, 80, {
    jobName: 'task-verbatim',
    displayName: 'Verbatim',
    messages: ['a', 'b <c>'],
  })
  sim.mutate(scale, {
    day2: [
      {
        at: sim.now(),
        jobName: 'mutation-add-region-ash',
        kind: 'region',
        action: 'add-region',
        diff: '+ region ash',
        xrcKind: 'RegionClaim',
        xrcName: 'ash',
        ok: true,
        note: 'submitted',
      },
      {
        at: sim.now() + MIN,
        jobName: 'mutation-delete-pool-x',
        kind: 'pool',
        action: 'delete',
        diff: '- pool x',
        xrcKind: 'PoolClaim',
        xrcName: 'x',
        ok: false,
        note: 'conflict',
      },
    ],
  })
  sim.refreshWatch(degraded)
  sim.clock.set({ advanceMs: 30 * MIN })
  sim.retry(tofu, 'tofu-apply')
  sim.clock.set({ advanceMs: 2 * HOUR })
  return { sim, recs: [...sim.records.values()] }
}

/** Everything a timeline holds, with Maps and closures turned into plain data. */
function plain(tl: Timeline) {
  return {
    jobs: tl.jobs.map((j) => ({
      ...j,
      chart: j.chart?.chart,
      lines: j.attempts.map((_, i) => j.lines(i)),
    })),
    byName: [...tl.byName.keys()],
    kubeconfigAt: [...tl.kubeconfigAt],
    watchStart: [...tl.watchStart],
    statusChanges: tl.statusChanges,
    handoverFiredAt: tl.handoverFiredAt,
    events: tl.events,
    ips: [tl.ips.controlPlane, ...tl.spec.regions.map((r) => tl.ips.loadBalancer(r.key))],
  }
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32)
}

describe('timeline characterisation (issue 14: must not change across the split)', () => {
  const { sim, recs } = fleet()
  const now = sim.now()

  it('covers a varied fleet: multi-region, failing, wiped, adopted, retried, flooded, Day-2', () => {
    // The estate is seeded at EPOCH with one deployment in each state; by `now` some have moved on.
    const statuses = recs.flatMap((r) => [sim.status(r, EPOCH), sim.status(r)])
    expect(new Set(statuses)).toEqual(
      new Set(['adopted', 'failed', 'phase1-watching', 'provisioning', 'ready', 'wiped']),
    )
    expect(recs.length).toBe(16)
    const withMut = (has: (r: DeploymentRecord) => boolean) => recs.filter(has).map((r) => r.spec.id)
    expect(withMut((r) => r.mut.retries.size > 0)).toEqual(['c0ffee0000000001', 'c0ffee0000000004'])
    expect(withMut((r) => r.mut.logFloods.length === 2 && (r.mut.day2?.length ?? 0) === 2)).toEqual([
      'c0ffee0000000005',
    ])
    expect(withMut((r) => (r.mut.kubeconfigPuts?.size ?? 0) > 0)).toEqual(['c0ffee0000000003'])
    expect(withMut((r) => (r.mut.watchRefreshes?.length ?? 0) > 0)).toEqual(['c0ffee0000000002'])
    expect(new Set(recs.map((r) => r.spec.regions.length))).toEqual(new Set([1, 2, 3]))
  })

  it('the full timeline of every deployment hashes to the recorded digest', () => {
    const timelines = recs.map((r) => ({ id: r.spec.id, tl: plain(computeTimeline(r.spec, r.mut)) }))
    expect(timelines.reduce((n, t) => n + t.tl.events.length, 0)).toBeGreaterThan(5000)
    expect(digest(timelines)).toBe('7ff049fc765388d991e583791f4824e4')
  })

  it('the lazy (events: false) timeline is the same data', () => {
    const full = recs.map((r) => plain(computeTimeline(r.spec, r.mut)))
    const lazy = recs.map((r) => plain(computeTimeline(r.spec, r.mut, { events: false })))
    expect(digest(lazy)).toBe(digest(full))
  })

  it('what the wire derives from them at several instants hashes to the recorded digest', () => {
    const derived = recs.map((r) => {
      const tl = sim.timeline(r)
      const at = [
        r.spec.createdAt + 5 * MIN,
        r.spec.createdAt + 40 * MIN,
        r.spec.createdAt + 2 * HOUR,
        EPOCH,
        now,
      ]
      return at.map((t) => ({
        jobs: jobsAt(tl, t, r.mut),
        events: eventsAt(tl, t).length,
        lastEvent: eventsAt(tl, t).at(-1),
        components: componentStatesAt(tl, t, r.mut),
        summary: summaryAt(tl, t, r.mut),
        topology: topologyAt(tl, t, r.mut),
      }))
    })
    expect(digest(derived)).toBe('d28f5213b35070438a2bfc1920a6dad7')
  })
})
