/**
 * Everything observable about a deployment at virtual instant `t`, in the exact wire shapes of the
 * contract (`z.input` of the shared schemas): State, Event buffer, Jobs, Executions, log pages.
 */
import type { z } from 'zod'
import type {
  DeploymentEvent,
  DeploymentState,
  DeploymentSummary,
  RegionHealth,
} from '../../src/contracts/deployments.ts'
import type { Execution, JobWire, LogLine, LogPage } from '../../src/contracts/jobs.ts'
import { GO_ZERO_TIME, rfc3339, rfc3339Nano } from './goTime.ts'
import {
  OPTIONAL_PHASES,
  PHASES,
  PHASE_DISPLAY,
  executionId,
  jobStatusAt,
  type Mutations,
  type Phase,
  type PlannedJob,
  type StatusChange,
  type Timeline,
} from './timeline/index.ts'

type Wire<T extends z.ZodType> = z.input<T>
export type StateWire = Wire<typeof DeploymentState>
export type SummaryWire = Wire<typeof DeploymentSummary>
export type EventWire = Wire<typeof DeploymentEvent>
export type ExecutionWire = Wire<typeof Execution>
export type LogLineWire = Wire<typeof LogLine>
export type LogPageWire = Wire<typeof LogPage>
type RegionHealthWire = Wire<typeof RegionHealth>
type JobStatus = 'pending' | 'running' | 'succeeded' | 'failed'

export const EVENT_BUFFER_CAP = 10_000

/** `time.Time` as Go's JSON writes it (jobs, executions, log lines). */
export const iso = rfc3339Nano

/** The status change in force at `t` (the first one always exists). */
export function statusChangeAt(tl: Timeline, t: number): StatusChange {
  let current = tl.statusChanges[0] ?? { at: tl.spec.createdAt, status: 'provisioning' as const }
  for (const c of tl.statusChanges) if (c.at <= t) current = c
  return current
}

const TERMINAL = new Set(['ready', 'failed', 'wiped', 'adopted'])

/**
 * Jobs stop moving when a wipe starts: the watcher is torn down, and whatever was running is reported
 * failed at that instant.
 */
function frozen(mut: Mutations, t: number): { at: number; cutoff: number | undefined } {
  const cutoff = mut.wipe?.requestedAt
  return { at: cutoff !== undefined ? Math.min(t, cutoff) : t, cutoff }
}

interface LeafState {
  job: PlannedJob
  status: JobStatus
  startedAt: number | undefined
  finishedAt: number | undefined
  attemptCount: number
}

function leafState(job: PlannedJob, t: number, mut: Mutations): LeafState | undefined {
  const f = frozen(mut, t)
  let status = jobStatusAt(job, f.at)
  if (!status) return undefined
  const started = job.attempts.filter((a) => a.start <= f.at)
  const last = started[started.length - 1]
  let finishedAt = status === 'succeeded' || status === 'failed' ? last?.end : undefined
  if (status === 'running' && f.cutoff !== undefined && t >= f.cutoff) {
    status = 'failed'
    finishedAt = f.cutoff
  }
  return { job, status, startedAt: started[0]?.start, finishedAt, attemptCount: started.length }
}

export function leafStates(tl: Timeline, t: number, mut: Mutations): LeafState[] {
  const out: LeafState[] = []
  for (const j of tl.jobs) {
    const s = leafState(j, t, mut)
    if (s) out.push(s)
  }
  return out
}

/** Group rollup (contract §3.5): failed > running > pending > succeeded; an empty group is pending. */
export function rollup(statuses: JobStatus[]): JobStatus {
  if (statuses.length === 0) return 'pending'
  if (statuses.includes('failed')) return 'failed'
  if (statuses.includes('running')) return 'running'
  if (statuses.includes('pending')) return 'pending'
  return 'succeeded'
}

/** A job's `appId`: the component id for installs (`cilium`, `nbg1-1:cilium`), else its own or `""`. */
export function appIdOf(job: PlannedJob): string {
  if (!job.chart) return job.appId ?? ''
  return job.primaryRegion ? job.chart.chart : `${job.regionKey}:${job.chart.chart}`
}

/**
 * A job's `batchId` (Go: never omitted): every HelmRelease install is in `bootstrap-kit` (the helmwatch
 * bridge tags them all so, the cutover chart too), every other job in its phase group's batch.
 */
export function batchOf(job: PlannedJob): string {
  return job.kind === 'install' ? 'bootstrap-kit' : job.phase
}

function leafWire(depId: string, s: LeafState, t: number): JobWire {
  const { job } = s
  const end = s.finishedAt ?? t
  return {
    id: `${depId}:${job.jobName}`,
    deploymentId: depId,
    jobName: job.jobName,
    ...(job.displayName ? { displayName: job.displayName } : {}),
    type: 'install',
    kind: job.kind,
    appId: appIdOf(job),
    batchId: batchOf(job),
    ...(job.regionKey && !job.primaryRegion ? { region: job.regionKey } : {}),
    parentId: `${depId}:${job.phase}`,
    dependsOn: job.dependsOn.map((d) => `${depId}:${d}`),
    status: s.status,
    ...(s.startedAt !== undefined ? { startedAt: iso(s.startedAt) } : {}),
    ...(s.finishedAt !== undefined ? { finishedAt: iso(s.finishedAt) } : {}),
    durationMs: s.startedAt !== undefined ? Math.max(0, end - s.startedAt) : 0,
    ...(s.attemptCount > 0 ? { latestExecutionId: executionId(depId, job.jobName, s.attemptCount - 1) } : {}),
  }
}

function groupWire(depId: string, phase: Phase, children: LeafState[], t: number): JobWire {
  const status = rollup(children.map((c) => c.status))
  const starts = children.map((c) => c.startedAt).filter((v): v is number => v !== undefined)
  const allTerminal =
    children.length > 0 && children.every((c) => c.status === 'succeeded' || c.status === 'failed')
  const startedAt = starts.length ? Math.min(...starts) : undefined
  const finishedAt = allTerminal ? Math.max(...children.map((c) => c.finishedAt ?? 0)) : undefined
  const previous = PHASES[PHASES.indexOf(phase) - 1]
  return {
    id: `${depId}:${phase}`,
    deploymentId: depId,
    jobName: phase,
    displayName: PHASE_DISPLAY[phase],
    type: 'group',
    kind: 'group',
    appId: '',
    // A group is its batch's rollup row.
    batchId: phase,
    parentId: '',
    dependsOn: previous ? [`${depId}:${previous}`] : [],
    status,
    ...(startedAt !== undefined ? { startedAt: iso(startedAt) } : {}),
    ...(finishedAt !== undefined ? { finishedAt: iso(finishedAt) } : {}),
    durationMs: startedAt !== undefined ? Math.max(0, (finishedAt ?? t) - startedAt) : 0,
    childIds: children.map((c) => `${depId}:${c.job.jobName}`),
  }
}

/** `GET /deployments/{id}/jobs`: started DESC, never-started rows last (contract §7 trap 12). */
export function jobsAt(tl: Timeline, t: number, mut: Mutations): JobWire[] {
  const depId = tl.spec.id
  const leaves = leafStates(tl, t, mut)
  const phases = [...PHASES, ...OPTIONAL_PHASES.filter((p) => leaves.some((l) => l.job.phase === p))]
  const groups = phases.map((p) =>
    groupWire(
      depId,
      p,
      leaves.filter((l) => l.job.phase === p),
      t,
    ),
  )
  const rows = [...groups, ...leaves.map((l) => leafWire(depId, l, t))]
  const startOf = (j: JobWire) => (j.startedAt ? Date.parse(j.startedAt) : -Infinity)
  return rows.sort((a, b) => startOf(b) - startOf(a) || a.id.localeCompare(b.id))
}

export interface BatchSummaryWire {
  batchId: string
  total: number
  finished: number
  succeeded: number
  failed: number
  running: number
  pending: number
}

/**
 * `GET /deployments/{id}/jobs/batches` (Go `jobs/store.go` SummarizeBatches): one row per batch in the order
 * its first job appeared. Group rows are left out: they are rollups of the same jobs, not jobs of their own.
 */
export function batchesAt(tl: Timeline, t: number, mut: Mutations): BatchSummaryWire[] {
  const out = new Map<string, BatchSummaryWire>()
  for (const l of leafStates(tl, t, mut)) {
    const id = batchOf(l.job)
    let b = out.get(id)
    if (!b) {
      b = { batchId: id, total: 0, finished: 0, succeeded: 0, failed: 0, running: 0, pending: 0 }
      out.set(id, b)
    }
    b.total++
    b[l.status]++
    if (l.status === 'succeeded' || l.status === 'failed') b.finished++
  }
  return [...out.values()]
}

export function jobAt(tl: Timeline, jobName: string, t: number, mut: Mutations): JobWire | undefined {
  if (([...PHASES, ...OPTIONAL_PHASES] as readonly string[]).includes(jobName)) {
    return jobsAt(tl, t, mut).find((j) => j.jobName === jobName)
  }
  const job = tl.byName.get(jobName)
  const s = job && leafState(job, t, mut)
  return s ? leafWire(tl.spec.id, s, t) : undefined
}

export function floodLineCount(job: PlannedJob, t: number): number {
  const f = job.flood
  const a = job.attempts[0]
  if (!f || !a) return 0
  if (f.ratePerSec <= 0) return f.lines
  return Math.max(0, Math.min(f.lines, Math.floor(((t - a.start) * f.ratePerSec) / 1000)))
}

/** Lines of one attempt visible at `t` (all of them once it ended). */
export function attemptLines(job: PlannedJob, attempt: number, t: number, mut: Mutations): LogLineWire[] {
  const a = job.attempts[attempt]
  if (!a || a.start > t) return []
  const f = frozen(mut, t)
  const until = Math.min(f.at, a.end)
  if (job.flood) return floodLines(job, 1, floodLineCount(job, until))
  const lines: LogLineWire[] = []
  for (const l of job.lines(attempt)) {
    const at = a.start + l.offsetMs
    if (at > until) break
    lines.push({ lineNumber: lines.length + 1, timestamp: iso(at), level: l.level, message: l.text })
  }
  return lines
}

const FLOOD_WORDS = ['reconcile', 'apply', 'sync', 'watch', 'probe', 'render', 'emit', 'flush']

/** Synthetic log lines by formula, so a million-line log costs no memory until a page is read. */
export function floodLines(job: PlannedJob, from: number, to: number): LogLineWire[] {
  const f = job.flood!
  const start = job.attempts[0]?.start ?? 0
  const out: LogLineWire[] = []
  for (let n = from; n <= to; n++) {
    const level = n % 97 === 0 ? 'ERROR' : n % 13 === 0 ? 'WARN' : n % 5 === 0 ? 'DEBUG' : 'INFO'
    const word = FLOOD_WORDS[n % FLOOD_WORDS.length]
    const head = n % 10 === 0 ? `\x1b[36m[worker-${n % 8}]\x1b[0m` : `[worker-${n % 8}]`
    let msg = `${head} ${word} step ${n}: processed batch ${Math.floor(n / 100)} item ${n % 100}`
    if (f.messages) msg = f.messages[(n - 1) % f.messages.length]!
    else if (msg.length < f.lineBytes) msg += ' ' + 'x'.repeat(f.lineBytes - msg.length - 1)
    out.push({
      lineNumber: n,
      timestamp: iso(start + (f.ratePerSec > 0 ? Math.floor((n * 1000) / f.ratePerSec) : 0)),
      level,
      message: msg,
    })
  }
  return out
}

export function executionsOf(tl: Timeline, job: PlannedJob, t: number, mut: Mutations): ExecutionWire[] {
  const depId = tl.spec.id
  const f = frozen(mut, t)
  const out: ExecutionWire[] = []
  job.attempts.forEach((a, i) => {
    if (a.start > f.at) return
    const cutOff = f.cutoff !== undefined && t >= f.cutoff && a.end > f.cutoff
    const done = cutOff || a.end <= f.at
    const status = cutOff ? 'failed' : done ? (a.ok ? 'succeeded' : 'failed') : 'running'
    const lineCount = job.flood
      ? floodLineCount(job, Math.min(f.at, a.end))
      : attemptLines(job, i, t, mut).length
    out.push({
      id: executionId(depId, job.jobName, i),
      jobId: `${depId}:${job.jobName}`,
      deploymentId: depId,
      status,
      startedAt: iso(a.start),
      ...(done ? { finishedAt: iso(cutOff ? f.cutoff! : a.end) } : {}),
      lineCount,
    })
  })
  return out.reverse()
}

/** A log page (`fromLine` 1-based, `limit` ≤ 5000). */
export function logPage(
  job: PlannedJob,
  attempt: number,
  t: number,
  mut: Mutations,
  fromLine: number,
  limit: number,
): LogPageWire {
  const a = job.attempts[attempt]
  const f = frozen(mut, t)
  const finished = !!a && (a.end <= f.at || (f.cutoff !== undefined && t >= f.cutoff))
  if (job.flood) {
    const total = a ? floodLineCount(job, Math.min(f.at, a.end)) : 0
    const to = Math.min(total, fromLine + limit - 1)
    return { lines: fromLine <= to ? floodLines(job, fromLine, to) : [], total, executionFinished: finished }
  }
  const all = attemptLines(job, attempt, t, mut)
  return {
    lines: all.slice(fromLine - 1, fromLine - 1 + limit),
    total: all.length,
    executionFinished: finished,
  }
}

/** The event buffer at `t` (the server keeps the newest 10 000). */
export function eventsAt(tl: Timeline, t: number): EventWire[] {
  let hi = tl.events.length
  let lo = 0
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (tl.events[mid]!.at <= t) lo = mid + 1
    else hi = mid
  }
  return tl.events.slice(Math.max(0, lo - EVENT_BUFFER_CAP), lo).map(eventWire)
}

/** Number of planned events at or before `t`, uncapped: a stream's cursor. */
export function eventCountAt(tl: Timeline, t: number): number {
  let n = 0
  for (const e of tl.events) {
    if (e.at > t) break
    n++
  }
  return n
}

export function eventWire(e: Timeline['events'][number]): EventWire {
  return {
    time: rfc3339(e.at),
    phase: e.phase,
    level: e.level,
    message: e.message,
    ...(e.component ? { component: e.component } : {}),
    ...(e.state ? { state: e.state } : {}),
    ...(e.dependsOn && e.dependsOn.length ? { dependsOn: e.dependsOn } : {}),
  }
}

const HR_STATE: Record<JobStatus, string> = {
  pending: 'pending',
  running: 'installing',
  succeeded: 'installed',
  failed: 'failed',
}

export function componentStatesAt(tl: Timeline, t: number, mut: Mutations): Record<string, string> {
  const out: Record<string, string> = {}
  for (const l of leafStates(tl, t, mut)) {
    const appId = appIdOf(l.job)
    if (appId && l.job.kind === 'install') out[appId] = HR_STATE[l.status]
  }
  return out
}

export function regionHealthAt(tl: Timeline, t: number, mut: Mutations): RegionHealthWire[] {
  const leaves = leafStates(tl, t, mut).filter((l) => l.job.kind === 'install')
  return tl.spec.regions.map((r) => {
    const mine = leaves.filter((l) => l.job.regionKey === r.key)
    const kc = tl.kubeconfigAt.get(r.key)
    const nodesRequested = r.workerCount + 1
    return {
      region: r.key,
      primary: r.primary,
      hrReady: mine.filter((l) => l.status === 'succeeded').length,
      hrTotal: mine.length,
      degraded: !r.primary && mine.some((l) => l.status === 'failed'),
      nodesRequested,
      nodesJoined: kc !== null && kc !== undefined && kc <= t ? nodesRequested : 0,
    }
  })
}

export interface StateExtras {
  handoverURL?: string | undefined
  numEvents: number
}

export function stateAt(tl: Timeline, t: number, mut: Mutations, extras: StateExtras): StateWire {
  const { spec } = tl
  const change = statusChangeAt(tl, t)
  const status = change.status
  const terminalChange = TERMINAL.has(status) ? change : undefined
  const outputDone = (tl.byName.get('tofu-output')?.attempts ?? []).some((a) => a.ok && a.end <= t)
  const phase1 = [...tl.statusChanges].reverse().find((c) => c.at <= t && c.outcome !== undefined)
  const regions = regionHealthAt(tl, t, mut)
  const componentStates = componentStatesAt(tl, t, mut)
  const hasComponents = Object.keys(componentStates).length > 0
  const primaryKubeconfig = tl.kubeconfigAt.get(spec.regions[0]!.key)
  const kubeconfigLanded =
    primaryKubeconfig !== null && primaryKubeconfig !== undefined && primaryKubeconfig <= t
  const secondaryDegraded = regions.some((r) => r.degraded)
  const handoverFired =
    tl.handoverFiredAt !== null && tl.handoverFiredAt <= t && (mut.wipe?.requestedAt ?? Infinity) > t
  const materializedRegions = tl.spec.regions
    .filter((r) => (tl.watchStart.get(r.key) ?? Infinity) <= t)
    .map((r) => r.key)
  const primary = spec.regions[0]!
  const result = {
    sovereignFQDN: spec.request.sovereignFQDN,
    ...(outputDone
      ? {
          controlPlaneIP: tl.ips.controlPlane,
          loadBalancerIP: tl.ips.loadBalancer(primary.key),
          consoleURL: `https://console.${spec.request.sovereignFQDN}`,
          gitopsRepoURL: `https://gitea.${spec.request.sovereignFQDN}/catalyst/sovereign.git`,
        }
      : {}),
    ...(kubeconfigLanded ? { kubeconfigPath: `/var/lib/catalyst/kubeconfigs/${spec.id}.yaml` } : {}),
    // Go: `map[string]string` with omitempty — absent until the watcher saw a HelmRelease.
    ...(hasComponents ? { componentStates } : {}),
    ...(phase1?.outcome ? { phase1Outcome: phase1.outcome, phase1FinishedAt: rfc3339Nano(phase1.at) } : {}),
    ...(status === 'phase1-watching' ? { phase1Substate: 'watcher-watching' } : {}),
    ...(handoverFired ? { handoverFiredAt: rfc3339Nano(tl.handoverFiredAt!) } : {}),
    ...(handoverFired && extras.handoverURL ? { handoverURL: extras.handoverURL } : {}),
    materializedRegions,
    regions,
    secondaryDegraded,
  }
  const error = status === 'failed' ? change.error : undefined
  return {
    id: spec.id,
    status,
    // Go formats these two by hand with time.RFC3339 and always writes finishedAt (null until terminal).
    startedAt: rfc3339(spec.createdAt),
    finishedAt: terminalChange ? rfc3339(terminalChange.at) : null,
    sovereignFQDN: spec.request.sovereignFQDN,
    region: primary.cloudRegion,
    numEvents: extras.numEvents,
    ownerEmail: spec.ownerEmail,
    controlPlaneSize: primary.controlPlaneSize,
    storageClass: spec.request.storageClass ?? 'hcloud-volumes',
    ...(spec.request.sovereignPoolDomain ? { sovereignPoolDomain: spec.request.sovereignPoolDomain } : {}),
    ...(spec.request.sovereignSubdomain ? { sovereignSubdomain: spec.request.sovereignSubdomain } : {}),
    sovereignDomainMode: spec.request.sovereignDomainMode,
    ...(spec.request.sovereignByoDomain ? { sovereignByoDomain: spec.request.sovereignByoDomain } : {}),
    regionControlPlaneSizes: spec.regions.map((r) => r.controlPlaneSize),
    orgName: spec.request.orgName,
    orgEmail: spec.request.orgEmail,
    ...(error ? { error } : {}),
    result,
    // Lifted copies of result fields, as the Go handler writes them.
    ...(hasComponents ? { componentStates } : {}),
    ...(result.phase1Outcome
      ? { phase1Outcome: result.phase1Outcome, phase1FinishedAt: rfc3339(phase1!.at) }
      : {}),
    ...(result.phase1Substate ? { phase1Substate: result.phase1Substate } : {}),
    materializedRegions,
    ...(result.handoverURL ? { handoverURL: result.handoverURL } : {}),
    ...(result.handoverFiredAt ? { handoverFiredAt: rfc3339(tl.handoverFiredAt!) } : {}),
    regions,
    secondaryDegraded,
    ...(mut.adoptedAt !== undefined && mut.adoptedAt <= t ? { adoptedAt: rfc3339(mut.adoptedAt) } : {}),
    openovaFlowEnabled: true,
    operationInProgress: status === 'wiping',
  }
}

export function summaryAt(tl: Timeline, t: number, mut: Mutations): SummaryWire {
  const change = statusChangeAt(tl, t)
  const primary = tl.spec.regions[0]!
  const regions = regionHealthAt(tl, t, mut)
  return {
    id: tl.spec.id,
    status: change.status,
    sovereignFQDN: tl.spec.request.sovereignFQDN,
    region: primary.cloudRegion,
    regions: tl.spec.regions.map((r) => r.key),
    startedAt: rfc3339(tl.spec.createdAt),
    ...(TERMINAL.has(change.status) ? { finishedAt: rfc3339(change.at) } : {}),
    ownerEmail: tl.spec.ownerEmail,
    ...(mut.adoptedAt !== undefined && mut.adoptedAt <= t ? { adoptedAt: rfc3339(mut.adoptedAt) } : {}),
    ...(change.status === 'failed' && change.error ? { error: change.error } : {}),
    ...(regions.some((r) => r.degraded) ? { secondaryDegraded: true } : {}),
  }
}

export interface ComponentSnapshotWire {
  appId: string
  status: string
  helmReleaseName: string
  namespace: string
  lastTransitionAt: string
  message: string
  dependsOn?: string[]
}

/**
 * `GET /deployments/{id}/components/state` (Go `handler/jobs_backfill.go`, `helmwatch.ComponentSnapshot`).
 * With a watcher attached: its informer cache, one row per HelmRelease with the Ready condition's time and
 * message and `dependsOn` as sibling app ids (`bp-` stripped; absent when empty). Without one: Go's
 * fallback from the persisted `componentStates` — `bp-<appId>`, a zero time, no message, no dependencies.
 */
export function componentSnapshotsAt(
  tl: Timeline,
  t: number,
  mut: Mutations,
  watching: boolean,
): ComponentSnapshotWire[] {
  const installs = leafStates(tl, t, mut).filter((l) => l.job.kind === 'install' && l.job.chart)
  if (!watching) {
    return Object.entries(componentStatesAt(tl, t, mut)).map(([appId, status]) => ({
      appId,
      status,
      helmReleaseName: `bp-${appId}`,
      namespace: 'flux-system',
      lastTransitionAt: GO_ZERO_TIME,
      message: '',
    }))
  }
  return installs.map((l) => {
    const chart = l.job.chart!
    const prefix = l.job.primaryRegion ? '' : `${l.job.regionKey}:`
    // `install-<chart>` / `install-<region>:<chart>` of the same region → the chart.
    const deps = l.job.dependsOn.map((j) => j.slice(prefix ? j.indexOf(':') + 1 : 'install-'.length))
    const firstDep = deps[0]
    const message =
      l.status === 'pending'
        ? firstDep
          ? `dependency 'flux-system/bp-${firstDep}' is not ready`
          : 'HelmRelease observed, waiting for first reconcile'
        : l.status === 'running'
          ? "Running 'install' action with timeout of 15m0s"
          : l.status === 'succeeded'
            ? 'Helm install complete; Ready=True'
            : 'Helm install failed'
    const transition = l.status === 'pending' ? undefined : (l.finishedAt ?? l.startedAt)
    return {
      appId: appIdOf(l.job),
      status: HR_STATE[l.status],
      helmReleaseName: chart.helmRelease,
      namespace: 'flux-system',
      lastTransitionAt: transition === undefined ? GO_ZERO_TIME : rfc3339Nano(transition),
      message,
      ...(deps.length ? { dependsOn: deps.map((d) => `${prefix}${d}`) } : {}),
    }
  })
}
