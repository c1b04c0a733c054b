import { queryOptions } from '@tanstack/react-query'
import { Whoami } from '../../contracts/auth.ts'
import { apiFetch, isApiError } from '../../lib/http.ts'

export const sessionKeys = {
  whoami: () => ['auth', 'whoami'] as const,
  sovereignSelf: () => ['auth', 'sovereign-self'] as const,
}

/** Who is signed in. A 401 is an answer (not signed in), never retried. */
export function whoamiQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.whoami(),
    queryFn: ({ signal }) => apiFetch('/v1/whoami', Whoami, { signal, on401: 'throw' }),
    staleTime: 60_000,
    retry: (count, e) => !(isApiError(e) && e.status === 401) && count < 2,
  })
}
