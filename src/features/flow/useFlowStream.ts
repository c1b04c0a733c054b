import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { FLOW_SSE_EVENTS, FlowMessage } from '../../contracts/flow.ts'
import {
  applyFlowMessage,
  applyFlowMessages,
  EMPTY_FLOW_STATE,
  type FlowMessageData,
  type FlowState,
} from '../../graph/flowState.ts'
import { openEventStream, type StreamHandle, type StreamStatus } from '../../lib/eventStream.ts'
import { fetchFlowSnapshot, flowKeys, flowQueryOptions } from '../../entities/flow/flowQueries.ts'
import { parseFlowMessageOffThread } from '../../entities/flow/flowParser.ts'

/** SSE frames are applied in batches: a burst of upserts costs one model rebuild, not one per frame. */
export const FLOW_BATCH_MS = 200
/** The server heartbeats every 15 s and snapshots every 3 s; silence this long means a dead connection. */
const SILENCE_TIMEOUT_MS = 45_000

const events = {
  ...Object.fromEntries(FLOW_SSE_EVENTS.map((name) => [name, FlowMessage])),
  heartbeat: z.unknown(),
} as Record<(typeof FLOW_SSE_EVENTS)[number], typeof FlowMessage> & { heartbeat: z.ZodUnknown }

export interface FlowStreamResult {
  state: FlowState | undefined
  error: unknown
  isLoading: boolean
  stream: StreamStatus
  /** Frames applied since mount (test and benchmark visibility). */
  framesApplied: number
  reconnect(): void
  retry(): void
}

/**
 * The flow of one deployment: the snapshot first (instant paint), then `/flows/{id}/stream` with every
 * named event applied through the pure reducer into the query cache. On every reconnect the snapshot is
 * fetched again, so nothing is lost while the stream was down.
 */
export function useFlowStream(deploymentId: string): FlowStreamResult {
  const qc = useQueryClient()
  const query = useQuery(flowQueryOptions(deploymentId))
  const [stream, setStream] = useState<StreamStatus>({ state: 'connecting', attempt: 0, retryAt: undefined })
  const [framesApplied, setFrames] = useState(0)
  const handle = useRef<StreamHandle | undefined>(undefined)

  useEffect(() => {
    if (!deploymentId) return
    const key = flowKeys.state(deploymentId)
    let buffer: FlowMessageData[] = []
    let timer: ReturnType<typeof setTimeout> | undefined
    let alive = true
    // Frames are parsed (contract schema) in the parse worker — the stream re-sends the full snapshot on
    // every connect and every few seconds — and applied strictly in arrival order.
    let order: Promise<void> = Promise.resolve()
    const flush = () => {
      timer = undefined
      if (!alive || buffer.length === 0) return
      const batch = buffer
      buffer = []
      qc.setQueryData<FlowState>(key, (prev) => applyFlowMessages(prev ?? EMPTY_FLOW_STATE, batch))
      setFrames((n) => n + batch.length)
    }
    const h = openEventStream(`/v1/flows/${encodeURIComponent(deploymentId)}/stream`, {
      events,
      silenceTimeoutMs: SILENCE_TIMEOUT_MS,
      // Every frame arrives through onRaw.
      onEvent: () => undefined,
      onRaw: (name, raw) => {
        if (name === 'heartbeat') return
        const parsed = parseFlowMessageOffThread(raw)
        order = order
          .then(() => parsed)
          .then(
            (msg) => {
              if (!alive) return
              buffer.push(msg)
              timer ??= setTimeout(flush, FLOW_BATCH_MS)
            },
            () => {
              // A frame that breaks the contract never reaches the graph (as eventStream's onInvalid).
            },
          )
      },
      onStatus: (s) => {
        if (alive) setStream(s)
      },
      onOpen: (reconnect) => {
        if (!reconnect) return
        // Re-sync from the snapshot after a drop, through the reducer (unchanged nodes keep identity).
        void fetchFlowSnapshot(deploymentId)
          .then((snap) => {
            if (alive)
              qc.setQueryData<FlowState>(key, (prev) => applyFlowMessage(prev ?? EMPTY_FLOW_STATE, snap))
          })
          .catch(() => {
            // The stream's own snapshot frame arrives anyway; a failed re-sync is not worth an error.
          })
      },
    })
    handle.current = h
    return () => {
      alive = false
      if (timer) clearTimeout(timer)
      h.close()
      handle.current = undefined
    }
  }, [deploymentId, qc])

  return {
    state: query.data,
    error: query.data ? undefined : query.error,
    isLoading: query.isLoading,
    stream,
    framesApplied,
    reconnect: () => handle.current?.reconnect(),
    retry: () => void query.refetch(),
  }
}
