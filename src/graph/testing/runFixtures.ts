/**
 * Synthetic provisioning runs for the run algorithms' unit tests, shaped like catalyst-api's answers
 * (contract §3.4, contract §3.5, contract §3.6, contract §4.1): a plan of timed attempts per job (Phase 0, then each region's chart DAG once
 * its watcher starts), from which `runDataAt` derives exactly what the API would return at an instant (the
 * jobs list, the event history, executions, the record) and `planStatusAt` / `planDeploymentStatusAt` give
 * the ground truth at any earlier instant. Deterministic for a given seed.
 */
import type { RunData, RunEvent, RunExecution, RunJob } from '../runData.ts'

export const T0 = Date.UTC(2026, 4, 14, 9, 0, 0)
export const DEP = 'a43364f11c10cde3'
const S = 1000

export interface KitChart {
  chart: string
  deps: string[]
  primaryOnly?: boolean
}

export const MINI_KIT: KitChart[] = [
  { chart: 'cilium', deps: [] },
  { chart: 'cert-manager', deps: ['cilium'] },
  { chart: 'flux', deps: ['cert-manager'] },
  { chart: 'cnpg', deps: ['cert-manager'] },
  { chart: 'keycloak', deps: ['cnpg'] },
  { chart: 'harbor', deps: ['cnpg', 'flux'] },
  { chart: 'grafana', deps: ['keycloak'] },
  { chart: 'openova-flow-server', deps: ['flux'], primaryOnly: true },
]

/** A kit of `n` charts: `cilium` first, each later chart depending on one or two earlier ones. */
export function syntheticKit(n: number, seed = 7): KitChart[] {
  const rnd = mulberry32(seed)
  const kit: KitChart[] = [{ chart: 'cilium', deps: [] }]
  for (let i = 1; i < n; i++) {
    const a = Math.floor(rnd() * i)
    const b = Math.floor(rnd() * i)
    const deps = [...new Set([kit[a]!.chart, ...(rnd() < 0.4 ? [kit[b]!.chart] : [])])]
    kit.push({ chart: `chart-${String(i).padStart(2, '0')}`, deps, primaryOnly: i === n - 1 })
  }
  return kit
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface PlanAttempt {
  start: number
  end: number
  ok: boolean
}

export interface PlanJob {
  jobName: string
  displayName?: string
  phase: 'provisioner' | 'bootstrap-kit'
  /** Region key (the primary's is its cloud region); undefined for Phase 0. */
  regionKey: string | undefined
  primary: boolean
  chart: string | undefined
  deps: string[]
  observedAt: number | null
  attempts: PlanAttempt[]
}

export interface RunPlan {
  dep: string
  t0: number
  regionKeys: string[]
  jobs: PlanJob[]
  events: (RunEvent & { at: number })[]
  watchStart: Map<string, number | null>
}

export interface PlanOptions {
  dep?: string
  t0?: number
  /** Cloud regions, primary first: keys become `fsn1`, `nbg1-1`, `hel1-2`, … */
  regions?: string[]
  kit?: KitChart[]
  seed?: number
  /** Charts that fail their first attempt: `chart` on the primary, `<regionKey>:<chart>` on a secondary. */
  failCharts?: string[]
  failTofuApply?: boolean
  /** Retries: job name → instant of the retry (must be after the failure). */
  retries?: Record<string, number>
  /** Raw `tofu` lines spread over tofu-apply (event volume). */
  tofuLines?: number
}

export function regionKeys(regions: readonly string[]): string[] {
  return regions.map((r, i) => (i === 0 ? r : `${r}-${i}`))
}

export function installName(primary: boolean, regionKey: string, chart: string): string {
  return primary ? `install-${chart}` : `install-${regionKey}:${chart}`
}

export function planRun(opts: PlanOptions = {}): RunPlan {
  const dep = opts.dep ?? DEP
  const t0 = opts.t0 ?? T0
  const keys = regionKeys(opts.regions ?? ['fsn1', 'nbg1', 'hel1'])
  const kit = opts.kit ?? MINI_KIT
  const rnd = mulberry32(opts.seed ?? 1)
  const between = (lo: number, hi: number) => Math.round((lo + rnd() * (hi - lo)) * S)
  const retries = opts.retries ?? {}
  const fails = new Set(opts.failCharts ?? [])
  const jobs: PlanJob[] = []
  const events: (RunEvent & { at: number })[] = []
  const ev = (at: number, e: Omit<RunEvent, 'time'>) => events.push({ ...e, at, time: iso(at) })

  const attemptsFor = (readyAt: number | null, dur: number, fail: boolean, name: string): PlanAttempt[] => {
    if (readyAt === null) return []
    const out = [{ start: readyAt, end: readyAt + dur, ok: !fail }]
    const r = retries[name]
    if (fail && r !== undefined && r >= readyAt + dur) out.push({ start: r, end: r + dur, ok: true })
    return out
  }
  const okEnd = (a: PlanAttempt[]) => (a.length && a[a.length - 1]!.ok ? a[a.length - 1]!.end : null)

  // Phase 0
  const phase0: [string, string, number, number][] = [
    ['tofu-init', 'Terraform Init', 10, 40],
    ['tofu-plan', 'Terraform Plan', 20, 60],
    ['tofu-apply', 'Terraform Apply', 300, 540],
    ['tofu-output', 'Terraform Output', 2, 5],
    ['cluster-bootstrap', 'Bootstrap Cluster', 20, 60],
  ]
  let ready: number | null = t0 + S
  let prev: string | undefined
  let cbStart: number | null = null
  for (const [name, display, lo, hi] of phase0) {
    const fail = name === 'tofu-apply' && !!opts.failTofuApply
    const attempts = attemptsFor(ready, between(lo, hi), fail, name)
    jobs.push({
      jobName: name,
      displayName: display,
      phase: 'provisioner',
      regionKey: undefined,
      primary: true,
      chart: undefined,
      deps: prev ? [prev] : [],
      observedAt: t0,
      attempts,
    })
    for (const a of attempts) {
      ev(a.start, {
        phase: name === 'cluster-bootstrap' ? 'flux-bootstrap' : name,
        level: 'info',
        message: `${display} started`,
      })
      if (name === 'tofu-apply') {
        const n = opts.tofuLines ?? 20
        for (let i = 0; i < n; i++)
          ev(a.start + Math.floor(((a.end - a.start) * i) / n), {
            phase: 'tofu',
            level: 'info',
            message: `hcloud_server.worker[${i}]: Still creating... [${i}s elapsed]`,
          })
      }
      if (!a.ok)
        ev(a.end, { phase: name, level: 'error', message: `${name} failed: resource_limit_exceeded` })
    }
    if (name === 'cluster-bootstrap') cbStart = attempts[0]?.start ?? null
    ready = okEnd(attempts)
    if (ready !== null) ready += 2 * S
    prev = name
  }

  // Phase 1: one watcher per region, the primary's first.
  const watchStart = new Map<string, number | null>()
  keys.forEach((key, i) => {
    watchStart.set(key, cbStart === null ? null : cbStart + 5 * S + i * 60 * S)
  })
  keys.forEach((key, ri) => {
    const primary = ri === 0
    const watch = watchStart.get(key) ?? null
    const okEnds = new Map<string, number | null>()
    for (const c of kit) {
      if (c.primaryOnly && !primary) continue
      const name = installName(primary, key, c.chart)
      let readyAt: number | null = null
      if (watch !== null) {
        let blocked = false
        let depsEnd = watch + between(1, 8)
        for (const d of c.deps) {
          const e = okEnds.get(d)
          if (e === null || e === undefined) blocked = true
          else depsEnd = Math.max(depsEnd, e + between(2, 8))
        }
        readyAt = blocked ? null : depsEnd
      }
      const fail = fails.has(primary ? c.chart : `${key}:${c.chart}`)
      const attempts = attemptsFor(readyAt, between(20, 180), fail, name)
      okEnds.set(c.chart, okEnd(attempts))
      const component = primary ? c.chart : `${key}:${c.chart}`
      jobs.push({
        jobName: name,
        phase: 'bootstrap-kit',
        regionKey: key,
        primary,
        chart: c.chart,
        deps: c.deps.map((d) => installName(primary, key, d)),
        observedAt: watch,
        attempts,
      })
      if (watch === null) continue
      ev(watch, {
        phase: 'component',
        level: 'info',
        component,
        state: 'pending',
        message: c.deps[0]
          ? `dependency 'flux-system/bp-${c.deps[0]}' is not ready`
          : 'HelmRelease observed, waiting for first reconcile',
      })
      for (const a of attempts) {
        ev(a.start, {
          phase: 'component',
          level: 'info',
          component,
          state: 'installing',
          message: "Running 'install' action with timeout of 15m0s",
        })
        ev(a.start + 500, {
          phase: 'component-log',
          level: 'info',
          component,
          message: '{"msg":"reconciling"}',
        })
        ev(a.end, {
          phase: 'component',
          level: a.ok ? 'info' : 'error',
          component,
          state: a.ok ? 'installed' : 'failed',
          message: a.ok
            ? `Helm install succeeded for release ${c.chart}`
            : `Helm install failed for release ${c.chart}: context deadline exceeded`,
        })
      }
    }
  })
  events.sort((a, b) => a.at - b.at)
  return { dep, t0, regionKeys: keys, jobs, events, watchStart }
}

export function iso(ms: number): string {
  return new Date(ms).toISOString()
}

/** A planned job's status at `t`; undefined while it does not exist yet. */
export function planStatusAt(
  job: PlanJob,
  t: number,
): 'pending' | 'running' | 'succeeded' | 'failed' | undefined {
  if (job.observedAt === null || t < job.observedAt) return undefined
  let cur: PlanAttempt | undefined
  for (const a of job.attempts) if (a.start <= t) cur = a
  if (!cur) return 'pending'
  if (t < cur.end) return 'running'
  return cur.ok ? 'succeeded' : 'failed'
}

/** The deployment status at `t` (the mock's rule: Phase-1 settles when every install is done or blocked). */
export function planDeploymentStatusAt(plan: RunPlan, t: number): string {
  if (t < plan.t0) return 'pending'
  const phase0 = plan.jobs.filter((j) => j.phase === 'provisioner')
  if (phase0.some((j) => planStatusAt(j, t) === 'failed')) return 'failed'
  const cb = phase0.find((j) => j.jobName === 'cluster-bootstrap')
  if (!cb?.attempts[0] || t < cb.attempts[0].start) return 'provisioning'
  for (const w of plan.watchStart.values()) if (w === null || t < w) return 'phase1-watching'
  const installs = plan.jobs.filter((j) => j.phase === 'bootstrap-kit')
  const byName = new Map(installs.map((j) => [j.jobName, j]))
  const memo = new Map<string, string>()
  const settle = (j: PlanJob): string => {
    const known = memo.get(j.jobName)
    if (known) return known
    const s = planStatusAt(j, t)
    let r = s === 'succeeded' ? 'ok' : s === 'failed' ? 'failed' : s === 'running' ? 'open' : ''
    if (!r) {
      const deps = j.deps.map((d) => byName.get(d)).filter((d): d is PlanJob => !!d)
      r = deps.some((d) => ['failed', 'blocked'].includes(settle(d))) ? 'blocked' : 'open'
    }
    memo.set(j.jobName, r)
    return r
  }
  let primaryFailed = false
  for (const j of installs) {
    const s = settle(j)
    if (s === 'open') return 'phase1-watching'
    if (s === 'failed' && j.primary) primaryFailed = true
  }
  return primaryFailed ? 'failed' : 'ready'
}

function changeInstants(plan: RunPlan): number[] {
  const set = new Set<number>([plan.t0])
  for (const j of plan.jobs) for (const a of j.attempts) set.add(a.start).add(a.end)
  for (const w of plan.watchStart.values()) if (w !== null) set.add(w)
  return [...set].sort((a, b) => a - b)
}

export interface RunDataOptions {
  /** Include every started attempt's execution (default false: the jobs list and events only). */
  executions?: boolean
  /** Write `dependsOn`/`parentId` as bare names (the May bridge's form, contract §7 trap 8). */
  bareRefs?: boolean
  /** Leave the events out. */
  noEvents?: boolean
}

/** What the API returns at `asOf`: jobs list, event history, (executions), record. */
export function runDataAt(plan: RunPlan, asOf: number, opts: RunDataOptions = {}): RunData {
  const { dep } = plan
  const ref = (name: string) => (opts.bareRefs ? name : `${dep}:${name}`)
  const leaves: RunJob[] = []
  const executions: RunExecution[] = []
  const byPhase = new Map<string, RunJob[]>()
  for (const j of plan.jobs) {
    const status = planStatusAt(j, asOf)
    if (!status) continue
    const started = j.attempts.filter((a) => a.start <= asOf)
    const first = started[0]
    const last = started[started.length - 1]
    const finished = status === 'succeeded' || status === 'failed' ? last?.end : undefined
    const secondary = j.regionKey !== undefined && !j.primary
    const job: RunJob & { appId: string; batchId: string } = {
      id: `${dep}:${j.jobName}`,
      deploymentId: dep,
      jobName: j.jobName,
      ...(j.displayName ? { displayName: j.displayName } : {}),
      type: 'install',
      kind: j.chart ? 'install' : 'lifecycle',
      appId: j.chart ? (j.primary ? j.chart : `${j.regionKey}:${j.chart}`) : '',
      batchId: j.phase === 'bootstrap-kit' ? 'bootstrap-kit' : j.phase,
      ...(secondary ? { region: j.regionKey } : {}),
      parentId: ref(j.phase),
      dependsOn: j.deps.map(ref),
      status,
      startedAt: first ? iso(first.start) : null,
      finishedAt: finished !== undefined ? iso(finished) : null,
      durationMs: first ? (finished ?? asOf) - first.start : 0,
    }
    leaves.push(job)
    const list = byPhase.get(j.phase)
    if (list) list.push(job)
    else byPhase.set(j.phase, [job])
    started.forEach((a, i) => {
      const ended = a.end <= asOf
      executions.push({
        id: `${j.jobName}#${i + 1}`,
        jobId: `${dep}:${j.jobName}`,
        status: ended ? (a.ok ? 'succeeded' : 'failed') : 'running',
        startedAt: iso(a.start),
        finishedAt: ended ? iso(a.end) : null,
      })
    })
  }
  const groups: RunJob[] = ['provisioner', 'bootstrap-kit', 'cutover', 'handover', 'apps'].map(
    (phase, i, all) => {
      const kids = byPhase.get(phase) ?? []
      const statuses = kids.map((k) => k.status)
      const status = statuses.includes('failed')
        ? 'failed'
        : statuses.includes('running')
          ? 'running'
          : statuses.includes('pending') || statuses.length === 0
            ? 'pending'
            : 'succeeded'
      return {
        id: `${dep}:${phase}`,
        deploymentId: dep,
        jobName: phase,
        type: 'group',
        kind: 'group',
        appId: '',
        parentId: '',
        dependsOn: i ? [ref(all[i - 1]!)] : [],
        status,
        startedAt: null,
        finishedAt: null,
        durationMs: 0,
      }
    },
  )

  // The record at asOf, from the status timeline up to then.
  let status = planDeploymentStatusAt(plan, asOf)
  let changedAt = plan.t0
  let phase1At: number | undefined
  let phase1Outcome: string | undefined
  let last = ''
  for (const t of changeInstants(plan)) {
    if (t > asOf) break
    const s = planDeploymentStatusAt(plan, t)
    if (s !== last) {
      changedAt = t
      const phase0Failed = plan.jobs.some((j) => j.phase === 'provisioner' && planStatusAt(j, t) === 'failed')
      if ((s === 'ready' || s === 'failed') && !phase0Failed) {
        phase1At = t
        phase1Outcome = s
      }
      last = s
    }
  }
  status = last || status
  const terminal = status === 'ready' || status === 'failed'
  const events = opts.noEvents ? [] : plan.events.filter((e) => e.at <= asOf).map(({ at: _at, ...e }) => e)
  return {
    deployment: {
      id: dep,
      status,
      startedAt: iso(plan.t0),
      finishedAt: terminal ? iso(changedAt) : null,
      ...(phase1At !== undefined ? { phase1FinishedAt: iso(phase1At), phase1Outcome } : {}),
      secondaryDegraded: plan.jobs.some(
        (j) => !j.primary && j.phase === 'bootstrap-kit' && planStatusAt(j, asOf) === 'failed',
      ),
    },
    // Started DESC, never-started last (contract §7 trap 12), groups mixed in.
    jobs: [...groups, ...leaves].sort((a, b) => startOf(b) - startOf(a) || (a.id < b.id ? -1 : 1)),
    events,
    ...(opts.executions ? { executions } : {}),
    asOfMs: asOf,
  }
}

function startOf(j: RunJob): number {
  return j.startedAt ? Date.parse(j.startedAt) : -1
}

/** The instant every planned attempt has ended (plus a minute). */
export function planEnd(plan: RunPlan): number {
  let end = plan.t0
  for (const j of plan.jobs) for (const a of j.attempts) end = Math.max(end, a.end)
  return end + 60 * S
}
