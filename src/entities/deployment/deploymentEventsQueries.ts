import { queryOptions } from '@tanstack/react-query'
import { DeploymentEvents, isInFlightStatus } from '../../contracts/deployments.ts'
import { apiFetch } from '../../lib/http.ts'
import { deploymentKeys } from './deploymentKeys.ts'

/**
 * `GET /deployments/{id}/events` (contract §3.4): the record and its whole event history, read once — the
 * run algorithms take retries from the component transitions in it. A few hundred kB on a big run, so a
 * live run re-reads it only every 15 s (the jobs list carries the fast-moving part); a settled run never.
 */
export function deploymentEventsQueryOptions(id: string) {
  return queryOptions({
    queryKey: deploymentKeys.events(id),
    queryFn: ({ signal }) =>
      apiFetch(`/v1/deployments/${encodeURIComponent(id)}/events`, DeploymentEvents, { signal }),
    enabled: id !== '',
    staleTime: 10_000,
    refetchInterval: (q) => (q.state.data && isInFlightStatus(q.state.data.state.status) ? 15_000 : false),
  })
}
