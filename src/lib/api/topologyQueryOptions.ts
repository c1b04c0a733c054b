import { queryOptions } from '@tanstack/react-query'
import { Infrastructure } from '../../contracts/topology.ts'
import { apiFetch } from '../http.ts'

/** Infrastructure topology of a deployment (used by the cloud views and the wipe preview). */
export function topologyQueryOptions(deploymentId: string) {
  return queryOptions({
    queryKey: ['deployments', deploymentId, 'topology'],
    queryFn: ({ signal }) =>
      apiFetch(
        `/v1/deployments/${encodeURIComponent(deploymentId)}/infrastructure/topology`,
        Infrastructure,
        { signal },
      ),
    enabled: deploymentId !== '',
    staleTime: 15_000,
  })
}
