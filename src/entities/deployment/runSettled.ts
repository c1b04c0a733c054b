import { isInFlightStatus } from '../../contracts/deployments.ts'

export type RunOutcome = 'finished' | 'failed'

/** Settled statuses that mean the run failed; every other settled status after a run is a finish. */
const FAILED: readonly string[] = ['failed', 'partial-failure']

/**
 * Did this status change settle a run? An in-flight status (the contract's own `isInFlightStatus`, which
 * counts unknown statuses as in flight) followed by a settled one: `failed` / `partial-failure` → 'failed';
 * `ready` / `adopted` → 'finished'. A wipe that ends in `wiped` is not the run the operator asked about
 * (null), nor is a first sighting (no previous status) or a status that stays settled or in flight.
 */
export function runSettled(
  prevStatus: string | undefined,
  nextStatus: string | undefined,
): RunOutcome | null {
  if (prevStatus === undefined || nextStatus === undefined) return null
  if (!isInFlightStatus(prevStatus) || isInFlightStatus(nextStatus)) return null
  if (FAILED.includes(nextStatus)) return 'failed'
  if (nextStatus === 'wiped') return null
  return 'finished'
}
