import { queryOptions } from '@tanstack/react-query'
import { DeploymentEvents, isInFlightStatus } from '../../contracts/deployments.ts'
import { apiFetch } from '../http.ts'

export const eventsKey = (deploymentId: string) => ['deployments', deploymentId, 'events'] as const

/**
 * `GET /deployments/{id}/events`: the record plus its event history (up to the last 10,000 events,
 * contract §3.4) — what replay rebuilds the past from. Read only while replaying; refreshed every 10 s while
 * the run is still in flight, so the scrubber's span grows with it.
 */
export function eventsQueryOptions(deploymentId: string, enabled = true) {
  return queryOptions({
    queryKey: eventsKey(deploymentId),
    queryFn: ({ signal }) =>
      apiFetch(`/v1/deployments/${encodeURIComponent(deploymentId)}/events`, DeploymentEvents, { signal }),
    enabled: enabled && deploymentId !== '',
    staleTime: 5_000,
    refetchInterval: (q) => (q.state.data && isInFlightStatus(q.state.data.state.status) ? 10_000 : false),
  })
}
