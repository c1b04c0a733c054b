/**
 * What this session may do, from the same rule table the API enforces (`src/contracts/tiers.ts`,
 * contract §1.2). The console hides or disables what the server would refuse; the server still decides.
 */
import { useQuery } from '@tanstack/react-query'
import { refusalText, tierAllows, type Action } from '../../contracts/tiers.ts'
import { whoamiQueryOptions } from './whoamiQueries.ts'

export type { Action } from '../../contracts/tiers.ts'

export interface Permission {
  allowed: boolean
  /** Why not, in words ("Your role (viewer) cannot retry a job: it needs an operator or above."). */
  reason: string | undefined
}

/** Pure: may a session of `tier` perform `action`, and if not, why. */
export function can(tier: string | undefined, action: Action): Permission {
  return tierAllows(tier, action)
    ? { allowed: true, reason: undefined }
    : { allowed: false, reason: refusalText(tier, action) }
}

/**
 * `can` for the signed-in session (whoami's tier). While whoami is still loading the control stays
 * enabled: the API refuses anyway, and a flash of "disabled" on every page load would be worse.
 */
export function useCan(action: Action): Permission {
  const { data } = useQuery(whoamiQueryOptions())
  if (!data) return { allowed: true, reason: undefined }
  return can(data.tier, action)
}
