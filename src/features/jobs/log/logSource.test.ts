import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BACKFILL_AFTER_DONE_MS } from '../../../entities/deployment/deploymentEventStream.ts'
import {
  deploymentState as state,
  FakeDeploymentServer,
  numberedEvent,
} from '../../../testing/fakeDeploymentStream.ts'
import { GlobalLogSource } from './logSource.ts'

/**
 * The de-duplication and the after-done policy are the deployment stream's (its own tests); here only what
 * the global log makes of them: numbered lines, the source status, completion.
 */
describe('GlobalLogSource', () => {
  const all = Array.from({ length: 6 }, (_, i) => numberedEvent(i))
  let server: FakeDeploymentServer

  beforeEach(() => {
    vi.useFakeTimers()
    server = new FakeDeploymentServer()
  })
  afterEach(() => vi.useRealTimers())

  it('numbers the new events as lines and maps the stream status', async () => {
    const source = new GlobalLogSource('d1', { open: server.open, fetchEvents: vi.fn() })
    source.start()
    expect(source.status().state).toBe('connecting')
    server.connect(all.slice(0, 4))
    expect(source.status().state).toBe('live')
    server.status('reconnecting', 123)
    expect(source.status()).toMatchObject({ state: 'retrying', retryAt: 123 })
    server.connect(all, true)
    await source.whenComplete()
    expect(source.buffer.total).toBe(6)
    expect(source.buffer.get(6)?.plain).toBe('[install-cilium] event 5')
    expect(source.buffer.finished).toBe(false)
    source.stop()
  })

  it('is complete at done when nothing more will be logged', () => {
    const source = new GlobalLogSource('d1', { open: server.open, fetchEvents: vi.fn() })
    source.start()
    server.connect(all)
    server.done(state({ status: 'failed' }))
    expect(source.buffer.total).toBe(6)
    expect(source.status().state).toBe('complete')
    expect(source.buffer.finished).toBe(true)
  })

  it('reads on after done until the deployment has logged everything', async () => {
    const fetchEvents = vi.fn().mockResolvedValue({
      state: state({ handoverFiredAt: '2026-01-01T00:09:00Z' }),
      events: all,
      done: true,
    })
    const source = new GlobalLogSource('d1', { open: server.open, fetchEvents })
    source.start()
    server.connect(all.slice(0, 3))
    server.done(state())
    // Ready without a handover: still live (the stream closed on purpose), reading on.
    expect(source.status().state).toBe('live')
    await vi.advanceTimersByTimeAsync(BACKFILL_AFTER_DONE_MS)
    expect(source.buffer.total).toBe(6)
    expect(source.status().state).toBe('complete')
    expect(source.buffer.finished).toBe(true)
    source.stop()
  })
})
