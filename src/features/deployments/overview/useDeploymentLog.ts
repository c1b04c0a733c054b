import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { DeploymentEvent, HandoverReady } from '../../../contracts/deployments.ts'
import { DeploymentEventStream } from '../../../entities/deployment/deploymentEventStream.ts'
import { deploymentKeys } from '../../../entities/deployment/deploymentQueries.ts'
import { EventDeduper } from '../../../entities/deployment/eventDeduper.ts'
import type { StreamStatus } from '../../../lib/eventStream.ts'
import { applyDeploymentEvents, emptyLog, type DeploymentLogState } from './deploymentLog.ts'

/** Events after which the record has news (status, outputs, handover): refetch it at once. */
function isMilestone(e: DeploymentEvent): boolean {
  return (
    e.level === 'error' ||
    ['tofu-output', 'flux-bootstrap', 'handover-ready', 'wipe', 'kubeconfig'].includes(e.phase) ||
    (e.phase === 'component' && !e.component)
  )
}

export interface DeploymentLogView {
  log: DeploymentLogState
  stream: StreamStatus
  /** The server ended the stream with `done` (the deployment reached a terminal status). */
  finished: boolean
  /** From the named `handover-ready` frame. */
  handover: HandoverReady | undefined
  reconnect: () => void
  /**
   * After `done` the server keeps logging (DNS, ClusterMesh, cutover, handover: contract §2.3.2, §4.1
   * rows 9–12) but the stream is closed: the stream re-reads `GET /events` on its own while the deployment
   * still logs; this reads now. The screen calls it whenever it re-read the record, so the log never lags
   * behind the record it shows next to it.
   */
  backfill: () => void
}

/**
 * The deployment event stream (`entities/deployment/deploymentEventStream.ts`, which opens, de-duplicates
 * and reads on after `done`) folded into the pure reducer, in 60 ms batches. Here only what the overview
 * adds: the record refetch on milestones, the final State from `done` into the query cache, the handover
 * frame. If the deployment later runs again (a retried job), a new `restartKey` reopens the stream.
 */
export function useDeploymentLog(id: string, enabled: boolean, restartKey: number): DeploymentLogView {
  const queryClient = useQueryClient()
  const [log, setLog] = useState<DeploymentLogState>(emptyLog)
  const [stream, setStream] = useState<StreamStatus>({ state: 'connecting', attempt: 0, retryAt: undefined })
  /** The `restartKey` whose stream ended with `done` (so a restart is unfinished at once). */
  const [finishedFor, setFinishedFor] = useState<number | undefined>()
  const [handover, setHandover] = useState<HandoverReady | undefined>()
  const handle = useRef<DeploymentEventStream | undefined>(undefined)
  const restartKeyNow = useRef(restartKey)
  /** One deduper per deployment: the log state outlives a stream closed and opened again (`enabled`). */
  const deduper = useRef<{ id: string; deduper: EventDeduper } | undefined>(undefined)

  useEffect(() => {
    if (!enabled || !id) return
    if (deduper.current?.id !== id) deduper.current = { id, deduper: new EventDeduper() }
    let refetchTimer: ReturnType<typeof setTimeout> | undefined
    const refetchState = () => {
      refetchTimer ??= setTimeout(() => {
        refetchTimer = undefined
        void queryClient.invalidateQueries({ queryKey: deploymentKeys.detail(id) })
      }, 400)
    }
    const s = new DeploymentEventStream(
      id,
      {
        onEvents: (batch) => {
          setLog((log) => applyDeploymentEvents(log, batch))
          if (batch.some(isMilestone)) refetchState()
        },
        // A reconnect replays milestones the deduper now drops: look at the record as the replay used to.
        onOpen: (reconnect) => {
          if (reconnect) refetchState()
        },
        onStatus: setStream,
        onHandover: (h) => {
          setHandover(h)
          refetchState()
        },
        onDone: (state) => {
          queryClient.setQueryData(deploymentKeys.detail(id), state)
          setFinishedFor(restartKeyNow.current)
          // Handover may fire after `done`: the record poll (handoverURL) takes over from here.
          refetchState()
        },
      },
      { batchMs: 60, deduper: deduper.current.deduper },
    )
    handle.current = s
    s.start()
    return () => {
      s.stop()
      if (handle.current === s) handle.current = undefined
      if (refetchTimer) clearTimeout(refetchTimer)
    }
  }, [id, enabled, queryClient])

  // A retried job after `done`: the same stream opens again (its deduper drops the replay).
  useEffect(() => {
    if (restartKeyNow.current === restartKey) return
    restartKeyNow.current = restartKey
    handle.current?.restart()
  }, [restartKey])

  const reconnect = useCallback(() => handle.current?.reconnect(), [])
  const backfill = useCallback(() => handle.current?.backfill(), [])
  return { log, stream, finished: finishedFor === restartKey, handover, reconnect, backfill }
}
