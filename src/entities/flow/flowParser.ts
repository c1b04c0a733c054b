import type { FlowMessageData } from '../../graph/flowState.ts'
import { createFlowParseWorker } from './createFlowParseWorker.ts'
import type { FlowParseRequest, FlowParseResponse } from './flowParse.worker.ts'
import { parseFlowMessage } from './parseFlowMessage.ts'

interface Pending {
  text: string
  resolve(m: FlowMessageData): void
  reject(e: Error): void
}

let worker: Worker | undefined
let workerFailed = false
let nextId = 0
const pending = new Map<number, Pending>()

function settle(p: Pending, r: ReturnType<typeof parseFlowMessage>) {
  if (r.ok) p.resolve(r.data)
  else p.reject(new Error(r.error))
}

function getWorker(): Worker | undefined {
  if (worker || workerFailed) return worker
  try {
    if (typeof Worker === 'undefined') throw new Error('no Worker')
    const w = createFlowParseWorker()
    w.onmessage = (e: MessageEvent<FlowParseResponse>) => {
      const p = pending.get(e.data.id)
      if (!p) return
      pending.delete(e.data.id)
      if (e.data.ok) p.resolve(JSON.parse(e.data.json) as FlowMessageData)
      else p.reject(new Error(e.data.error))
    }
    w.onerror = (e) => {
      // A broken worker (CSP, bundling): parse what it still owed on the main thread, in order, and stop using it.
      e.preventDefault()
      w.terminate()
      worker = undefined
      workerFailed = true
      const owed = [...pending.values()]
      pending.clear()
      for (const p of owed) settle(p, parseFlowMessage(p.text))
    }
    worker = w
  } catch {
    workerFailed = true
  }
  return worker
}

/**
 * Starts the parse worker ahead of the first response (its script loads and compiles while the request is
 * in flight, not after the body arrived).
 */
export function warmFlowParser(): void {
  getWorker()
}

/**
 * The last text parsed and its result. The stream opens with the same full snapshot the page just fetched
 * and re-sends it every few seconds; identical text parses to an identical message, so it is not parsed
 * (nor copied to the worker and back) again. Messages are never mutated downstream (the reducer is pure).
 */
let last: { text: string; result: Promise<FlowMessageData> } | undefined

/**
 * Parses one flow message (snapshot body or stream frame) with the contract schema in the parse worker;
 * on the main thread where there is no worker. Promises settle in call order (the worker is FIFO).
 */
export function parseFlowMessageOffThread(text: string): Promise<FlowMessageData> {
  if (last?.text === text) return last.result
  const result = parse(text)
  last = { text, result }
  // A failure is not remembered: the next copy gets a fresh attempt.
  result.catch(() => {
    if (last?.result === result) last = undefined
  })
  return result
}

function parse(text: string): Promise<FlowMessageData> {
  return new Promise((resolve, reject) => {
    const w = getWorker()
    if (!w) {
      settle({ text, resolve, reject }, parseFlowMessage(text))
      return
    }
    const id = ++nextId
    pending.set(id, { text, resolve, reject })
    w.postMessage({ id, text } satisfies FlowParseRequest)
  })
}
