/**
 * What this session may do, from the same rule table the API enforces (`src/contracts/tiers.ts`,
 * contract §1.2). The console hides or disables what the server would refuse; the server still decides.
 */
import { refusalText } from '../../contracts/tierWords.ts'
import { tierAllows, type Action } from '../../contracts/tiers.ts'
import { isApiError } from '../../lib/http.ts'
import { useSessionTier } from './sessionTier.ts'

export type { Action } from '../../contracts/tiers.ts'
export { sessionTier, useAllows } from './sessionTier.ts'

export interface Permission {
  allowed: boolean
  /** Why not, in words ("Your role (viewer) cannot retry a job: it needs an operator or above."). */
  reason: string | undefined
}

export interface SessionPermission extends Permission {
  /** A server 403 for lack of tier in plain words; undefined for any other error (the caller words those). */
  refusal: (e: unknown) => string | undefined
}

/** Pure: may a session of `tier` perform `action`, and if not, why. */
export function can(tier: string | undefined, action: Action): Permission {
  return tierAllows(tier, action)
    ? { allowed: true, reason: undefined }
    : { allowed: false, reason: refusalText(tier, action) }
}

/**
 * A 403 `forbidden` (the tier refusal, contract §1.2) in plain words: the server's own detail, or — for a
 * bare `{"error":"forbidden"}` — the console's words for `action`. Other errors (a 403 of another kind, a
 * 409…) are undefined: the screen has its own words for those.
 */
export function refusalOf(e: unknown, tier: string | undefined, action: Action): string | undefined {
  if (!isApiError(e) || e.status !== 403 || e.code !== 'forbidden') return undefined
  return typeof e.body?.detail === 'string' && e.body.detail ? e.body.detail : refusalText(tier, action)
}

/**
 * `can` for the signed-in session (whoami's tier). While whoami is still loading the control stays
 * enabled: the API refuses anyway, and a flash of "disabled" on every page load would be worse. A whoami
 * that names no tier at all (an API without roles) leaves the decision to the server, too.
 */
export function useCan(action: Action): SessionPermission {
  const { known, tier } = useSessionTier()
  const refusal = (e: unknown) => refusalOf(e, tier, action)
  if (!known) return { allowed: true, reason: undefined, refusal }
  return { ...can(tier, action), refusal }
}
