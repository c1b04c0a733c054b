/**
 * The flow parse worker: `JSON.parse` + the `FlowMessage` contract schema for snapshot bodies and stream
 * frames (a 2,000-node snapshot is ~1.4 MB; validating it costs tens of ms that would otherwise block the
 * main thread). The result goes back as JSON text — the main thread's `JSON.parse` of already-validated
 * data is several times cheaper than the schema parse. Requests are answered in arrival order.
 */
// First: before the contract modules create their schemas (no eval probe under the CSP).
import '../../lib/zodJitless.ts'
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

/**
 * JIT warm-up while the first request is still in flight: a fresh worker runs the schema's code cold
 * (interpreted), which made the first real snapshot parse markedly slower than on the warmed-up main
 * thread. A few small synthetic snapshots of the wire shape get it compiled first.
 */
function warmUp(): void {
  const nodes = Array.from({ length: 200 }, (_, i) => ({
    id: `w:n${i}`,
    flowId: 'w',
    label: `Node ${i}`,
    status: 'succeeded',
    family: 'chart',
    region: 'r',
    startedAt: 1_700_000_000 + i,
    endedAt: 1_700_000_100 + i,
    meta: { jobName: `n${i}` },
  }))
  const relationships = nodes.flatMap((n, i) => [
    { fromId: n.id, toId: 'w:group', type: 'contains' },
    { fromId: `w:n${(i + 1) % nodes.length}`, toId: n.id, type: 'finish-to-start' },
  ])
  const text = JSON.stringify({
    type: 'snapshot',
    flow: { id: 'w', status: 'running', startedAt: 1_700_000_000 },
    nodes,
    relationships,
  })
  for (let i = 0; i < 8; i++) {
    const r = parseFlowMessage(text)
    if (r.ok) JSON.stringify(r.data)
  }
}
warmUp()

scope.onmessage = (e) => {
  const { id, text } = e.data
  const r = parseFlowMessage(text)
  scope.postMessage(r.ok ? { id, ok: true, json: JSON.stringify(r.data) } : { id, ok: false, error: r.error })
}
