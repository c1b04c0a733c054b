/**
 * Which of the operator's deployments are still running (pure): the wizard tells them before they start
 * another one by accident (issue 16 item 5).
 */
import { isInFlightStatus } from '../../../contracts/deployments.ts'

export interface InFlightRow {
  id: string
  sovereignFQDN?: string | undefined
  status: string
  ownerEmail?: string | undefined
}

/**
 * The rows in flight that belong to `email` (rows without an owner are the caller's: the list is already
 * scoped to what they may see). `wiping` counts too — a teardown is still running — but settled rows never do.
 */
export function inFlightFor<T extends InFlightRow>(rows: readonly T[], email: string | undefined): T[] {
  const me = email?.toLowerCase()
  return rows.filter(
    (r) => isInFlightStatus(r.status) && (!r.ownerEmail || !me || r.ownerEmail.toLowerCase() === me),
  )
}

/** "You have 1 deployment in flight" / "You have 3 deployments in flight". */
export function inFlightHeadline(n: number): string {
  return `You have ${n} deployment${n === 1 ? '' : 's'} in flight`
}
