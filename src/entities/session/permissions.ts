/**
 * What this session may do, from the same rule table the API enforces (`src/contracts/tiers.ts`,
 * contract §1.2). The console hides or disables what the server would refuse; the server still decides.
 */
import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Whoami } from '../../contracts/auth.ts'
import { isTier, refusalText, tierAllows, tierRank, type Action } from '../../contracts/tiers.ts'
import { isApiError } from '../../lib/http.ts'
import { whoamiQueryOptions } from './whoamiQueries.ts'

export type { Action } from '../../contracts/tiers.ts'

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
 * The session's tier: whoami's `tier`, else the highest `catalyst-<tier>` realm role (the JWT's two
 * spellings, contract §2.2); undefined when whoami names none.
 */
export function sessionTier(me: Pick<Whoami, 'tier' | 'realm_access'>): string | undefined {
  if (me.tier) return me.tier
  const tiers = (me.realm_access?.roles ?? [])
    .map((r) => r.replace(/^catalyst-/, ''))
    .filter(isTier)
    .sort((a, b) => tierRank(b) - tierRank(a))
  return tiers[0]
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

/** The signed-in session's tier, as far as whoami says one (undefined while loading or when it names none). */
function useSessionTier(): { known: boolean; tier: string | undefined } {
  const { data } = useQuery(whoamiQueryOptions())
  const tier = data ? sessionTier(data) : undefined
  return { known: tier !== undefined, tier }
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

/**
 * `useCan` for lists whose entries each need their own action (the sidebar, the command palette): a
 * stable `(action) => allowed` that changes only when the tier does.
 */
export function useAllows(): (action: Action) => boolean {
  const { known, tier } = useSessionTier()
  return useCallback((action: Action) => !known || tierAllows(tier, action), [known, tier])
}
