import { queryOptions } from '@tanstack/react-query'
import { Catalog } from '../../contracts/apps.ts'
import { apiFetch } from '../http.ts'

export function catalogQueryOptions() {
  return queryOptions({
    queryKey: ['catalog'],
    queryFn: ({ signal }) => apiFetch('/v1/catalog', Catalog, { signal }).then((c) => c.items),
    staleTime: 5 * 60_000,
  })
}
