import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import {
  TreemapResponse,
  type TreemapColorBy,
  type TreemapDimension,
  type TreemapSizeBy,
} from '../../contracts/treemap.ts'
import { apiFetch } from '../../lib/http.ts'
import { deploymentKeys } from '../deployment/deploymentKeys.ts'
import { fleetKeys } from '../fleet/fleetQueries.ts'

export const treemapKeys = {
  pivot: (
    deploymentId: string,
    pivot: { layers: string; size: string; color: string; sendDeploymentId: boolean },
  ) => [...deploymentKeys.scope(deploymentId), 'treemap', pivot] as const,
}

export interface TreemapQuery {
  /** The deployment whose inventory to show; sent as `deployment_id` only on the mothership. */
  deploymentId: string
  sendDeploymentId: boolean
  layers: readonly TreemapDimension[]
  size: TreemapSizeBy
  color: TreemapColorBy
}

/** A treemap answer together with the pivot it answers (so a kept previous answer is drawn as what it is). */
export interface TreemapResult extends TreemapResponse {
  query: Pick<TreemapQuery, 'layers' | 'size' | 'color'>
}

/**
 * `GET /dashboard/treemap` for one pivot. Fresh for 60 s; while a new pivot loads the previous answer
 * stays on screen (marked as updating) instead of a blank box.
 */
export function treemapQueryOptions(q: TreemapQuery) {
  const { deploymentId, sendDeploymentId, layers, size, color } = q
  return queryOptions({
    queryKey: treemapKeys.pivot(deploymentId, { layers: layers.join(','), size, color, sendDeploymentId }),
    queryFn: async ({ signal }): Promise<TreemapResult> => {
      const data = await apiFetch('/v1/dashboard/treemap', TreemapResponse, {
        signal,
        query: {
          group_by: layers.join(','),
          color_by: color,
          size_by: size,
          deployment_id: sendDeploymentId ? deploymentId : undefined,
        },
      })
      return { ...data, query: { layers, size, color } }
    },
    enabled: deploymentId !== '',
    staleTime: 60_000,
    // Inventory changes slowly; a minute keeps an open dashboard current without hammering the API.
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  })
}

/** `GET /fleet/treemap` (mothership): one cell per Sovereign, sized by CPU requests, coloured by health. */
export function fleetTreemapQueryOptions() {
  return queryOptions({
    queryKey: fleetKeys.treemap(),
    queryFn: ({ signal }) => apiFetch('/v1/fleet/treemap', TreemapResponse, { signal }),
    staleTime: 30_000,
    refetchInterval: 60_000,
  })
}
