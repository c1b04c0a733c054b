/**
 * The flow parse worker: `JSON.parse` + the `FlowMessage` contract schema for snapshot bodies and stream
 * frames (a 2,000-node snapshot is ~1.4 MB; validating it costs tens of ms that would otherwise block the
 * main thread). The result goes back as JSON text — the main thread's `JSON.parse` of already-validated
 * data is several times cheaper than the schema parse. Requests are answered in arrival order.
 */
import { parseFlowMessage } from './parseFlowMessage.ts'

export interface FlowParseRequest {
  id: number
  text: string
}

export type FlowParseResponse =
  { id: number; ok: true; json: string } | { id: number; ok: false; error: string }

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<FlowParseRequest>) => void) | null
  postMessage: (msg: FlowParseResponse) => void
}

scope.onmessage = (e) => {
  const { id, text } = e.data
  const r = parseFlowMessage(text)
  scope.postMessage(r.ok ? { id, ok: true, json: JSON.stringify(r.data) } : { id, ok: false, error: r.error })
}
