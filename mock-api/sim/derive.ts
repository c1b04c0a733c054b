/**
 * Everything observable about a deployment at virtual instant `t`, in the exact wire shapes of the
 * contract (`z.input` of the shared schemas): State, Event buffer, Jobs, Executions, log pages.
 * This file holds what they share (wire types, status changes, leaf job states) and the event buffer; the
 * rest lives in `derive/` (issue 14: files under ~450 lines): jobsAt, logLines, stateAt, componentStates.
 */
import type { z } from 'zod'
import type {
  DeploymentEvent,
  DeploymentState,
  DeploymentSummary,
  RegionHealth,
} from '../../src/contracts/deployments.ts'
import type { Execution, LogLine, LogPage } from '../../src/contracts/jobs.ts'
import { rfc3339, rfc3339Nano } from './goTime.ts'
import {
  jobStatusAt,
  type Mutations,
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
export type RegionHealthWire = Wire<typeof RegionHealth>
export type JobStatus = 'pending' | 'running' | 'succeeded' | 'failed'

export const EVENT_BUFFER_CAP = 10_000

/** `time.Time` as Go's JSON writes it (jobs, executions, log lines). */
export const iso = rfc3339Nano

/** The status change in force at `t` (the first one always exists). */
export function statusChangeAt(tl: Timeline, t: number): StatusChange {
  let current = tl.statusChanges[0] ?? { at: tl.spec.createdAt, status: 'provisioning' as const }
  for (const c of tl.statusChanges) if (c.at <= t) current = c
  return current
}

/**
 * Jobs stop moving when a wipe starts: the watcher is torn down, and whatever was running is reported
 * failed at that instant.
 */
export function frozen(mut: Mutations, t: number): { at: number; cutoff: number | undefined } {
  const cutoff = mut.wipe?.requestedAt
  return { at: cutoff !== undefined ? Math.min(t, cutoff) : t, cutoff }
}

export interface LeafState {
  job: PlannedJob
  status: JobStatus
  startedAt: number | undefined
  finishedAt: number | undefined
  attemptCount: number
}

export function leafState(job: PlannedJob, t: number, mut: Mutations): LeafState | undefined {
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
