/**
 * Each job's attempts in time, from what the API returns: its executions when we have them (one per
 * attempt, contract §3.6), otherwise its own `startedAt`/`finishedAt` span split by the HelmRelease state
 * transitions in the event history (contract §3.4: a `failed` followed by a new `installing` inside the span is a
 * retry). Retries of jobs without executions and without component events (the OpenTofu jobs) cannot be
 * seen: such a job reads as one attempt from its first start to its last finish.
 *
 *   job span      |==================================================|  status: succeeded
 *   events        installing        failed   installing            installed
 *   attempts      [#1 ............ failed]   [#2 ................ succeeded]
 */
import {
  canonicalRef,
  deploymentOf,
  isTerminal,
  jobComponent,
  jobStatus,
  jobsById,
  parseTime,
  type RunData,
  type RunEvent,
  type RunExecution,
  type RunJob,
} from './runData.ts'
import { normaliseRunStatus } from '../contracts/runStatus.ts'

export interface Attempt {
  startMs: number
  /** Undefined while the attempt runs. */
  endMs: number | undefined
  /** Undefined while the attempt runs. */
  outcome: 'succeeded' | 'failed' | undefined
  executionId?: string | undefined
}

/** One HelmRelease state change of a job's component (`phase: "component"` event). */
export interface Transition {
  atMs: number
  /** `pending` | `installing` | `installed` | `degraded` | `failed` (open: unknown values kept). */
  state: string
  message: string
}

/**
 * Attempts of one job. `executions` are this job's (any order); `transitions` its component's state
 * changes in time order. Jobs that never started (no `startedAt`, or status pending) have none.
 */
export function attemptsOf(
  job: RunJob,
  executions: readonly RunExecution[] | undefined,
  transitions: readonly Transition[] | undefined,
): Attempt[] {
  const status = jobStatus(job)
  const jobEnd = parseTime(job.finishedAt)
  if (executions && executions.length) return fromExecutions(executions, status, jobEnd)

  const start = parseTime(job.startedAt)
  // A started job never goes back to pending (contract §3.5): trust the status over a stray timestamp.
  if (start === undefined || status === 'pending') return []
  let end: number | undefined
  if (isTerminal(status)) end = Math.max(start, jobEnd ?? start + Math.max(0, job.durationMs ?? 0))

  const out: Attempt[] = []
  let attemptStart = start
  let failedAt: number | undefined
  for (const tr of transitions ?? []) {
    if (tr.atMs <= start || (end !== undefined && tr.atMs >= end)) continue
    if (tr.state === 'failed') failedAt = tr.atMs
    else if (tr.state === 'installing' && failedAt !== undefined) {
      out.push({ startMs: attemptStart, endMs: failedAt, outcome: 'failed' })
      attemptStart = tr.atMs
      failedAt = undefined
    }
  }
  out.push({
    startMs: attemptStart,
    endMs: end,
    outcome: end === undefined ? undefined : (status as 'succeeded' | 'failed'),
  })
  return out
}

function fromExecutions(
  executions: readonly RunExecution[],
  status: ReturnType<typeof jobStatus>,
  jobEnd: number | undefined,
): Attempt[] {
  const timed = executions
    .map((e) => ({ e, start: parseTime(e.startedAt) }))
    .filter((x): x is { e: RunExecution; start: number } => x.start !== undefined)
    .sort((a, b) => a.start - b.start || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0))
  return timed.map(({ e, start }, i) => {
    const next = timed[i + 1]
    let end = parseTime(e.finishedAt)
    const s = normaliseRunStatus(e.status)
    let outcome = isTerminal(s) ? s : undefined
    if (next) {
      // Only failed jobs can be retried (contract §2.5): an attempt followed by another one ended, failed.
      end ??= next.start
      outcome ??= 'failed'
    } else {
      if (end === undefined && isTerminal(status) && jobEnd !== undefined) end = jobEnd
      if (end !== undefined) outcome ??= isTerminal(status) ? status : 'failed'
      else outcome = undefined
    }
    return {
      startMs: start,
      endMs: end === undefined ? undefined : Math.max(start, end),
      outcome,
      executionId: e.id,
    }
  })
}

/** Component state changes per job id, in time order (stable for equal times). */
export function componentTransitions(
  jobs: readonly RunJob[],
  events: readonly RunEvent[] | undefined,
): Map<string, Transition[]> {
  const byComponent = new Map<string, string>()
  for (const j of jobs) {
    if (j.type === 'group') continue
    const c = jobComponent(j)
    if (c && !byComponent.has(c)) byComponent.set(c, j.id)
  }
  const out = new Map<string, Transition[]>()
  for (const e of events ?? []) {
    if (e.phase !== 'component' || !e.component || !e.state) continue
    const id = byComponent.get(e.component)
    const at = parseTime(e.time)
    if (id === undefined || at === undefined) continue
    const tr = { atMs: at, state: e.state.toLowerCase(), message: e.message ?? '' }
    const list = out.get(id)
    if (list) list.push(tr)
    else out.set(id, [tr])
  }
  for (const list of out.values()) if (!isSorted(list)) list.sort((a, b) => a.atMs - b.atMs)
  return out
}

function isSorted(list: readonly Transition[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.atMs < list[i - 1]!.atMs) return false
  return true
}

/** Executions per full job id. */
export function executionsByJob(data: Pick<RunData, 'jobs' | 'executions'>): Map<string, RunExecution[]> {
  const out = new Map<string, RunExecution[]>()
  const ids = new Set(data.jobs.map((j) => j.id))
  const dep = data.jobs.length ? deploymentOf(data.jobs[0]!) : ''
  for (const e of data.executions ?? []) {
    const id = ids.has(e.jobId) ? e.jobId : canonicalRef(dep, e.jobId)
    if (!ids.has(id)) continue
    const list = out.get(id)
    if (list) list.push(e)
    else out.set(id, [e])
  }
  return out
}

/** Every leaf job's attempts, by id (groups have none: they are rollups). */
export function jobAttempts(data: RunData): Map<string, Attempt[]> {
  const execs = executionsByJob(data)
  const transitions = componentTransitions(data.jobs, data.events)
  const out = new Map<string, Attempt[]>()
  for (const j of jobsById(data.jobs).values()) {
    if (j.type === 'group') continue
    out.set(j.id, attemptsOf(j, execs.get(j.id), transitions.get(j.id)))
  }
  return out
}
