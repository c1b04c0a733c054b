/**
 * The one status vocabulary of a run: every job, group, graph node, badge and treemap cell reads one of
 * these four words. The wire sends more (`healthy`, `degraded`, `failing` for long-running jobs, contract
 * §3.5; `installing`, `installed`, `ready` from the chart emitter) — they are mapped here, once, at the
 * contract edge, so the jobs table and the graph can never disagree about a job (they once did:
 * `installing` was *pending* in the table and *running* in the graph).
 */

/** In the order a filter offers them: waiting, in flight, done well, done badly. */
export const RUN_STATUSES = ['pending', 'running', 'succeeded', 'failed'] as const
export type RunStatus = (typeof RUN_STATUSES)[number]

export const WIRE_WORDS: Readonly<Record<string, RunStatus>> = {
  pending: 'pending',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  healthy: 'succeeded',
  ready: 'succeeded',
  installed: 'succeeded',
  degraded: 'failed',
  failing: 'failed',
  installing: 'running',
}

/** A status word from the wire, any case; unknown or missing words are pending (never "running": regression 31). */
export function normaliseRunStatus(raw: string | undefined): RunStatus {
  if (!raw) return 'pending'
  const word = raw.toLowerCase()
  return Object.hasOwn(WIRE_WORDS, word) ? WIRE_WORDS[word]! : 'pending'
}

export type StatusCounts = Record<RunStatus, number>

export function emptyCounts(): StatusCounts {
  return { succeeded: 0, running: 0, failed: 0, pending: 0 }
}

export function countTotal(c: StatusCounts): number {
  return c.succeeded + c.running + c.failed + c.pending
}

/**
 * Group rollup (contract §3.5): any failed → failed, else any running → running, else any pending →
 * pending, else succeeded. `undefined` for no input (the caller decides what an empty group shows).
 */
export function rollupStatus(statuses: Iterable<RunStatus>): RunStatus | undefined {
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
export function statusFromCounts(c: StatusCounts): RunStatus | undefined {
  if (countTotal(c) === 0) return undefined
  if (c.failed) return 'failed'
  if (c.running) return 'running'
  if (c.pending) return 'pending'
  return 'succeeded'
}
