import { FlowMessage } from '../../contracts/flow.ts'
import type { FlowMessageData } from '../../graph/flowState.ts'

export type FlowParseResult = { ok: true; data: FlowMessageData } | { ok: false; error: string }

/**
 * One flow message (HTTP snapshot body or SSE frame) from its raw text: `JSON.parse`, then the contract
 * schema (`FlowMessage`, with its tolerances: seconds → ms, absent arrays → []). Runs inside the parse
 * worker and, where no worker exists, on the main thread; both give the same result.
 */
export function parseFlowMessage(text: string): FlowParseResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, error: 'body: not JSON' }
  }
  const parsed = FlowMessage.safeParse(json)
  if (parsed.success) return { ok: true, data: parsed.data }
  const issue = parsed.error.issues[0]
  return { ok: false, error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` }
}
