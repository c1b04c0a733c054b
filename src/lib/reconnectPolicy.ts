/**
 * When a dropped stream reconnects (issue 15 item 6). A server that accepts and closes at once must not get
 * one reconnect per second per tab, all in step:
 * - full jitter (AWS's "exponential backoff and jitter"): a uniform delay in [0, min(max, initial·2^n)), so
 *   a thousand tabs dropped together come back spread out, not as a wave;
 * - the attempt count resets only after the connection stayed open for a stable period, not on every open
 *   (an accept-then-close server would otherwise keep the delay at its minimum);
 * - a refusal (the mock's 429 beyond 32 streams per session) is just another failure: it never opens, so
 *   the backoff keeps growing.
 * Pure: no timers, no DOM; `eventStream.ts` applies it.
 */
export interface BackoffPolicy {
  initialMs: number
  maxMs: number
  /** How long a connection must stay open before the attempt count starts again from 0. */
  stableMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 30_000, stableMs: 10_000 }

/** The ceiling for attempt `attempt` (0-based): initial·2^attempt, capped at max. */
export function backoffCeiling(attempt: number, policy: Pick<BackoffPolicy, 'initialMs' | 'maxMs'>): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30))
}

/** Full jitter: uniform in [0, ceiling]; `random` is `Math.random` outside tests. */
export function backoffDelay(
  attempt: number,
  policy: Pick<BackoffPolicy, 'initialMs' | 'maxMs'>,
  random: () => number = Math.random,
): number {
  return Math.round(random() * backoffCeiling(attempt, policy))
}

/** The attempt count after a connection that stayed open `openForMs` closed again. */
export function attemptAfterClose(
  attempt: number,
  openForMs: number,
  policy: Pick<BackoffPolicy, 'stableMs'>,
): number {
  return openForMs >= policy.stableMs ? 0 : attempt
}
