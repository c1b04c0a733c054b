import { queryOptions } from '@tanstack/react-query'
import { DeploymentEvents, isInFlightStatus } from '../../contracts/deployments.ts'
import { apiFetch } from '../../lib/http.ts'
import { deploymentKeys } from './deploymentKeys.ts'

/** `GET /deployments/{id}/events`, once: the record and its event history. */
export function fetchDeploymentEvents(deploymentId: string, signal?: AbortSignal) {
  return apiFetch(`/v1/deployments/${encodeURIComponent(deploymentId)}/events`, DeploymentEvents, { signal })
}

/**
 * The same as a query (the history keeps up to the last 10,000 events, contract §3.4) — what replay rebuilds the past from. Read only while replaying; refreshed every 10 s while
 * the run is still in flight, so the scrubber's span grows with it.
 */
export function eventsQueryOptions(deploymentId: string, enabled = true) {
  return queryOptions({
    queryKey: deploymentKeys.events(deploymentId),
    queryFn: ({ signal }) => fetchDeploymentEvents(deploymentId, signal),
    enabled: enabled && deploymentId !== '',
    staleTime: 5_000,
    refetchInterval: (q) => (q.state.data && isInFlightStatus(q.state.data.state.status) ? 10_000 : false),
  })
}
