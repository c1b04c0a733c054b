import { queryOptions } from '@tanstack/react-query'
import { FleetSovereigns } from '../../contracts/fleet.ts'
import { apiFetch } from '../../lib/http.ts'

export const fleetKeys = {
  sovereigns: () => ['fleet', 'sovereigns'] as const,
  treemap: () => ['fleet', 'treemap'] as const,
}

/** `GET /fleet/sovereigns` (mothership only): every Sovereign with health, regions and status. */
export function fleetQueryOptions() {
  return queryOptions({
    queryKey: fleetKeys.sovereigns(),
    queryFn: ({ signal }) =>
      apiFetch('/v1/fleet/sovereigns', FleetSovereigns, { signal, query: { page: 1, pageSize: 500 } }),
    staleTime: 15_000,
    refetchInterval: 30_000,
  })
}
