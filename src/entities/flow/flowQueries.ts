import { queryOptions } from '@tanstack/react-query'
import { FlowMessage } from '../../contracts/flow.ts'
import { applyFlowMessage, EMPTY_FLOW_STATE, type FlowState } from '../../graph/flowState.ts'
import { apiFetch, isApiError } from '../../lib/http.ts'
import { parseFlowMessageOffThread, warmFlowParser } from './flowParser.ts'

import { deploymentKeys } from '../deployment/deploymentKeys.ts'

export const flowKeys = {
  state: (deploymentId: string) => [...deploymentKeys.scope(deploymentId), 'flow'] as const,
}

/**
 * `GET /flows/{id}/snapshot`, parsed with the `FlowMessage` contract in the parse worker (a 2,000-node
 * snapshot is ~1.4 MB: validating it on the main thread was one of the long tasks before the first paint).
 */
export function fetchFlowSnapshot(deploymentId: string, signal?: AbortSignal) {
  warmFlowParser()
  return apiFetch(`/v1/flows/${encodeURIComponent(deploymentId)}/snapshot`, FlowMessage, {
    signal,
    parseBody: parseFlowMessageOffThread,
  })
}

export function flowQueryOptions(deploymentId: string) {
  return queryOptions({
    queryKey: flowKeys.state(deploymentId),
    queryFn: async ({ signal }): Promise<FlowState> =>
      applyFlowMessage(EMPTY_FLOW_STATE, await fetchFlowSnapshot(deploymentId, signal)),
    enabled: deploymentId !== '',
    // The stream keeps the cached state fresh; refetching on focus would only repeat the snapshot.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // Maps are not plain objects; the reducer already keeps identity when nothing changed.
    structuralSharing: false,
    retry: (count, e) => !(isApiError(e) && e.status === 404) && count < 2,
  })
}
