import { queryOptions } from '@tanstack/react-query'
import { SovereignApps } from '../../contracts/apps.ts'
import { apiFetch } from '../../lib/http.ts'
import { catalogKeys } from './catalogQueries.ts'

/**
 * `GET /sovereign/apps` — the Sovereign's own live view of its apps (status, external URL, marketplace
 * flag). Sovereign mode only: the mothership answers 404 `not-a-sovereign`. Polled every 15 s (React Query
 * pauses interval refetches while the tab is hidden).
 */
export function sovereignAppsQueryOptions(enabled: boolean) {
  return queryOptions({
    queryKey: catalogKeys.sovereignApps(),
    queryFn: ({ signal }) => apiFetch('/v1/sovereign/apps', SovereignApps, { signal }).then((r) => r.apps),
    enabled,
    staleTime: 10_000,
    refetchInterval: 15_000,
  })
}
