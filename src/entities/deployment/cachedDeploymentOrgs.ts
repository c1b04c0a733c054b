import type { QueryClient } from '@tanstack/react-query'
import type { DeploymentState } from '../../contracts/deployments.ts'
import { deploymentKeys } from './deploymentKeys.ts'

/**
 * Organisation names of the deployments whose record (`GET /deployments/{id}`) is in the query cache. List
 * rows carry no `orgName` (contract §3.1), so this is what the console knows without a request per row.
 */
export function cachedDeploymentOrgs(queryClient: QueryClient): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, data] of queryClient.getQueriesData<DeploymentState>({ queryKey: deploymentKeys.all })) {
    if (key[2] !== 'state' || !data?.orgName) continue
    out.set(data.id, data.orgName)
  }
  return out
}
