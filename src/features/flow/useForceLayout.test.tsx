// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { applyFlowMessage, EMPTY_FLOW_STATE } from '../../graph/flowState.ts'
import { forceLayout } from '../../graph/forceLayout.ts'
import type { LayoutRequest } from '../../graph/forceLayout.worker.ts'
import { buildFlowModel } from '../../graph/model.ts'
import { deploymentSnapshot } from '../../graph/testing/flowFixtures.ts'

/** A stand-in worker: records requests, answers when told to (the real one runs the same function). */
class FakeWorker {
  static all: FakeWorker[] = []
  requests: LayoutRequest[] = []
  terminated = false
  onmessage: ((e: MessageEvent) => void) | null = null
  onerror: ((e: ErrorEvent) => void) | null = null
  constructor() {
    FakeWorker.all.push(this)
  }
  postMessage(req: LayoutRequest) {
    this.requests.push(req)
  }
  terminate() {
    this.terminated = true
  }
  /** Runs the layout for the last request and delivers the answer. */
  answer() {
    const req = this.requests[this.requests.length - 1]!
    const out = forceLayout(req.input)
    this.onmessage?.({
      data: { requestId: req.requestId, xs: out.xs, ys: out.ys, ticks: out.ticks, ms: 1 },
    } as MessageEvent)
  }
}

vi.mock('./createLayoutWorker.ts', () => ({ createLayoutWorker: () => new FakeWorker() }))

const { useForceLayout } = await import('./useForceLayout.ts')

const modelOf = (opts: Parameters<typeof deploymentSnapshot>[0] = {}) =>
  buildFlowModel(applyFlowMessage(EMPTY_FLOW_STATE, deploymentSnapshot(opts)))

/** The layout input is built in a task after the commit (not inside it): run that task. */
const nextTask = () => act(() => vi.runOnlyPendingTimers())

beforeEach(() => {
  FakeWorker.all = []
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('useForceLayout', () => {
  test('lays out in the worker and places every node, groups included', () => {
    const model = modelOf()
    const { result } = renderHook(() => useForceLayout(model))
    expect(result.current.pending).toBe(true)
    // The worker starts on mount; the request is not built inside the commit but in a task of its own.
    expect(FakeWorker.all).toHaveLength(1)
    expect(FakeWorker.all[0]!.requests).toHaveLength(0)
    nextTask()
    expect(FakeWorker.all).toHaveLength(1)
    expect(FakeWorker.all[0]!.requests).toHaveLength(1)
    act(() => FakeWorker.all[0]!.answer())
    expect(result.current.pending).toBe(false)
    expect(result.current.runs).toBe(1)
    for (const id of model.nodes.keys()) expect(result.current.positions!.has(id)).toBe(true)
  })

  test('a status-only change never re-runs the layout', () => {
    let model = modelOf()
    const { result, rerender } = renderHook(() => useForceLayout(model))
    nextTask()
    act(() => FakeWorker.all[0]!.answer())
    const positions = result.current.positions
    model = modelOf({ status: () => 'failed' })
    rerender()
    nextTask()
    expect(FakeWorker.all[0]!.requests).toHaveLength(1)
    expect(result.current.positions).toBe(positions)
    expect(result.current.pending).toBe(false)
  })

  test('a structure change while a run is in flight terminates the stale run and starts the new one', () => {
    let model = modelOf()
    const { result, rerender } = renderHook(() => useForceLayout(model))
    nextTask()
    const first = FakeWorker.all[0]!
    model = modelOf({ regions: ['fsn1', 'nbg1-1'] })
    rerender()
    expect(first.terminated).toBe(true)
    // Pending from the render that brought the new structure, before its run starts.
    expect(result.current.pending).toBe(true)
    nextTask()
    expect(FakeWorker.all).toHaveLength(2)
    act(() => FakeWorker.all[1]!.answer())
    expect(result.current.runs).toBe(1)
    expect(result.current.positions!.has('d0:install-nbg1-1:cilium')).toBe(true)
    expect(result.current.positions!.has('d0:install-hel1-2:cilium')).toBe(false)
  })

  test('new jobs start warm: earlier nodes are fixed in the next request', () => {
    let model = modelOf({ regions: ['fsn1', 'nbg1-1'] })
    const { result, rerender } = renderHook(() => useForceLayout(model))
    nextTask()
    act(() => FakeWorker.all[0]!.answer())
    const before = result.current.positions!
    model = modelOf({ regions: ['fsn1', 'nbg1-1', 'hel1-2'] })
    rerender()
    nextTask()
    const w = FakeWorker.all[FakeWorker.all.length - 1]!
    const req = w.requests[w.requests.length - 1]!
    const fixed = req.input.nodes.filter((n) => n.fixed).map((n) => n.id)
    expect(fixed).toContain('d0:install-cilium')
    expect(fixed).not.toContain('d0:install-hel1-2:cilium')
    act(() => w.answer())
    const after = result.current.positions!
    const g0 = before.get('d0:install-nbg1-1:cilium')!
    const g1 = after.get('d0:install-nbg1-1:cilium')!
    // Its lane may have shifted rigidly, never reshuffled: relative order in the lane holds.
    const h0 = before.get('d0:install-nbg1-1:harbor')!
    const h1 = after.get('d0:install-nbg1-1:harbor')!
    expect(h1.x - g1.x).toBeCloseTo(h0.x - g0.x, 6)
    expect(h1.y - g1.y).toBeCloseTo(h0.y - g0.y, 6)
  })

  test('unmount terminates the worker', () => {
    const model = modelOf()
    const { unmount } = renderHook(() => useForceLayout(model))
    nextTask()
    act(() => FakeWorker.all[0]!.answer())
    unmount()
    expect(FakeWorker.all[0]!.terminated).toBe(true)
  })
})
