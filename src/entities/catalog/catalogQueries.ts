import { queryOptions } from '@tanstack/react-query'
import { Catalog } from '../../contracts/apps.ts'
import { apiFetch } from '../../lib/http.ts'

export const catalogKeys = {
  all: ['catalog'] as const,
  sovereignApps: () => ['sovereign', 'apps'] as const,
}

export function catalogQueryOptions() {
  return queryOptions({
    queryKey: catalogKeys.all,
    queryFn: ({ signal }) => apiFetch('/v1/catalog', Catalog, { signal }).then((c) => c.items),
    staleTime: 5 * 60_000,
  })
}
