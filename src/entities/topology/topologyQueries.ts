import { queryOptions } from '@tanstack/react-query'
import { Infrastructure } from '../../contracts/topology.ts'
import { apiFetch } from '../../lib/http.ts'
import { deploymentKeys } from '../deployment/deploymentKeys.ts'

export const topologyKeys = {
  detail: (deploymentId: string) => [...deploymentKeys.scope(deploymentId), 'topology'] as const,
}

/** Infrastructure topology of a deployment (used by the cloud views and the wipe preview). */
export function topologyQueryOptions(deploymentId: string) {
  return queryOptions({
    queryKey: topologyKeys.detail(deploymentId),
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
