// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { FLOW_SSE_EVENTS } from '../../contracts/flow.ts'
import { deploymentSnapshot } from '../../graph/testing/flowFixtures.ts'
import { useFlowStream } from './useFlowStream.ts'

class FakeEventSource {
  static all: FakeEventSource[] = []
  listeners = new Map<string, ((e: MessageEvent) => void)[]>()
  onopen: (() => void) | null = null
  onerror: (() => void) | null = null
  closed = false
  constructor(readonly url: string) {
    FakeEventSource.all.push(this)
  }
  addEventListener(name: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn])
  }
  close() {
    this.closed = true
  }
  emit(name: string, data: unknown) {
    for (const fn of this.listeners.get(name) ?? []) fn({ data: JSON.stringify(data) } as MessageEvent)
  }
  static last() {
    return FakeEventSource.all[FakeEventSource.all.length - 1]!
  }
}

// The wire shape: unix seconds, empty arrays omitted (Go omitempty) — the contract normalises both.
const wire = deploymentSnapshot({ dep: 'dep1', regions: ['fsn1', 'nbg1-1'] })
const fetchMock = vi.fn(
  async () =>
    new Response(JSON.stringify(wire), { status: 200, headers: { 'content-type': 'application/json' } }),
)

function setup() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={qc}>{children}</QueryClientProvider>
  )
  return renderHook(() => useFlowStream('dep1'), { wrapper })
}

beforeEach(() => {
  FakeEventSource.all = []
  fetchMock.mockClear()
  vi.stubGlobal('EventSource', FakeEventSource)
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => vi.unstubAllGlobals())

describe('useFlowStream', () => {
  test('snapshot first, then one stream listening to every named event and the heartbeat', async () => {
    const { result } = setup()
    await waitFor(() => expect(result.current.state?.nodes.size).toBe(wire.nodes.length))
    expect((fetchMock.mock.calls[0] as unknown[])[0]).toBe('/api/v1/flows/dep1/snapshot')
    const es = FakeEventSource.last()
    expect(es.url).toBe('/api/v1/flows/dep1/stream')
    expect([...es.listeners.keys()].sort()).toEqual([...FLOW_SSE_EVENTS, 'heartbeat'].sort())
  })

  test('named events are applied (batched) through the reducer; a heartbeat changes nothing', async () => {
    const { result } = setup()
    await waitFor(() => expect(result.current.state).toBeDefined())
    const es = FakeEventSource.last()
    act(() => es.onopen?.())
    const before = result.current.state!
    act(() => es.emit('heartbeat', {}))
    await new Promise((r) => setTimeout(r, 300))
    expect(result.current.state).toBe(before)
    act(() => {
      es.emit('upsert-nodes', {
        type: 'upsert-nodes',
        nodes: [{ id: 'dep1:install-cilium', label: 'x', status: 'failed' }],
      })
      es.emit('delete-nodes', { type: 'delete-nodes', ids: ['dep1:install-flux'] })
      es.emit('upsert-flow', { type: 'upsert-flow', flow: { id: 'dep1', status: 'failed', startedAt: 5 } })
    })
    await waitFor(() => expect(result.current.state?.nodes.get('dep1:install-cilium')?.status).toBe('failed'))
    const s = result.current.state!
    expect(s.nodes.has('dep1:install-flux')).toBe(false)
    expect(
      [...s.rels.values()].some((r) => r.fromId === 'dep1:install-flux' || r.toId === 'dep1:install-flux'),
    ).toBe(false)
    // Seconds on the wire, milliseconds in the store.
    expect(s.flow?.startedAt).toBe(5000)
    expect(result.current.framesApplied).toBe(3)
  })

  test('replaying the stream after a reconnect yields an identical state', async () => {
    const { result } = setup()
    await waitFor(() => expect(result.current.state).toBeDefined())
    const es = FakeEventSource.last()
    const frames = [
      wire,
      {
        type: 'upsert-nodes',
        nodes: [{ id: 'dep1:install-cilium', label: 'install-cilium', status: 'running' }],
      },
    ]
    act(() => frames.forEach((f) => es.emit(f.type, f)))
    await waitFor(() =>
      expect(result.current.state?.nodes.get('dep1:install-cilium')?.status).toBe('running'),
    )
    const settled = result.current.state
    act(() => frames.forEach((f) => es.emit(f.type, f)))
    await waitFor(() => expect(result.current.framesApplied).toBe(4))
    // The snapshot in the replay resets cilium, the upsert re-applies it: the same state, and every
    // node the replay did not touch is still the very same object.
    const now = result.current.state!
    const view = (st: typeof now) => ({
      flow: st.flow,
      nodes: [...st.nodes.values()],
      rels: [...st.rels.keys()],
    })
    expect(view(now)).toEqual(view(settled!))
    expect(now.nodes.get('dep1:install-harbor')).toBe(settled!.nodes.get('dep1:install-harbor'))
  })

  test('a dropped stream shows "reconnecting", reopens after the backoff and re-syncs from the snapshot', async () => {
    const { result } = setup()
    await waitFor(() => expect(result.current.state).toBeDefined())
    const first = FakeEventSource.last()
    act(() => first.onopen?.())
    expect(result.current.stream.state).toBe('open')
    act(() => first.onerror?.())
    expect(result.current.stream.state).toBe('reconnecting')
    expect(result.current.stream.retryAt).toBeGreaterThan(Date.now())
    expect(first.closed).toBe(true)
    const calls = fetchMock.mock.calls.length
    await waitFor(() => expect(FakeEventSource.all).toHaveLength(2), { timeout: 3000 })
    act(() => FakeEventSource.last().onopen?.())
    expect(result.current.stream.state).toBe('open')
    await waitFor(() => expect(fetchMock.mock.calls.length).toBe(calls + 1))
    // The state survived the drop.
    expect(result.current.state?.nodes.size).toBe(wire.nodes.length)
  })
})
