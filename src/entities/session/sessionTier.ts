/**
 * The signed-in session's tier and the cheap per-action check the shell needs (the sidebar, in the entry
 * bundle); the words of a refusal live with `useCan` in `permissions.ts`, loaded with the screens.
 */
import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Whoami } from '../../contracts/auth.ts'
import { isTier, tierAllows, tierRank, type Action } from '../../contracts/tiers.ts'
import { whoamiQueryOptions } from './whoamiQueries.ts'

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

/** The signed-in session's tier, as far as whoami says one (undefined while loading or when it names none). */
export function useSessionTier(): { known: boolean; tier: string | undefined } {
  const { data } = useQuery(whoamiQueryOptions())
  const tier = data ? sessionTier(data) : undefined
  return { known: tier !== undefined, tier }
}

/**
 * `useCan` for lists whose entries each need their own action (the sidebar, the command palette): a
 * stable `(action) => allowed` that changes only when the tier does.
 */
export function useAllows(): (action: Action) => boolean {
  const { known, tier } = useSessionTier()
  return useCallback((action: Action) => !known || tierAllows(tier, action), [known, tier])
}
