import { queryOptions } from '@tanstack/react-query'
import { DeploymentList, DeploymentState, isInFlightStatus } from '../../contracts/deployments.ts'
import { apiFetch } from '../../lib/http.ts'
import { deploymentKeys } from './deploymentKeys.ts'

export { deploymentKeys }

export function deploymentsQueryOptions() {
  return queryOptions({
    queryKey: deploymentKeys.list(),
    queryFn: ({ signal }) => apiFetch('/v1/deployments', DeploymentList, { signal }),
    staleTime: 15_000,
    refetchInterval: 15_000,
  })
}

/** `GET /deployments/{id}`; polled every 5 s while in flight (handover may fire after `done`). */
export function deploymentQueryOptions(id: string) {
  return queryOptions({
    queryKey: deploymentKeys.detail(id),
    queryFn: ({ signal }) =>
      apiFetch(`/v1/deployments/${encodeURIComponent(id)}`, DeploymentState, { signal }),
    enabled: id !== '',
    staleTime: 5_000,
    refetchInterval: (q) => {
      const s = q.state.data
      if (!s) return false
      if (isInFlightStatus(s.status)) return 5_000
      // Ready but not handed over yet: keep looking for the handover URL.
      return s.status === 'ready' && !s.handoverFiredAt ? 10_000 : false
    },
  })
}
