/** The four lifecycle statuses the graph draws; anything else on the wire is mapped onto them. */
export const FLOW_STATUSES = ['failed', 'running', 'pending', 'succeeded'] as const
export type FlowStatus = (typeof FLOW_STATUSES)[number]

const MAP: Record<string, FlowStatus> = {
  pending: 'pending',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  // Health kinds of long-running jobs (contract §3.5) and the chroot emitter's Ready states.
  healthy: 'succeeded',
  ready: 'succeeded',
  installed: 'succeeded',
  degraded: 'failed',
  failing: 'failed',
  installing: 'running',
}

/** Unknown statuses are pending (never "running": regression 31). */
export function normaliseFlowStatus(raw: string | undefined): FlowStatus {
  return (raw && MAP[raw.toLowerCase()]) || 'pending'
}

export interface StatusCounts {
  succeeded: number
  running: number
  failed: number
  pending: number
}

export function emptyCounts(): StatusCounts {
  return { succeeded: 0, running: 0, failed: 0, pending: 0 }
}

export function countTotal(c: StatusCounts): number {
  return c.succeeded + c.running + c.failed + c.pending
}

/**
 * Group rollup: any failed → failed, else any running → running, else any pending → pending, else
 * succeeded. `undefined` for no input (the caller keeps the group's own status).
 */
export function rollupStatus(statuses: Iterable<FlowStatus>): FlowStatus | undefined {
  let any = false
  let running = false
  let pending = false
  for (const s of statuses) {
    any = true
    if (s === 'failed') return 'failed'
    if (s === 'running') running = true
    else if (s === 'pending') pending = true
  }
  if (!any) return undefined
  return running ? 'running' : pending ? 'pending' : 'succeeded'
}

/** Rollup from leaf counts (same precedence as `rollupStatus`). */
export function statusFromCounts(c: StatusCounts): FlowStatus | undefined {
  if (countTotal(c) === 0) return undefined
  if (c.failed) return 'failed'
  if (c.running) return 'running'
  if (c.pending) return 'pending'
  return 'succeeded'
}
