import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import {
  DeploymentEvent,
  DeploymentEvents,
  DeploymentState,
  HandoverReady,
} from '../../../contracts/deployments.ts'
import { deploymentKeys } from '../../../entities/deployment/deploymentQueries.ts'
import { openEventStream, type StreamStatus } from '../../../lib/eventStream.ts'
import { apiFetch } from '../../../lib/http.ts'
import { applyDeploymentEvents, beginReplay, emptyLog, type DeploymentLogState } from './deploymentLog.ts'

/** Events after which the record has news (status, outputs, handover): refetch it at once. */
function isMilestone(e: DeploymentEvent): boolean {
  return (
    e.level === 'error' ||
    ['tofu-output', 'flux-bootstrap', 'handover-ready', 'wipe', 'kubeconfig'].includes(e.phase) ||
    (e.phase === 'component' && !e.component)
  )
}

type Action = { kind: 'replay' } | { kind: 'event'; event: DeploymentEvent }

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
   * rows 9–12) but the stream is closed: fetch `GET /events` and fold in what is new (de-duplicated like a
   * replay). The screen calls this whenever it re-reads the record.
   */
  backfill: () => void
}

/**
 * The deployment log SSE (`/deployments/{id}/logs`) folded into the pure reducer. Frames are applied in
 * small batches (a reconnect replays up to 10,000 events); each (re)connect marks a replay boundary so the
 * replayed history is de-duplicated. `done` puts the final State into the query cache and ends the stream;
 * if the deployment later runs again (a retried job), `restartKey` reopens it.
 */
export function useDeploymentLog(id: string, enabled: boolean, restartKey: number): DeploymentLogView {
  const queryClient = useQueryClient()
  const [log, setLog] = useState<DeploymentLogState>(emptyLog)
  const [stream, setStream] = useState<StreamStatus>({ state: 'connecting', attempt: 0, retryAt: undefined })
  /** The `restartKey` whose stream ended with `done` (so a restart is unfinished at once). */
  const [finishedFor, setFinishedFor] = useState<number | undefined>()
  const [handover, setHandover] = useState<HandoverReady | undefined>()
  const handle = useRef<{ reconnect: () => void } | undefined>(undefined)

  useEffect(() => {
    if (!enabled || !id) return
    let queue: Action[] = []
    let flushTimer: ReturnType<typeof setTimeout> | undefined
    let refetchTimer: ReturnType<typeof setTimeout> | undefined
    const flush = () => {
      flushTimer = undefined
      const actions = queue
      queue = []
      setLog((s) => {
        let next = s
        let batch: DeploymentEvent[] = []
        for (const a of actions) {
          if (a.kind === 'event') batch.push(a.event)
          else {
            next = beginReplay(applyDeploymentEvents(next, batch))
            batch = []
          }
        }
        return applyDeploymentEvents(next, batch)
      })
    }
    const schedule = () => {
      flushTimer ??= setTimeout(flush, 60)
    }
    const refetchState = () => {
      refetchTimer ??= setTimeout(() => {
        refetchTimer = undefined
        void queryClient.invalidateQueries({ queryKey: deploymentKeys.detail(id) })
      }, 400)
    }
    const h = openEventStream(`/v1/deployments/${encodeURIComponent(id)}/logs`, {
      events: { message: DeploymentEvent, 'handover-ready': HandoverReady, done: DeploymentState },
      onOpen: () => {
        queue.push({ kind: 'replay' })
        schedule()
      },
      onStatus: setStream,
      onEvent: (name, data) => {
        if (name === 'message') {
          const e = data as DeploymentEvent
          queue.push({ kind: 'event', event: e })
          schedule()
          if (isMilestone(e)) refetchState()
        } else if (name === 'handover-ready') {
          setHandover(data as HandoverReady)
          refetchState()
        } else if (name === 'done') {
          // Terminal: the server closes now; close first so the drop is not taken for a failure.
          h.close()
          flush()
          queryClient.setQueryData(deploymentKeys.detail(id), data as DeploymentState)
          setFinishedFor(restartKey)
          // Handover may fire after `done`: the record poll (handoverURL) takes over from here.
          refetchState()
        }
      },
    })
    handle.current = h
    return () => {
      h.close()
      if (flushTimer) clearTimeout(flushTimer)
      if (refetchTimer) clearTimeout(refetchTimer)
    }
  }, [id, enabled, restartKey, queryClient])

  const reconnect = useCallback(() => handle.current?.reconnect(), [])
  const backfill = useCallback(() => {
    if (!id) return
    apiFetch(`/v1/deployments/${encodeURIComponent(id)}/events`, DeploymentEvents).then(
      (res) => setLog((s) => applyDeploymentEvents(beginReplay(s), res.events)),
      () => undefined, // the next record poll tries again
    )
  }, [id])
  return { log, stream, finished: finishedFor === restartKey, handover, reconnect, backfill }
}
