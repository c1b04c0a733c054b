import {
  useMutation,
  useMutationState,
  useQueryClient,
  type Mutation,
  type QueryClient,
} from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { MutationResponse } from '../../contracts/topology.ts'
import { deploymentKeys } from '../deployment/deploymentKeys.ts'
import type { InfraChange, InfraChangeRecord } from './infraChanges.ts'
import { infrastructureMutations as api } from './infrastructureMutations.ts'
import { topologyKeys } from './topologyQueries.ts'

export const infraChangeKeys = {
  all: (deploymentId: string) => [...deploymentKeys.scope(deploymentId), 'infra-change'] as const,
}

/** The one request each change makes (singular kinds on DELETE: the backend expands only those). */
export function submitInfraChange(deploymentId: string, c: InfraChange): Promise<MutationResponse> {
  switch (c.op) {
    case 'add-pool':
      return api.addPool(deploymentId, c.clusterId, c.body)
    case 'scale-pool':
      return api.updatePool(deploymentId, c.poolId, { desiredSize: c.desiredSize })
    case 'delete-pool':
      return api.remove(deploymentId, 'pool', c.poolId)
    case 'add-region':
      return api.addRegion(deploymentId, c.body)
    case 'delete-region':
      return api.remove(deploymentId, 'region', c.regionId)
  }
}

type ChangeMutation = Mutation<MutationResponse, Error, InfraChange>

function toRecord(m: ChangeMutation): InfraChangeRecord | undefined {
  const change = m.state.variables
  if (!change) return undefined
  return {
    key: m.mutationId,
    change,
    state: m.state.status === 'success' ? 'submitted' : m.state.status === 'error' ? 'refused' : 'submitting',
    response: m.state.data,
    error: m.state.error ?? undefined,
  }
}

function findMutation(queryClient: QueryClient, key: number) {
  return queryClient.getMutationCache().find({ predicate: (m) => m.mutationId === key })
}

/**
 * The deployment's Day-2 changes of this session, kept in React Query's mutation cache (so the Cloud page
 * shows them again after a visit to the jobs page) — `records` for the overlay, `submit` to send one,
 * `retry` and `dismiss` for a refused one. Every answer refreshes the topology.
 */
export function useInfraChanges(deploymentId: string) {
  const queryClient = useQueryClient()
  const mutationKey = infraChangeKeys.all(deploymentId)
  const { mutate } = useMutation({
    mutationKey,
    mutationFn: (c: InfraChange) => submitInfraChange(deploymentId, c),
    // Accepted changes stay listed for the session: the topology may not show them for a long time.
    gcTime: Infinity,
    onSettled: () => queryClient.invalidateQueries({ queryKey: topologyKeys.detail(deploymentId) }),
  })
  const found = useMutationState({
    filters: { mutationKey },
    select: (m) => toRecord(m as ChangeMutation),
  })
  const records = useMemo(() => found.filter((r) => r !== undefined), [found])
  const dismiss = useCallback(
    (record: InfraChangeRecord) => {
      const m = findMutation(queryClient, record.key)
      if (m) queryClient.getMutationCache().remove(m)
    },
    [queryClient],
  )
  const retry = useCallback(
    (record: InfraChangeRecord) => {
      dismiss(record)
      mutate(record.change)
    },
    [dismiss, mutate],
  )
  return { records, submit: mutate, retry, dismiss }
}
