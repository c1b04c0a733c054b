/**
 * Job operations, out of `simulator.ts` (issue 14: files under ~450 lines): the bodies of
 * `Simulator.retry`, `execution` and `logFlood`. The class passes its private `touch` so the cached
 * timeline is invalidated exactly as before.
 */
import { executionsOf } from '../derive/logLines.ts'
import { executionId, jobStatusAt, type PlannedJob } from '../timeline/index.ts'
import type { DeploymentRecord, Outcome, Simulator } from '../simulator.ts'

/** `Simulator.retry`: retry a failed job (see there). */
export function retryFailedJob(
  sim: Simulator,
  rec: DeploymentRecord,
  jobName: string,
  touch: (rec: DeploymentRecord) => void,
): Outcome<Record<string, unknown>> {
  const job = sim.plannedJob(rec, jobName)
  const now = sim.now()
  if (!job) return { ok: false, status: 404, json: { error: 'job-not-found' } }
  // A Day-2 audit job records one request; a new request is a new execution, not a retry.
  if (job.kind === 'mutation' || job.flood)
    return {
      ok: false,
      status: 409,
      json: {
        error: 'job-not-retryable',
        detail: 'Submit the request again instead of retrying its record.',
      },
    }
  if (
    jobStatusAt(job, now) !== 'failed' ||
    sim.status(rec, now) === 'wiped' ||
    sim.status(rec, now) === 'wiping'
  ) {
    return {
      ok: false,
      status: 409,
      json: { error: 'job-not-failed', detail: 'Only failed jobs can be retried.' },
    }
  }
  rec.mut.retries.set(jobName, [...(rec.mut.retries.get(jobName) ?? []), now])
  touch(rec)
  const planned = sim.plannedJob(rec, jobName)!
  const executions = executionsOf(sim.timeline(rec), planned, now, rec.mut)
  return { ok: true, value: executions[0] as Record<string, unknown> }
}

/** `Simulator.execution`: finds an execution across every deployment the caller may see. */
export function findExecution(
  sim: Simulator,
  id: string,
  visible: (rec: DeploymentRecord) => boolean,
): { rec: DeploymentRecord; job: PlannedJob; attempt: number } | undefined {
  for (const rec of sim.liveRecords()) {
    if (!visible(rec)) continue
    sim.timeline(rec)
    const hit = rec.timeline!.executions.get(id)
    if (hit) {
      const job = rec.timeline!.tl.byName.get(hit.jobName)!
      if (job.attempts[hit.attempt] && job.attempts[hit.attempt]!.start <= sim.now())
        return { rec, job, attempt: hit.attempt }
    }
  }
  return undefined
}

/** `Simulator.logFlood`: a synthetic log job (see there). */
export function addLogFlood(
  sim: Simulator,
  rec: DeploymentRecord,
  lines: number,
  ratePerSec: number,
  lineBytes: number,
  opts: { jobName?: string; displayName?: string; messages?: string[] },
  touch: (rec: DeploymentRecord) => void,
): { jobName: string; executionId: string } | undefined {
  const jobName = opts.jobName ?? `task-log-flood-${rec.mut.logFloods.length + 1}`
  if (sim.plannedJob(rec, jobName)) return undefined
  rec.mut.logFloods.push({
    jobName,
    displayName: opts.displayName,
    requestedAt: sim.now(),
    lines,
    ratePerSec,
    lineBytes,
    messages: opts.messages,
  })
  touch(rec)
  return { jobName, executionId: executionId(rec.spec.id, jobName, 0) }
}
