import { beforeEach, describe, expect, test, vi } from 'vitest'
import type { FlowParseRequest, FlowParseResponse } from './flowParse.worker.ts'
import { parseFlowMessage } from './parseFlowMessage.ts'

/** A stand-in parse worker: queues requests, answers them (in order) when told to, like the real one. */
class FakeWorker {
  static all: FakeWorker[] = []
  queue: FlowParseRequest[] = []
  onmessage: ((e: MessageEvent<FlowParseResponse>) => void) | null = null
  onerror: ((e: ErrorEvent) => void) | null = null
  terminated = false
  constructor() {
    FakeWorker.all.push(this)
  }
  postMessage(req: FlowParseRequest) {
    this.queue.push(req)
  }
  terminate() {
    this.terminated = true
  }
  answerAll() {
    for (const { id, text } of this.queue.splice(0)) {
      const r = parseFlowMessage(text)
      this.onmessage?.({
        data: r.ok ? { id, ok: true, json: JSON.stringify(r.data) } : { id, ok: false, error: r.error },
      } as MessageEvent<FlowParseResponse>)
    }
  }
  crash() {
    this.onerror?.({ preventDefault() {} } as ErrorEvent)
  }
}

vi.stubGlobal('Worker', FakeWorker)
vi.mock('./createFlowParseWorker.ts', () => ({ createFlowParseWorker: () => new FakeWorker() }))

const upsert = (id: string) => JSON.stringify({ type: 'upsert-nodes', nodes: [{ id, status: 'running' }] })

// Module state (the one worker, the last text) is per import: a fresh module for each test.
let parseFlowMessageOffThread: (text: string) => Promise<unknown>
beforeEach(async () => {
  FakeWorker.all = []
  vi.resetModules()
  ;({ parseFlowMessageOffThread } = await import('./flowParser.ts'))
})

describe('parseFlowMessageOffThread', () => {
  test('parses in the worker with the contract; answers settle in call order', async () => {
    const seen: string[] = []
    const a = parseFlowMessageOffThread(upsert('a')).then(() => seen.push('a'))
    const b = parseFlowMessageOffThread(upsert('b')).then(() => seen.push('b'))
    expect(FakeWorker.all).toHaveLength(1)
    expect(FakeWorker.all[0]!.queue.map((r) => r.text)).toEqual([upsert('a'), upsert('b')])
    FakeWorker.all[0]!.answerAll()
    await Promise.all([a, b])
    expect(seen).toEqual(['a', 'b'])
  })

  test('a frame that breaks the contract rejects with where it broke', async () => {
    const p = parseFlowMessageOffThread('{"type":"upsert-nodes","nodes":[{"label":"x"}]}')
    FakeWorker.all[0]!.answerAll()
    await expect(p).rejects.toThrow(/nodes\.0\.id/)
  })

  test('the same text again (the stream re-sending the snapshot) is not parsed twice', async () => {
    const text = upsert('a')
    const first = parseFlowMessageOffThread(text)
    const again = parseFlowMessageOffThread(text)
    expect(FakeWorker.all[0]!.queue).toHaveLength(1)
    FakeWorker.all[0]!.answerAll()
    expect(await again).toBe(await first)
    expect(await first).toEqual({
      type: 'upsert-nodes',
      nodes: [{ id: 'a', flowId: '', label: '', status: 'running' }],
    })
  })

  test('a broken worker: what it owed and everything after is parsed on the main thread', async () => {
    const p = parseFlowMessageOffThread(upsert('a'))
    FakeWorker.all[0]!.crash()
    expect(FakeWorker.all[0]!.terminated).toBe(true)
    await expect(p).resolves.toMatchObject({ type: 'upsert-nodes' })
    await expect(parseFlowMessageOffThread(upsert('b'))).resolves.toMatchObject({ nodes: [{ id: 'b' }] })
    expect(FakeWorker.all).toHaveLength(1)
  })
})
