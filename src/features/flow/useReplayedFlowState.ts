import { useMemo } from 'react'
import { useReplay } from '../../components/replay/useReplay.ts'
import type { FlowState } from '../../graph/flowState.ts'
import { flowStateAsOf } from '../../graph/replayViews.ts'

/**
 * `?at=`: the same graph with every job's status as it was at the replayed instant; the live state when
 * not replaying. The replay bar itself belongs to the jobs page that hosts the graph.
 */
export function useReplayedFlowState(
  deploymentId: string,
  live: FlowState | undefined,
): FlowState | undefined {
  const replayed = useReplay(deploymentId).snapshot
  return useMemo(() => (replayed && live ? flowStateAsOf(live, replayed) : live), [live, replayed])
}
