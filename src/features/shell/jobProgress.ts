/**
 * The deployment context strip's numbers, from the shared jobs list: leaves only (groups are rollups of
 * leaves and would be counted twice), finished = succeeded + failed.
 */
import type { Job, JobStatus } from '../../contracts/jobs.ts'
import { parseTime } from '../../lib/time.ts'

export interface JobProgress {
  total: number
  finished: number
  succeeded: number
  failed: number
  running: number
  pending: number
  /** Whole-run status from the leaves (the upstream console's StatusStrip rule). */
  rollup: JobStatus
  /** 0–100, rounded down (a run is 100 % only when every leaf finished). */
  percent: number
  /** Earliest leaf start (ms), if any started. */
  startedAt: number | undefined
}

export function jobProgress(
  jobs: readonly Pick<Job, 'type' | 'status' | 'startedAt'>[] | undefined,
): JobProgress {
  let succeeded = 0
  let failed = 0
  let running = 0
  let pending = 0
  let startedAt: number | undefined
  for (const j of jobs ?? []) {
    if (j.type === 'group') continue
    if (j.status === 'succeeded') succeeded++
    else if (j.status === 'failed') failed++
    else if (j.status === 'running') running++
    else pending++
    const s = parseTime(j.startedAt)
    if (s !== undefined && (startedAt === undefined || s < startedAt)) startedAt = s
  }
  const total = succeeded + failed + running + pending
  const finished = succeeded + failed
  let rollup: JobStatus
  if (total === 0) rollup = 'pending'
  else if (failed > 0) rollup = running + pending === 0 ? 'failed' : 'running'
  else if (running > 0) rollup = 'running'
  else if (pending > 0) rollup = succeeded > 0 || startedAt !== undefined ? 'running' : 'pending'
  else rollup = 'succeeded'
  const percent = total === 0 ? 0 : Math.floor((finished / total) * 100)
  return { total, finished, succeeded, failed, running, pending, rollup, percent, startedAt }
}
