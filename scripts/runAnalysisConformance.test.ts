/**
 * The run algorithms of `src/graph/` (replay, root cause, compare) fed with what the mock API answers,
 * parsed by the shared contract schemas exactly as the console parses it, and checked against the mock's
 * own state at earlier instants. Lives here because neither side may import the other (lint zones): the
 * mock shares only `src/contracts`, and `src/` never imports the mock.
 */
import { describe, expect, it } from 'vitest'
import type { ScenarioName } from '../src/contracts/mockControl.ts'
import { DeploymentEvent, DeploymentState } from '../src/contracts/deployments.ts'
import { Execution, Job, type Job as JobT } from '../src/contracts/jobs.ts'
import { compareRuns } from '../src/graph/compareRuns.ts'
import { prepareReplay } from '../src/graph/prepareReplay.ts'
import { replayAt } from '../src/graph/replayAt.ts'
import { rootCause } from '../src/graph/rootCause.ts'
import type { RunData } from '../src/graph/runData.ts'
import { VirtualClock } from '../mock-api/sim/clock.ts'
import { eventsAt, statusChangeAt } from '../mock-api/sim/derive.ts'
import { componentStatesAt } from '../mock-api/sim/derive/componentStates.ts'
import { jobsAt } from '../mock-api/sim/derive/jobsAt.ts'
import { executionsOf } from '../mock-api/sim/derive/logLines.ts'
import { stateAt } from '../mock-api/sim/derive/stateAt.ts'
import { Simulator, type DeploymentRecord } from '../mock-api/sim/simulator.ts'

const EPOCH = Date.UTC(2026, 4, 14, 9, 0, 0)
const MIN = 60_000
const HOUR = 60 * MIN

function fixedSim(): Simulator {
  return new Simulator({
    clock: new VirtualClock({ start: EPOCH, paused: true }),
    clockDefaults: { speed: 1, paused: true },
  })
}

/** What the console would hold after reading the jobs list, `GET /events` and the executions at `t`. */
function apiAt(sim: Simulator, rec: DeploymentRecord, t: number, withExecutions: boolean): RunData {
  const tl = sim.timeline(rec)
  const jobs = jobsAt(tl, t, rec.mut).map((j) => Job.parse(j))
  const events = eventsAt(tl, t).map((e) => DeploymentEvent.parse(e))
  const state = DeploymentState.parse(stateAt(tl, t, rec.mut, { numEvents: events.length }))
  const executions = withExecutions
    ? tl.jobs.flatMap((j) => executionsOf(tl, j, t, rec.mut)).map((e) => Execution.parse(e))
    : undefined
  return { deployment: state, jobs, events, executions, asOfMs: t }
}

function run(scenario: ScenarioName, regions = ['fsn1', 'nbg1', 'hel1']) {
  const sim = fixedSim()
  const rec = sim.createMock({ scenario, regions, sovereignFQDN: `${scenario}.omani.works` })
  return { sim, rec, t0: rec.spec.createdAt }
}

/** `count` instants spread evenly over [from, to], both included. */
function instants(from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.round(from + ((to - from) * i) / (count - 1)))
}

/** The last status change of the mock's timeline: nothing moves after it (bar cutover and handover). */
function settledAt(tl: ReturnType<Simulator['timeline']>): number {
  return tl.statusChanges[tl.statusChanges.length - 1]!.at
}

/** Leaf jobs and the phase groups whose members the API lets us place in time (not cutover/handover). */
function comparable(j: JobT): boolean {
  return j.type !== 'group' || j.jobName === 'provisioner' || j.jobName === 'bootstrap-kit'
}

const SCENARIOS: ScenarioName[] = [
  'healthy',
  'failing-chart',
  'secondary-degraded',
  'failing-tofu-apply',
  'flux-not-reconciling',
  'kubeconfig-missing',
]

describe('replayAt on the mock: the past as the mock served it then', () => {
  it.each(SCENARIOS)(
    '%s',
    (scenario) => {
      const { sim, rec, t0 } = run(scenario)
      sim.clock.set({ advanceMs: 4 * HOUR })
      const end = sim.now()
      const tl = sim.timeline(rec)
      const prepared = prepareReplay(apiAt(sim, rec, end, false))
      let checked = 0
      for (const t of instants(t0, settledAt(tl) + 10 * MIN, 120)) {
        const snap = replayAt(prepared, t)
        expect(snap.status, `status at +${(t - t0) / 1000}s`).toBe(statusChangeAt(tl, t).status)
        const then = jobsAt(tl, t, rec.mut).map((j) => Job.parse(j))
        for (const j of then.filter(comparable)) {
          const r = snap.jobs.get(j.id)
          expect(r, j.id).toBeDefined()
          expect(r!.status, `${j.jobName} at +${(t - t0) / 1000}s`).toBe(j.status)
          if (j.type !== 'group') {
            expect(r!.seen, j.id).toBe(true)
            expect(r!.durationMs, `${j.jobName} duration`).toBe(j.durationMs)
            checked++
          }
        }
        // Installs the mock did not list yet are unseen in the replay.
        const listed = new Set(then.map((j) => j.id))
        for (const [id, r] of snap.jobs)
          if (!listed.has(id) && id.includes(':install-')) expect(r.seen, `${id} unseen`).toBe(false)
        // Event times are whole seconds on the wire (as Go writes them): an event of 12.3 s reads as 12 s,
        // so the replay sees it from 12 s on. Compare with what the API's precision shows at t.
        const tSecond = Math.floor(t / 1000) * 1000 + 999
        expect(snap.componentStates).toEqual(componentStatesAt(tl, tSecond, rec.mut))
        expect(snap.eventCount).toBe(eventsAt(tl, tSecond).length)
      }
      expect(checked).toBeGreaterThan(50)
    },
    120_000,
  )

  it('a retried chart: failed between attempts, running again, from events or executions', () => {
    const { sim, rec, t0 } = run('failing-chart')
    sim.clock.set({ advanceMs: 3 * HOUR })
    const retryAt = sim.now()
    expect(sim.retry(rec, 'install-harbor').ok).toBe(true)
    sim.clock.set({ advanceMs: 2 * HOUR })
    const end = sim.now()
    const tl = sim.timeline(rec)
    for (const withExecutions of [false, true]) {
      const data = apiAt(sim, rec, end, withExecutions)
      const prepared = prepareReplay(data)
      for (const t of [...instants(t0, settledAt(tl) + 10 * MIN, 60), retryAt - 1, retryAt]) {
        const snap = replayAt(prepared, t)
        for (const j of jobsAt(tl, t, rec.mut)
          .map((x) => Job.parse(x))
          .filter(comparable))
          expect(snap.jobs.get(j.id)!.status, `${j.jobName} at +${(t - t0) / 1000}s`).toBe(j.status)
        expect(snap.status, `status at +${(t - t0) / 1000}s`).toBe(statusChangeAt(tl, t).status)
      }
      const harbor = `${rec.spec.id}:install-harbor`
      expect(replayAt(prepared, retryAt - 1).jobs.get(harbor)).toMatchObject({ status: 'failed', attempt: 1 })
      expect(replayAt(prepared, retryAt + 1).jobs.get(harbor)).toMatchObject({
        status: 'running',
        attempt: 2,
      })
    }
  }, 120_000)
})

describe('rootCause on the mock', () => {
  it.each<[ScenarioName, string, 'deployment' | 'region']>([
    ['failing-chart', 'install-harbor', 'deployment'],
    ['secondary-degraded', 'install-hel1-2:loki', 'region'],
    ['failing-tofu-apply', 'tofu-apply', 'deployment'],
    ['flux-not-reconciling', 'cluster-bootstrap', 'deployment'],
    ['kubeconfig-missing', 'cluster-bootstrap', 'deployment'],
  ])('%s: %s, impact %s, and every pending job behind it', (scenario, jobName, impact) => {
    const { sim, rec } = run(scenario)
    sim.clock.set({ advanceMs: 4 * HOUR })
    const data = apiAt(sim, rec, sim.now(), false)
    const r = rootCause(data.jobs, data.deployment)
    expect(r.causes.map((c) => [c.jobName, c.explanation.impact])).toEqual([[jobName, impact]])
    expect(r.unexplained).toEqual({ failure: false, degraded: false, regions: [] })
    // The mock only schedules a job once its dependencies succeeded: every pending leaf is blocked.
    const pending = data.jobs.filter((j) => j.type !== 'group' && j.status === 'pending').length
    expect(r.blockedTotal).toBe(pending)
    if (scenario === 'failing-chart' || scenario === 'secondary-degraded') expect(pending).toBeGreaterThan(0)
  })

  it('a healthy run has no cause and nothing unexplained', () => {
    const { sim, rec } = run('healthy')
    sim.clock.set({ advanceMs: 4 * HOUR })
    const data = apiAt(sim, rec, sim.now(), false)
    expect(rootCause(data.jobs, data.deployment)).toMatchObject({
      causes: [],
      blockedTotal: 0,
      unexplained: { failure: false, degraded: false, regions: [] },
    })
  })
})

describe('compareRuns on the mock', () => {
  it('a 3-region run against a 4-region run: matched regions, durations as the API reported them', () => {
    const a = run('healthy', ['fsn1', 'nbg1', 'hel1'])
    const b = run('failing-chart', ['fsn1', 'nbg1', 'hel1', 'sin'])
    a.sim.clock.set({ advanceMs: 4 * HOUR })
    b.sim.clock.set({ advanceMs: 4 * HOUR })
    const da = apiAt(a.sim, a.rec, a.sim.now(), false)
    const db = apiAt(b.sim, b.rec, b.sim.now(), false)
    const c = compareRuns({ id: a.rec.spec.id, ...da }, { id: b.rec.spec.id, ...db })
    expect(c.regions.map((p) => [p.key, p.rule])).toEqual([
      ['primary', 'primary'],
      ['nbg1-1', 'same-key'],
      ['hel1-2', 'same-key'],
      ['sin-3', 'only-b'],
      ['none', 'deployment-wide'],
    ])
    for (const row of c.rows) {
      for (const [side, data] of [
        [row.a, da],
        [row.b, db],
      ] as const) {
        if (!side || side.durationMs === undefined) continue
        const job = data.jobs.find((j) => j.id === side.jobId)!
        expect(side.durationMs, row.key).toBe(job.durationMs)
      }
    }
    expect(c.summary.failedOnlyInB).toEqual(['primary/harbor'])
    expect(c.summary.onlyInB.every((k) => k.startsWith('sin-3/'))).toBe(true)
    expect(c.critical.a.ids.length).toBeGreaterThan(5)
    expect(c.summary.wallMs.a).toBe(
      Date.parse(da.deployment!.finishedAt!) - Date.parse(da.deployment!.startedAt!),
    )
  })
})
