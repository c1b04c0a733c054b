import { queryOptions } from '@tanstack/react-query'
import { ComponentsState, RefreshWatchResponse } from '../../contracts/deployments.ts'
import { apiFetch } from '../../lib/http.ts'
import { deploymentKeys } from './deploymentKeys.ts'

const dep = (id: string) => `/v1/deployments/${encodeURIComponent(id)}`

/**
 * `GET /deployments/{id}/components/state`: the Phase-1 watcher's view of every HelmRelease (or, with no
 * watcher attached, the persisted states: `watching:false`, no times, no dependencies).
 */
export function componentsStateQueryOptions(deploymentId: string) {
  return queryOptions({
    queryKey: deploymentKeys.componentsState(deploymentId),
    queryFn: ({ signal }) => apiFetch(`${dep(deploymentId)}/components/state`, ComponentsState, { signal }),
    enabled: deploymentId !== '',
    staleTime: 5_000,
    refetchInterval: (q) => (q.state.data?.watching ? 5_000 : false),
  })
}

/**
 * `POST /deployments/{id}/refresh-watch`: re-attaches a Phase-1 watcher (after a restart or a finished
 * watch); resolves once its first listing is stored. 409 `watch-not-resumable` without a kubeconfig, 504
 * `seed-timeout` when the cluster does not answer (the watcher keeps trying: poll the state).
 */
export function refreshWatch(deploymentId: string) {
  return apiFetch(`${dep(deploymentId)}/refresh-watch`, RefreshWatchResponse, { method: 'POST' })
}
