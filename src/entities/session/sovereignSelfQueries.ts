import { queryOptions } from '@tanstack/react-query'
import { SovereignSelf } from '../../contracts/auth.ts'
import { apiFetch, isApiError } from '../../lib/http.ts'
import { sessionKeys } from './whoamiQueries.ts'

/**
 * The Sovereign's own deployment id (`GET /sovereign/self`), cached for the page's life. 503
 * `deployment-id-not-yet-stamped` is retried patiently; 404 `not-a-sovereign` is final.
 */
export function sovereignSelfQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.sovereignSelf(),
    queryFn: ({ signal }) => apiFetch('/v1/sovereign/self', SovereignSelf, { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: (count, e) =>
      isApiError(e) && e.status === 503
        ? count < 20
        : isApiError(e) && e.status < 500 && e.status !== 0
          ? false
          : count < 3,
    retryDelay: 3000,
  })
}
