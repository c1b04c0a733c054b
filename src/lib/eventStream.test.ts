// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { FakeEventSource } from '../testing/FakeEventSource.ts'
import { openEventStream, type StreamStatus } from './eventStream.ts'

describe('openEventStream', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    FakeEventSource.install()
  })
  afterEach(() => vi.useRealTimers())

  it('parses named frames with their schema and drops invalid ones without reaching the UI', () => {
    const events: unknown[] = []
    const invalid: string[] = []
    openEventStream('/v1/x', {
      events: { tick: z.object({ n: z.number() }) },
      onEvent: (_name, data) => events.push(data),
      onInvalid: (name, raw) => invalid.push(`${name}:${raw}`),
    })
    const es = FakeEventSource.latest()
    expect(es.url).toBe('/api/v1/x')
    es.open()
    es.emit('tick', { n: 1 })
    es.emit('tick', '{broken')
    es.emit('tick', { n: 'two' })
    expect(events).toEqual([{ n: 1 }])
    expect(invalid).toHaveLength(2)
  })

  it('reconnects with exponential backoff (jitter pinned to its ceiling) and a visible state', () => {
    const statuses: StreamStatus[] = []
    const opens: boolean[] = []
    openEventStream('/v1/x', {
      events: {},
      onEvent: () => {},
      onStatus: (s) => statuses.push(s),
      onOpen: (reconnect) => opens.push(reconnect),
      backoff: { initialMs: 1000, maxMs: 8000 },
      random: () => 1,
    })
    FakeEventSource.latest().open()
    FakeEventSource.latest().fail()
    expect(statuses.at(-1)).toMatchObject({ state: 'reconnecting', attempt: 1 })
    vi.advanceTimersByTime(999)
    expect(FakeEventSource.instances).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(FakeEventSource.instances).toHaveLength(2)
    FakeEventSource.latest().fail()
    vi.advanceTimersByTime(1999)
    expect(FakeEventSource.instances).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(FakeEventSource.instances).toHaveLength(3)
    FakeEventSource.latest().open()
    expect(opens).toEqual([false, true])
    expect(statuses.at(-1)).toMatchObject({ state: 'open', attempt: 2 })
  })

  it('keeps backing off against a server that accepts and closes; resets only after a stable period', () => {
    const statuses: StreamStatus[] = []
    openEventStream('/v1/x', {
      events: {},
      onEvent: () => {},
      onStatus: (s) => statuses.push(s),
      backoff: { initialMs: 1000, maxMs: 30_000, stableMs: 10_000 },
      random: () => 1,
    })
    const retries: (number | undefined)[] = []
    for (let i = 0; i < 5; i++) {
      FakeEventSource.latest().open()
      FakeEventSource.latest().fail()
      const s = statuses.at(-1)!
      retries.push(s.retryAt! - Date.now())
      vi.advanceTimersByTime(s.retryAt! - Date.now())
    }
    expect(retries).toEqual([1000, 2000, 4000, 8000, 16_000])
    FakeEventSource.latest().open()
    vi.advanceTimersByTime(10_000)
    FakeEventSource.latest().fail()
    expect(statuses.at(-1)!.retryAt! - Date.now()).toBe(1000)
  })

  it('spreads reconnects with full jitter', () => {
    const statuses: StreamStatus[] = []
    openEventStream('/v1/x', {
      events: {},
      onEvent: () => {},
      onStatus: (s) => statuses.push(s),
      backoff: { initialMs: 1000, maxMs: 30_000 },
      random: () => 0.25,
    })
    FakeEventSource.latest().fail()
    expect(statuses.at(-1)!.retryAt! - Date.now()).toBe(250)
  })

  it('holds no connection while the tab is hidden and reopens (with a refetch) when it is shown', () => {
    const opens: boolean[] = []
    let hidden = false
    vi.spyOn(document, 'hidden', 'get').mockImplementation(() => hidden)
    // Its own path: streams of earlier tests still listen to visibilitychange too.
    const mine = () => FakeEventSource.instances.filter((es) => es.url === '/api/v1/hidden')
    const handle = openEventStream('/v1/hidden', {
      events: {},
      onEvent: () => {},
      onOpen: (reconnect) => opens.push(reconnect),
    })
    const first = mine()[0]!
    first.open()
    hidden = true
    document.dispatchEvent(new Event('visibilitychange'))
    expect(first.readyState).toBe(2)
    vi.advanceTimersByTime(120_000)
    expect(mine()).toHaveLength(1)
    hidden = false
    document.dispatchEvent(new Event('visibilitychange'))
    expect(mine()).toHaveLength(2)
    mine()[1]!.open()
    expect(opens).toEqual([false, true])
    handle.close()
    vi.restoreAllMocks()
  })

  it('never reconnects after close (a stream the server ended on purpose stays ended)', () => {
    const handle = openEventStream('/v1/x', {
      events: { done: z.object({}) },
      onEvent: () => handle.close(),
    })
    const es = FakeEventSource.latest()
    es.open()
    es.emit('done', {})
    es.fail()
    vi.advanceTimersByTime(60_000)
    expect(FakeEventSource.instances).toHaveLength(1)
  })

  it('reopens a stream that went silent longer than its heartbeat promises', () => {
    openEventStream('/v1/x', {
      events: { heartbeat: z.object({}) },
      onEvent: () => {},
      silenceTimeoutMs: 20_000,
    })
    FakeEventSource.latest().open()
    vi.advanceTimersByTime(15_000)
    FakeEventSource.latest().emit('heartbeat', {})
    vi.advanceTimersByTime(15_000)
    expect(FakeEventSource.instances).toHaveLength(1)
    vi.advanceTimersByTime(10_000)
    vi.advanceTimersByTime(1_000)
    expect(FakeEventSource.instances).toHaveLength(2)
  })
})
