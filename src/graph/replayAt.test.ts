import { describe, expect, it } from 'vitest'
import { jobAttempts, type Attempt } from './jobAttempts.ts'
import { prepareReplay } from './prepareReplay.ts'
import { linesUpTo, replayAt, type ReplayJob, type ReplaySnapshot } from './replayAt.ts'
import {
  canonicalRef,
  deploymentOf,
  jobComponent,
  jobRegion,
  parseTime,
  type RunData,
  type RunJob,
} from './runData.ts'
import type { RunStatus } from '../contracts/runStatus.ts'
import {
  DEP,
  T0,
  iso,
  mulberry32,
  planDeploymentStatusAt,
  planEnd,
  planRun,
  planStatusAt,
  runDataAt,
  syntheticKit,
  type PlanOptions,
} from './testing/runFixtures.ts'

const S = 1000
const MIN = 60 * S
const at = (sec: number) => T0 + sec * S

function job(name: string, extra: Partial<RunJob> = {}): RunJob {
  return {
    id: `${DEP}:${name}`,
    deploymentId: DEP,
    jobName: name,
    type: 'install',
    parentId: `${DEP}:bootstrap-kit`,
    dependsOn: [],
    status: 'pending',
    ...extra,
  }
}

function group(name: string, extra: Partial<RunJob> = {}): RunJob {
  return job(name, { type: 'group', parentId: '', status: 'succeeded', ...extra })
}

const statusOf = (snap: ReplaySnapshot, name: string) => snap.jobs.get(`${DEP}:${name}`)?.status

describe('replayAt: one job over time', () => {
  const data: RunData = {
    jobs: [
      group('bootstrap-kit'),
      job('install-cilium', {
        appId: 'cilium',
        status: 'succeeded',
        startedAt: iso(at(10)),
        finishedAt: iso(at(70)),
        durationMs: 60 * S,
      }),
    ],
  }
  it.each([
    [0, 'pending', undefined, undefined, 0, 0],
    [9.999, 'pending', undefined, undefined, 0, 0],
    [10, 'running', at(10), undefined, 0, 1],
    [40, 'running', at(10), undefined, 30 * S, 1],
    [69.999, 'running', at(10), undefined, 59_999, 1],
    [70, 'succeeded', at(10), at(70), 60 * S, 1],
    [500, 'succeeded', at(10), at(70), 60 * S, 1],
  ])(
    'at +%ss it is %s (start %s, finish %s, duration %s, attempt %s)',
    (sec, status, start, fin, dur, attempt) => {
      const j = replayAt(data, at(sec)).jobs.get(`${DEP}:install-cilium`)!
      expect([j.status, j.startedAtMs, j.finishedAtMs, j.durationMs, j.attempt]).toEqual([
        status,
        start,
        fin,
        dur,
        attempt,
      ])
    },
  )

  it('rolls the group up from the child at each instant, ignoring the stored group status', () => {
    expect(statusOf(replayAt(data, at(5)), 'bootstrap-kit')).toBe('pending')
    expect(statusOf(replayAt(data, at(20)), 'bootstrap-kit')).toBe('running')
    const g = replayAt(data, at(80)).jobs.get(`${DEP}:bootstrap-kit`)!
    expect([g.status, g.startedAtMs, g.finishedAtMs, g.durationMs]).toEqual([
      'succeeded',
      at(10),
      at(70),
      60 * S,
    ])
  })

  it('rolls nested groups up over descendant jobs; an empty sub-group does not sway its parent', () => {
    const nested: RunData = {
      jobs: [
        group('bootstrap-kit'),
        group('fsn1:bootstrap-kit', { parentId: 'bootstrap-kit' }),
        group('nbg1-1:bootstrap-kit', { parentId: 'bootstrap-kit', status: 'failed' }),
        job('install-cilium', {
          parentId: 'fsn1:bootstrap-kit',
          status: 'succeeded',
          startedAt: iso(at(1)),
          finishedAt: iso(at(2)),
        }),
      ],
    }
    const snap = replayAt(nested, at(3))
    expect(statusOf(snap, 'nbg1-1:bootstrap-kit')).toBe('pending')
    expect(statusOf(snap, 'fsn1:bootstrap-kit')).toBe('succeeded')
    expect(statusOf(snap, 'bootstrap-kit')).toBe('succeeded')
    expect(statusOf(replayAt(nested, at(1.5)), 'bootstrap-kit')).toBe('running')
  })

  it('measures a job still running in the data up to the instant, with or without finishedAt: null', () => {
    const running: RunData = {
      jobs: [job('install-cilium', { status: 'running', startedAt: iso(at(10)), finishedAt: null })],
      asOfMs: at(100),
    }
    const j = replayAt(running, at(100)).jobs.get(`${DEP}:install-cilium`)!
    expect([j.status, j.durationMs, j.finishedAtMs]).toEqual(['running', 90 * S, undefined])
    const omitted: RunData = { jobs: [job('install-cilium', { status: 'running', startedAt: iso(at(10)) })] }
    expect(replayAt(omitted, at(30)).jobs.get(`${DEP}:install-cilium`)!.durationMs).toBe(20 * S)
  })
})

describe('replayAt: retries', () => {
  // First attempt 10→40 failed, retried at 100, succeeded at 150.
  const retried = job('install-harbor', {
    appId: 'harbor',
    status: 'succeeded',
    startedAt: iso(at(10)),
    finishedAt: iso(at(150)),
    durationMs: 140 * S,
  })
  const executions = [
    {
      id: 'e2',
      jobId: `${DEP}:install-harbor`,
      status: 'succeeded',
      startedAt: iso(at(100)),
      finishedAt: iso(at(150)),
    },
    {
      id: 'e1',
      jobId: `${DEP}:install-harbor`,
      status: 'failed',
      startedAt: iso(at(10)),
      finishedAt: iso(at(40)),
    },
  ]
  const events = [
    {
      time: iso(at(5)),
      phase: 'component',
      component: 'harbor',
      state: 'pending',
      message: 'waiting for cnpg',
    },
    {
      time: iso(at(10)),
      phase: 'component',
      component: 'harbor',
      state: 'installing',
      message: 'installing',
    },
    {
      time: iso(at(40)),
      phase: 'component',
      component: 'harbor',
      state: 'failed',
      message: 'deadline exceeded',
    },
    { time: iso(at(100)), phase: 'component', component: 'harbor', state: 'installing', message: 'retrying' },
    { time: iso(at(150)), phase: 'component', component: 'harbor', state: 'installed', message: 'succeeded' },
  ]
  const table: [number, RunStatus, number, number][] = [
    [20, 'running', 1, 10 * S],
    [40, 'failed', 1, 30 * S],
    [99, 'failed', 1, 30 * S],
    [100, 'running', 2, 90 * S],
    [150, 'succeeded', 2, 140 * S],
  ]

  it.each(table)('from executions: at +%ss %s, attempt %s, duration %s', (sec, status, attempt, dur) => {
    const j = replayAt({ jobs: [retried], executions }, at(sec)).jobs.get(retried.id)!
    expect([j.status, j.attempt, j.durationMs]).toEqual([status, attempt, dur])
  })

  it.each(table)('from component events alone: at +%ss %s, attempt %s', (sec, status, attempt, dur) => {
    const j = replayAt({ jobs: [retried], events }, at(sec)).jobs.get(retried.id)!
    expect([j.status, j.attempt, j.durationMs]).toEqual([status, attempt, dur])
  })

  it('without executions or events a retried job reads as one long attempt (documented limit)', () => {
    const j = replayAt({ jobs: [retried] }, at(60)).jobs.get(retried.id)!
    expect([j.status, j.attempt]).toEqual(['running', 1])
  })

  it('shows the latest condition message and component state at each instant', () => {
    const d: RunData = { jobs: [retried], events }
    expect(replayAt(d, at(7)).jobs.get(retried.id)!.message).toBe('waiting for cnpg')
    expect(replayAt(d, at(7)).componentStates).toEqual({ harbor: 'pending' })
    expect(replayAt(d, at(60)).jobs.get(retried.id)!.message).toBe('deadline exceeded')
    expect(replayAt(d, at(60)).componentStates).toEqual({ harbor: 'failed' })
    expect(replayAt(d, at(120)).componentStates).toEqual({ harbor: 'installing' })
  })

  it('a job is unseen before the watcher first reported it, and not counted', () => {
    const d: RunData = { jobs: [retried], events }
    const before = replayAt(d, at(2))
    expect(before.jobs.get(retried.id)!.seen).toBe(false)
    expect(before.counts.total).toBe(0)
    expect(before.componentStates).toEqual({})
    const after = replayAt(d, at(6))
    expect(after.jobs.get(retried.id)!.seen).toBe(true)
    expect(after.counts).toMatchObject({ total: 1, pending: 1, done: 0 })
  })
})

describe('replayAt: deployment status', () => {
  const scenarios: [string, PlanOptions][] = [
    ['healthy', {}],
    ['failing chart on the primary', { failCharts: ['cnpg'] }],
    ['secondary degraded', { failCharts: ['hel1-2:keycloak'] }],
    ['failing tofu-apply', { failTofuApply: true }],
  ]

  it.each(scenarios)('%s: provisioning → phase1-watching → outcome, as the plan had it', (_name, opts) => {
    const plan = planRun(opts)
    const end = planEnd(plan)
    const data = runDataAt(plan, end)
    const seen = new Set<string>()
    for (let t = T0 - MIN; t <= end; t += 7 * S) {
      const want = planDeploymentStatusAt(plan, t)
      expect(replayAt(data, t).status, `at +${(t - T0) / S}s`).toBe(want)
      seen.add(want)
    }
    expect(seen.has('provisioning')).toBe(true)
  })

  it('names the expected outcome per scenario', () => {
    const outcome = (opts: PlanOptions) => {
      const plan = planRun(opts)
      return replayAt(runDataAt(plan, planEnd(plan)), planEnd(plan) - 1).status
    }
    expect(outcome({})).toBe('ready')
    expect(outcome({ failCharts: ['cnpg'] })).toBe('failed')
    expect(outcome({ failCharts: ['hel1-2:keycloak'] })).toBe('ready')
    expect(outcome({ failTofuApply: true })).toBe('failed')
  })

  it('a Phase-0 failure retried later reads failed only until the retry starts', () => {
    const probe = planRun({ failTofuApply: true })
    const apply = probe.jobs.find((j) => j.jobName === 'tofu-apply')!.attempts[0]!
    const plan = planRun({ failTofuApply: true, retries: { 'tofu-apply': apply.end + 5 * MIN } })
    const data = runDataAt(plan, planEnd(plan), { executions: true })
    expect(replayAt(data, apply.end - 1).status).toBe('provisioning')
    expect(replayAt(data, apply.end + MIN).status).toBe('failed')
    expect(replayAt(data, apply.end + 5 * MIN).status).toBe('provisioning')
    expect(replayAt(data, planEnd(plan)).status).toBe('ready')
  })

  it('a primary chart failure retried after Phase 1 settled: failed, watching again, then ready', () => {
    const probe = planRun({ failCharts: ['cnpg'] })
    const settled = runDataAt(probe, planEnd(probe)).deployment!
    expect(settled.status).toBe('failed')
    const retryAt = Date.parse(settled.phase1FinishedAt!) + 10 * MIN
    const plan = planRun({ failCharts: ['cnpg'], retries: { 'install-cnpg': retryAt } })
    const end = planEnd(plan)
    for (const dataOpts of [{}, { executions: true }]) {
      const data = runDataAt(plan, end, dataOpts)
      expect(data.deployment!.status).toBe('ready')
      for (let t = T0; t <= end; t += 5 * S)
        expect(replayAt(data, t).status, `at +${(t - T0) / S}s`).toBe(planDeploymentStatusAt(plan, t))
      expect(replayAt(data, retryAt - 1).status).toBe('failed')
      expect(replayAt(data, retryAt).status).toBe('phase1-watching')
    }
  })

  it('is pending before the record starts and the record status from asOf on', () => {
    const data: RunData = {
      deployment: { status: 'tofu-applying', startedAt: iso(at(0)) },
      jobs: [job('tofu-init', { parentId: `${DEP}:provisioner`, status: 'running', startedAt: iso(at(1)) })],
      asOfMs: at(60),
    }
    expect(replayAt(data, at(-1)).status).toBe('pending')
    expect(replayAt(data, at(30)).status).toBe('provisioning')
    expect(replayAt(data, at(30)).live).toBe(false)
    expect(replayAt(data, at(60)).status).toBe('tofu-applying')
    expect(replayAt(data, at(60)).live).toBe(true)
  })

  it('reads wiping/wiped from the wipe events and adopted from adoptedAt', () => {
    const base = { startedAt: iso(at(0)), phase1FinishedAt: iso(at(100)), phase1Outcome: 'ready' }
    const wipeEvents = [
      { time: iso(at(200)), phase: 'wipe', message: 'Wipe requested' },
      { time: iso(at(260)), phase: 'wipe', message: 'Wiped' },
    ]
    const wiped: RunData = {
      deployment: { ...base, status: 'wiped', finishedAt: iso(at(260)) },
      jobs: [
        job('cluster-bootstrap', {
          parentId: `${DEP}:provisioner`,
          status: 'succeeded',
          startedAt: iso(at(50)),
          finishedAt: iso(at(60)),
        }),
      ],
      events: wipeEvents,
      asOfMs: at(1000),
    }
    expect([40, 55, 150, 230, 300].map((s) => replayAt(wiped, at(s)).status)).toEqual([
      'provisioning',
      'phase1-watching',
      'ready',
      'wiping',
      'wiped',
    ])
    const adopted: RunData = {
      deployment: { ...base, status: 'adopted', adoptedAt: iso(at(500)) },
      jobs: wiped.jobs,
      asOfMs: at(1000),
    }
    expect([150, 499, 500].map((s) => replayAt(adopted, at(s)).status)).toEqual(['ready', 'ready', 'adopted'])
  })
})

describe('replayAt against the ground truth of a planned run', () => {
  const cases: [string, PlanOptions, Parameters<typeof runDataAt>[2]][] = [
    ['healthy, jobs + events', {}, {}],
    ['failing chart, bare refs', { failCharts: ['cnpg'] }, { bareRefs: true }],
    ['secondary degraded + retried, executions', { failCharts: ['hel1-2:keycloak'] }, { executions: true }],
  ]

  it.each(cases)('%s: every seen job has the planned status, counts add up', (_n, opts, dataOpts) => {
    let plan = planRun(opts)
    if (opts.failCharts?.includes('hel1-2:keycloak')) {
      const failed = plan.jobs.find((j) => j.jobName === 'install-hel1-2:keycloak')!
      plan = planRun({ ...opts, retries: { 'install-hel1-2:keycloak': failed.attempts[0]!.end + 2 * MIN } })
    }
    const end = planEnd(plan)
    const data = runDataAt(plan, end, dataOpts)
    const prepared = prepareReplay(data)
    const rnd = mulberry32(42)
    for (let i = 0; i < 200; i++) {
      const t = T0 + Math.floor(rnd() * (end - T0))
      const snap = replayAt(prepared, t)
      let total = 0
      for (const pj of plan.jobs) {
        const want = planStatusAt(pj, t)
        const got = snap.jobs.get(`${DEP}:${pj.jobName}`)
        if (!got) {
          expect(want, `${pj.jobName} missing from the final list`).toBeUndefined()
          continue
        }
        expect(got.seen, `${pj.jobName} seen at +${(t - T0) / S}s`).toBe(want !== undefined)
        if (want) {
          total++
          expect(got.status, `${pj.jobName} at +${(t - T0) / S}s`).toBe(want)
        }
      }
      expect(snap.counts.total).toBe(total)
      expect(snap.counts.done).toBe(snap.counts.succeeded + snap.counts.failed)
      const regionTotal = [...snap.regions.values()].reduce((n, c) => n + c.total, 0)
      expect(regionTotal).toBe(total)
    }
  })

  it('at asOf the replay reproduces the jobs list it was built from (leaves and group rollups)', () => {
    for (const opts of [{}, { failCharts: ['cnpg'] }, { failTofuApply: true }] as PlanOptions[]) {
      const plan = planRun(opts)
      for (const asOf of [T0 + 3 * MIN, T0 + 12 * MIN, planEnd(plan)]) {
        const data = runDataAt(plan, asOf)
        const snap = replayAt(data, asOf)
        for (const j of data.jobs) {
          const r = snap.jobs.get(j.id)!
          expect(r.status, j.id).toBe(j.status)
          if (j.type !== 'group') {
            expect(r.startedAtMs, j.id).toBe(parseTime(j.startedAt))
            expect(r.finishedAtMs, j.id).toBe(parseTime(j.finishedAt))
            expect(r.durationMs, j.id).toBe(j.durationMs)
          }
        }
        expect(snap.status).toBe(data.deployment!.status)
        expect(snap.live).toBe(true)
      }
    }
  })
})

/**
 * The naive evaluation: everything recomputed from the raw data at each instant with linear scans and a
 * recursive rollup, sharing only the attempt derivation (tested on its own) with the prepared index.
 */
function naiveReplay(
  data: RunData,
  t: number,
): Omit<ReplaySnapshot, 'jobs' | 'regions'> & {
  jobs: Record<string, ReplayJob>
  regions: Record<string, unknown>
} {
  const attempts = jobAttempts(data)
  const dep = deploymentOf(data.jobs[0]!)
  const ids = new Set<string>()
  const unique = data.jobs.filter((j) => !ids.has(j.id) && !!ids.add(j.id))
  const children = new Map<string, RunJob[]>()
  for (const k of unique) {
    const p = k.parentId ? canonicalRef(dep, k.parentId) : ''
    if (p && p !== k.id) children.set(p, [...(children.get(p) ?? []), k])
  }
  const childrenOf = (id: string) => children.get(id) ?? []
  const byComponent = new Map<string, { at: number; e: NonNullable<RunData['events']>[number] }[]>()
  for (const e of data.events ?? []) {
    if (e.phase !== 'component' || !e.state || !e.component) continue
    byComponent.set(e.component, [...(byComponent.get(e.component) ?? []), { at: Date.parse(e.time), e }])
  }
  for (const list of byComponent.values()) list.sort((a, b) => a.at - b.at)
  const componentEvents = (j: RunJob) => byComponent.get(jobComponent(j) ?? '') ?? []
  const jobs: Record<string, ReplayJob> = {}
  const leafOf = (j: RunJob): ReplayJob => {
    const list: Attempt[] = attempts.get(j.id) ?? []
    const started = list.filter((a) => a.startMs <= t)
    const cur = started[started.length - 1]
    const first = started[0]
    const ended = cur && cur.endMs !== undefined && cur.endMs <= t
    const evs = componentEvents(j)
    const upTo = evs.filter((x) => x.at <= t)
    return {
      id: j.id,
      status: !cur ? 'pending' : ended ? cur.outcome! : 'running',
      seen: evs.length === 0 || upTo.length > 0 || !!cur,
      startedAtMs: first?.startMs,
      finishedAtMs: ended ? cur.endMs : undefined,
      durationMs: !first ? 0 : (ended ? cur.endMs! : t) - first.startMs,
      attempt: started.length,
      message: upTo.length ? upTo[upTo.length - 1]!.e.message : undefined,
    }
  }
  // Depth-first in input order; a child still being evaluated closes a parent cycle and is left out.
  const memo = new Map<string, ReplayJob>()
  const onStack = new Set<string>()
  const evaluate = (j: RunJob): ReplayJob => {
    const known = memo.get(j.id)
    if (known) return known
    const kids = childrenOf(j.id)
    if (j.type !== 'group' && kids.length === 0) {
      memo.set(j.id, leafOf(j))
      return memo.get(j.id)!
    }
    onStack.add(j.id)
    const seenLeaves = (k: RunJob, stack: Set<string>): number => {
      const ks = childrenOf(k.id)
      if (k.type !== 'group' && ks.length === 0) return (jobs[k.id]?.seen ?? evaluate(k).seen) ? 1 : 0
      const inner = new Set(stack).add(k.id)
      return ks.filter((c) => !inner.has(c.id)).reduce((n, c) => n + seenLeaves(c, inner), 0)
    }
    const live = kids.filter((k) => !onStack.has(k.id))
    const states = live.map(evaluate).filter((_k, i) => seenLeaves(live[i]!, onStack) > 0)
    onStack.delete(j.id)
    const st = states.map((k) => k.status)
    const status: RunStatus = st.includes('failed')
      ? 'failed'
      : st.includes('running')
        ? 'running'
        : st.includes('pending') || st.length === 0
          ? 'pending'
          : 'succeeded'
    const starts = states.map((k) => k.startedAtMs).filter((x): x is number => x !== undefined)
    const allDone =
      states.length > 0 && states.every((k) => k.status === 'succeeded' || k.status === 'failed')
    const fins = states.map((k) => k.finishedAtMs).filter((x): x is number => x !== undefined)
    const startedAtMs = starts.length ? Math.min(...starts) : undefined
    const finishedAtMs = allDone && fins.length ? Math.max(...fins) : undefined
    memo.set(j.id, {
      id: j.id,
      status,
      seen: true,
      startedAtMs,
      finishedAtMs,
      durationMs: startedAtMs === undefined ? 0 : (finishedAtMs ?? t) - startedAtMs,
      attempt: 0,
      message: undefined,
    })
    return memo.get(j.id)!
  }
  for (const j of unique) jobs[j.id] = evaluate(j)
  const leaves = unique.filter((j) => j.type !== 'group' && childrenOf(j.id).length === 0)
  const count = (list: RunJob[]) => {
    const c = { pending: 0, running: 0, succeeded: 0, failed: 0, total: 0, done: 0 }
    for (const j of list) {
      const r = jobs[j.id]!
      if (!r.seen) continue
      c[r.status]++
      c.total++
      if (r.status === 'succeeded' || r.status === 'failed') c.done++
    }
    return c
  }
  const regions: Record<string, unknown> = {}
  for (const r of new Set(leaves.filter((j) => jobs[j.id]!.seen).map(jobRegion)))
    regions[r] = count(leaves.filter((j) => jobRegion(j) === r))
  const componentStates: Record<string, string> = {}
  const hr = { pending: 'pending', running: 'installing', succeeded: 'installed', failed: 'failed' }
  for (const j of leaves) {
    const c = jobComponent(j)
    if (!c || !jobs[j.id]!.seen) continue
    const evs = componentEvents(j).filter((x) => x.at <= t)
    componentStates[c] = evs.length ? evs[evs.length - 1]!.e.state! : hr[jobs[j.id]!.status]
  }
  const events = data.events ?? []
  const eventCount = events.filter((e) => Date.parse(e.time) <= t).length
  // Deployment status: the rules, evaluated directly.
  const d = data.deployment ?? {}
  const allTimes = [
    ...events.map((e) => Date.parse(e.time)),
    ...unique.flatMap((j) => [parseTime(j.startedAt), parseTime(j.finishedAt)]),
    parseTime(d.startedAt),
    parseTime(d.finishedAt),
    parseTime(d.phase1FinishedAt),
  ].filter((x): x is number => x !== undefined)
  const asOf = data.asOfMs ?? Math.max(...allTimes)
  const start = parseTime(d.startedAt) ?? Math.min(...allTimes)
  const cb = data.jobs.find((j) => j.jobName === 'cluster-bootstrap')
  const firstOf = (phase: string) => events.find((e) => e.phase === phase)
  const phase1Start = [
    cb && attempts.get(cb.id)?.[0]?.startMs,
    parseTime(firstOf('flux-bootstrap')?.time),
    parseTime(firstOf('component')?.time),
  ].filter((x): x is number => x !== undefined)
  // A Phase-1 settle a later install retry re-opened: evaluated just before each retry after t.
  const installs = leaves.filter((j) => j.jobName.startsWith('install-'))
  const statusAtInstant = (j: RunJob, at: number) => {
    const started = (attempts.get(j.id) ?? []).filter((a) => a.startMs <= at)
    const cur = started[started.length - 1]
    if (!cur) return { status: 'pending', since: undefined }
    return cur.endMs !== undefined && cur.endMs <= at
      ? { status: cur.outcome!, since: cur.endMs }
      : { status: 'running', since: undefined }
  }
  const seenAtInstant = (j: RunJob, at: number) => {
    const evs = componentEvents(j)
    return evs.length === 0 || evs[0]!.at <= at || (attempts.get(j.id)?.[0]?.startMs ?? Infinity) <= at
  }
  let reopened: string | undefined
  const retries = installs.flatMap((j) => (attempts.get(j.id) ?? []).slice(1).map((a) => a.startMs))
  for (const r of [...new Set(retries)].sort((x, y) => x - y)) {
    if (reopened || r <= t || !phase1Start.length || r - 1 < Math.min(...phase1Start)) continue
    const tau = r - 1
    const byId = new Map(installs.map((j) => [j.id, j]))
    const blocked = (j: RunJob, visiting: string[]): boolean =>
      !visiting.includes(j.id) &&
      (j.dependsOn ?? []).some((ref) => {
        const dj = byId.get(ref) ?? byId.get(canonicalRef(dep, ref))
        if (!dj || dj === j) return false
        const s = statusAtInstant(dj, tau).status
        return s === 'failed' || (s === 'pending' && blocked(dj, [...visiting, j.id]))
      })
    const seenInstalls = installs.filter((j) => seenAtInstant(j, tau))
    const settled = seenInstalls.every((j) => {
      const s = statusAtInstant(j, tau).status
      return s === 'succeeded' || s === 'failed' || (s === 'pending' && blocked(j, []))
    })
    const from = Math.max(
      Math.min(...phase1Start),
      ...seenInstalls.map((j) => statusAtInstant(j, tau).since ?? -Infinity),
    )
    if (settled && from <= t && from < r)
      reopened = seenInstalls.some(
        (j) => jobRegion(j) === 'primary' && statusAtInstant(j, tau).status === 'failed',
      )
        ? 'failed'
        : 'ready'
  }
  let status: string
  if (t < start) status = 'pending'
  else if (t >= asOf && d.status) status = d.status
  else if (leaves.some((j) => j.parentId?.endsWith('provisioner') && jobs[j.id]!.status === 'failed'))
    status = 'failed'
  else if (reopened) status = reopened
  else if (d.phase1FinishedAt && t >= parseTime(d.phase1FinishedAt)!)
    status = d.phase1Outcome === 'ready' ? 'ready' : 'failed'
  else if (phase1Start.length && t >= Math.min(...phase1Start)) status = 'phase1-watching'
  else status = 'provisioning'
  return {
    atMs: t,
    status,
    jobs,
    counts: count(leaves),
    regions,
    componentStates,
    eventCount,
    live: t >= asOf,
  }
}

describe('the prepared index equals the naive evaluation', () => {
  it.each([
    ['a retry while the run goes on', false],
    ['a retry after Phase 1 settled', true],
  ])(
    'on random instants of a 10-region run (~470 jobs, ~5,000 events), %s',
    (_name, afterSettle) => {
      const regions = ['fsn1', 'nbg1', 'hel1', 'sin', 'ash', 'hil', 'fsn1', 'nbg1', 'hel1', 'sin']
      const kit = syntheticKit(45)
      const base = { regions, kit, failCharts: ['chart-07', 'hel1-2:chart-12'], tofuLines: 3500 }
      const probe = planRun(base)
      const failed = probe.jobs.find((j) => j.jobName === 'install-chart-07')!
      const retryAt = afterSettle ? planEnd(probe) + 5 * MIN : failed.attempts[0]!.end + 3 * MIN
      const plan = planRun({ ...base, retries: { 'install-chart-07': retryAt } })
      const end = planEnd(plan)
      // Read mid-run (the retry still running) or after it all, once the re-opened Phase 1 settled again.
      const data = runDataAt(plan, afterSettle ? end : end - 10 * MIN)
      if (afterSettle) expect(data.deployment!.status).toBe('ready')
      expect(data.jobs.length).toBeGreaterThan(440)
      expect(data.events!.length).toBeGreaterThan(4500)
      const prepared = prepareReplay(data)
      const rnd = mulberry32(3)
      const instants = [T0 - 1, T0, end - 10 * MIN, end]
      for (let i = 0; i < 40; i++) instants.push(T0 + Math.floor(rnd() * (end - T0)))
      instants.push(retryAt - 1, retryAt)
      if (afterSettle) expect(replayAt(prepared, retryAt - 1).status).toBe('failed')
      for (const t of instants) {
        const got = replayAt(prepared, t)
        const want = naiveReplay(data, t)
        expect({
          ...got,
          jobs: Object.fromEntries(got.jobs),
          regions: Object.fromEntries(got.regions),
        }).toEqual(want)
      }
    },
    60_000,
  )

  it('also on tolerated bad data: duplicates, a parent cycle, dangling parents, unknown statuses', () => {
    const data: RunData = {
      jobs: [
        group('bootstrap-kit'),
        group('loop-a', { parentId: 'loop-b' }),
        group('loop-b', { parentId: 'loop-a' }),
        job('install-a', {
          parentId: 'loop-a',
          status: 'succeeded',
          startedAt: iso(at(1)),
          finishedAt: iso(at(5)),
        }),
        job('install-a', { status: 'failed', startedAt: iso(at(0)), finishedAt: iso(at(1)) }),
        job('install-b', { parentId: 'ghost', status: 'weird', startedAt: iso(at(3)) }),
        job('install-c', {
          parentId: null,
          dependsOn: null,
          status: 'degraded',
          startedAt: iso(at(2)),
          finishedAt: iso(at(4)),
        }),
      ],
    }
    for (const s of [0, 1, 2, 3, 4, 5, 6]) {
      const got = replayAt(data, at(s))
      expect({
        ...got,
        jobs: Object.fromEntries(got.jobs),
        regions: Object.fromEntries(got.regions),
      }).toEqual(naiveReplay(data, at(s)))
    }
    const snap = replayAt(data, at(6))
    expect(statusOf(snap, 'install-a')).toBe('succeeded') // the first copy wins
    expect(statusOf(snap, 'install-b')).toBe('pending') // unknown → pending, never running (regression 31)
    expect(statusOf(snap, 'install-c')).toBe('failed') // degraded health rolls up as failed
    expect(statusOf(snap, 'loop-a')).toBe('succeeded')
  })
})

describe('linesUpTo', () => {
  const lines = [1, 2, 2, 5, 9].map((s, i) => ({
    lineNumber: i + 1,
    timestamp: `2026-05-14T09:00:0${s}.123456789Z`,
    message: `l${i + 1}`,
  }))
  it.each([
    [0, []],
    [1.123, ['l1']],
    [2.5, ['l1', 'l2', 'l3']],
    [5.1234, ['l1', 'l2', 'l3', 'l4']],
    [100, ['l1', 'l2', 'l3', 'l4', 'l5']],
  ])('log lines up to +%ss', (sec, want) => {
    expect(linesUpTo(lines, at(sec)).map((l) => l.message)).toEqual(want)
  })

  it('works on events (`time`) and keeps unparsable times as "long ago"', () => {
    const events = [
      { time: 'garbage', message: 'a' },
      { time: iso(at(10)), message: 'b' },
      { time: iso(at(20)), message: 'c' },
    ]
    expect(linesUpTo(events, at(15)).map((e) => e.message)).toEqual(['a', 'b'])
    expect(linesUpTo([], at(15))).toEqual([])
  })

  it('matches the snapshot eventCount over the sorted events', () => {
    const plan = planRun({})
    const data = runDataAt(plan, planEnd(plan))
    const p = prepareReplay(data)
    for (const t of [T0, T0 + 5 * MIN, T0 + 20 * MIN, planEnd(plan)])
      expect(replayAt(p, t).eventCount).toBe(linesUpTo(data.events!, t).length)
  })
})
