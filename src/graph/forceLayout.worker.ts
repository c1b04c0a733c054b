/**
 * The layout worker: runs `forceLayout` (imported, never copied) off the main thread. One request at a
 * time; the hook cancels a stale run by terminating the worker, so no cancellation protocol is needed.
 */
import { forceLayout, type LayoutInput } from './forceLayout.ts'

export interface LayoutRequest {
  requestId: number
  input: LayoutInput
}

export interface LayoutResponse {
  requestId: number
  xs: Float64Array
  ys: Float64Array
  ticks: number
  /** Time spent in `forceLayout`, measured inside the worker. */
  ms: number
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null
  postMessage: (msg: LayoutResponse, transfer: Transferable[]) => void
}

scope.onmessage = (e) => {
  const { requestId, input } = e.data
  const t0 = performance.now()
  const out = forceLayout(input)
  const ms = performance.now() - t0
  scope.postMessage({ requestId, xs: out.xs, ys: out.ys, ticks: out.ticks, ms }, [
    out.xs.buffer,
    out.ys.buffer,
  ])
}
