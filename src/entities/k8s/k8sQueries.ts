import { queryOptions } from '@tanstack/react-query'
import { K8sList, type K8sObject, type K8sResource } from '../../contracts/k8s.ts'
import { apiFetch } from '../../lib/http.ts'
import { deploymentKeys } from '../deployment/deploymentKeys.ts'

export const k8sKeys = {
  list: (deploymentId: string, resources: readonly K8sResource[]) =>
    [...deploymentKeys.scope(deploymentId), 'k8s', ...resources] as const,
}

/**
 * Objects of one or more k8s resources across the Sovereign's clusters (contract §2.15), as one list: the
 * cloud page's "Ingresses" reads `ingresses` and `httproutes` together. Fetched in parallel; one failure
 * fails the list (a half list would under-count without saying so).
 */
export function k8sListQueryOptions(deploymentId: string, resources: readonly K8sResource[]) {
  return queryOptions({
    queryKey: k8sKeys.list(deploymentId, resources),
    queryFn: async ({ signal }): Promise<K8sObject[]> => {
      const lists = await Promise.all(
        resources.map((kind) =>
          apiFetch(
            `/v1/sovereigns/${encodeURIComponent(deploymentId)}/k8s/list?kind=${encodeURIComponent(kind)}`,
            K8sList,
            { signal },
          ),
        ),
      )
      return lists.flatMap((l) => l.items)
    },
    enabled: deploymentId !== '',
    staleTime: 30_000,
  })
}
