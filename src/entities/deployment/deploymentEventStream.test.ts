import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  DeploymentEvent,
  DeploymentState,
  DeploymentEvents,
  HandoverReady,
} from '../../contracts/deployments.ts'
import type { StreamStatus } from '../../lib/eventStream.ts'
import {
  deploymentState as state,
  FakeDeploymentServer,
  numberedEvent as ev,
} from '../../testing/fakeDeploymentStream.ts'
import {
  BACKFILL_AFTER_DONE_MS,
  DeploymentEventStream,
  logsAfterDone,
  type DeploymentStreamConsumer,
} from './deploymentEventStream.ts'
import { EventDeduper } from './eventDeduper.ts'

function recorder() {
  const got = {
    events: [] as DeploymentEvent[],
    batches: 0,
    opens: [] as boolean[],
    done: [] as DeploymentState[],
    complete: [] as DeploymentState[],
    handover: [] as HandoverReady[],
    status: [] as StreamStatus['state'][],
  }
  const consumer: DeploymentStreamConsumer = {
    onEvents: (batch) => {
      got.batches++
      got.events.push(...batch)
    },
    onOpen: (r) => got.opens.push(r),
    onDone: (s) => got.done.push(s),
    onComplete: (s) => got.complete.push(s),
    onHandover: (h) => got.handover.push(h),
    onStatus: (s) => got.status.push(s.state),
  }
  return { got, consumer }
}

describe('logsAfterDone', () => {
  it.each<[string, string | undefined, boolean]>([
    // Ready before the handover: DNS, ClusterMesh, cutover and handover-ready still follow `done`.
    ['ready', undefined, true],
    ['ready', '2026-05-14T09:40:00Z', false],
    ['failed', undefined, false],
    ['adopted', undefined, false],
    ['wiped', undefined, false],
  ])('%s, handover fired %j → %j', (status, handoverFiredAt, expected) => {
    expect(logsAfterDone({ status, handoverFiredAt } as Parameters<typeof logsAfterDone>[0])).toBe(expected)
  })
})

describe('DeploymentEventStream', () => {
  const all = Array.from({ length: 10 }, (_, i) => ev(i))
  let server: FakeDeploymentServer
  let fetchEvents: ReturnType<typeof vi.fn<(id: string) => Promise<DeploymentEvents>>>

  beforeEach(() => {
    vi.useFakeTimers()
    server = new FakeDeploymentServer()
    fetchEvents = vi.fn<(id: string) => Promise<DeploymentEvents>>()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const make = (consumer: DeploymentStreamConsumer, batchMs?: number) =>
    new DeploymentEventStream('d 1', consumer, { open: server.open, fetchEvents, batchMs })

  it('opens the deployment log stream and delivers one batch per task', () => {
    const { got, consumer } = recorder()
    make(consumer).start()
    expect(server.connections[0]!.path).toBe('/v1/deployments/d%201/logs')
    server.connect(all)
    expect(got.events).toEqual([])
    vi.advanceTimersByTime(0)
    expect(got.events).toEqual(all)
    expect(got.batches).toBe(1)
    expect(got.opens).toEqual([false])
  })

  it('waits batchMs before delivering', () => {
    const { got, consumer } = recorder()
    make(consumer, 60).start()
    server.connect(all.slice(0, 3))
    vi.advanceTimersByTime(59)
    expect(got.events).toEqual([])
    vi.advanceTimersByTime(1)
    expect(got.events).toEqual(all.slice(0, 3))
  })

  it('de-duplicates across reconnects: a replay adds only its new tail', () => {
    const { got, consumer } = recorder()
    make(consumer).start()
    server.connect(all.slice(0, 4))
    vi.advanceTimersByTime(0)
    // The connection drops; the next one replays everything from the start, then streams on.
    server.connect(all.slice(0, 7), true)
    server.send(all[7]!)
    vi.advanceTimersByTime(0)
    // A capped replay that no longer starts at the beginning.
    server.connect(all.slice(5), true)
    vi.advanceTimersByTime(0)
    expect(got.events).toEqual(all)
    expect(got.opens).toEqual([false, true, true])
  })

  it('keeps genuinely repeated lines on the live stream', () => {
    const { got, consumer } = recorder()
    make(consumer).start()
    const same = ev(1, 'Still creating... [10s elapsed]')
    server.connect([same])
    server.send(same)
    vi.advanceTimersByTime(0)
    server.connect([same, same], true)
    vi.advanceTimersByTime(0)
    expect(got.events).toEqual([same, same])
  })

  it('hands over handover-ready frames and the stream status', () => {
    const { got, consumer } = recorder()
    const stream = make(consumer)
    stream.start()
    server.connect([])
    server.handover({ handoverOffered: true } as HandoverReady)
    expect(got.handover).toHaveLength(1)
    expect(got.status).toEqual(['connecting', 'open'])
    expect(stream.streamStatus().state).toBe('open')
  })

  it('done when nothing more will be logged: closes, delivers what is pending, then completes', async () => {
    const { got, consumer } = recorder()
    make(consumer).start()
    server.connect(all.slice(0, 3))
    const final = state({ status: 'failed' })
    server.done(final)
    // Events first, then done: a consumer sees the whole log before the final state.
    expect(got.events).toEqual(all.slice(0, 3))
    expect(server.connections[0]!.closed).toBe(true)
    expect(got.done).toEqual([final])
    expect(got.complete).toEqual([final])
    await vi.advanceTimersByTimeAsync(BACKFILL_AFTER_DONE_MS * 3)
    expect(fetchEvents).not.toHaveBeenCalled()
  })

  it('done while ready without a handover: re-reads /events until handoverFiredAt appears', async () => {
    const { got, consumer } = recorder()
    make(consumer).start()
    server.connect(all.slice(0, 4))
    server.done(state())
    expect(got.complete).toEqual([])

    fetchEvents.mockResolvedValueOnce({ state: state(), events: all.slice(0, 6), done: true })
    fetchEvents.mockRejectedValueOnce(new Error('502'))
    const fired = state({ handoverFiredAt: '2026-01-01T00:09:00Z' })
    fetchEvents.mockResolvedValueOnce({ state: fired, events: all, done: true })

    await vi.advanceTimersByTimeAsync(BACKFILL_AFTER_DONE_MS - 1)
    expect(fetchEvents).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(fetchEvents).toHaveBeenCalledWith('d 1')
    expect(got.events).toEqual(all.slice(0, 6))
    // A failed read is tried again at the next tick.
    await vi.advanceTimersByTimeAsync(BACKFILL_AFTER_DONE_MS)
    expect(fetchEvents).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(BACKFILL_AFTER_DONE_MS)
    expect(fetchEvents).toHaveBeenCalledTimes(3)
    expect(got.events).toEqual(all)
    expect(got.complete).toEqual([fired])
    // The policy said stop.
    await vi.advanceTimersByTimeAsync(BACKFILL_AFTER_DONE_MS * 3)
    expect(fetchEvents).toHaveBeenCalledTimes(3)
    expect(got.done).toHaveLength(1)
  })

  it('a backfill read keeps genuinely repeated lines and drops what the stream delivered', async () => {
    const { got, consumer } = recorder()
    const stream = make(consumer)
    stream.start()
    const same = ev(1, 'waiting')
    server.connect([same])
    server.done(state({ status: 'failed' }))
    fetchEvents.mockResolvedValueOnce({
      state: state({ status: 'failed' }),
      events: [same, same],
      done: true,
    })
    stream.backfill()
    await vi.advanceTimersByTimeAsync(0)
    expect(got.events).toEqual([same, same])
  })

  it('backfill() reads now after done, restarts the policy clock and is ignored while live', async () => {
    const { got, consumer } = recorder()
    const stream = make(consumer)
    stream.start()
    server.connect(all.slice(0, 2))
    stream.backfill()
    expect(fetchEvents).not.toHaveBeenCalled()
    server.done(state())
    await vi.advanceTimersByTimeAsync(BACKFILL_AFTER_DONE_MS - 1000)
    fetchEvents.mockResolvedValue({ state: state(), events: all.slice(0, 3), done: true })
    stream.backfill()
    stream.backfill() // while the first is in flight: one more read right after it
    await vi.advanceTimersByTimeAsync(0)
    expect(fetchEvents).toHaveBeenCalledTimes(2)
    expect(got.events).toEqual(all.slice(0, 3))
    await vi.advanceTimersByTimeAsync(BACKFILL_AFTER_DONE_MS - 1)
    expect(fetchEvents).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(fetchEvents).toHaveBeenCalledTimes(3)
  })

  it('stop cancels the backfill timer and drops a read in flight', async () => {
    const { got, consumer } = recorder()
    const stream = make(consumer)
    stream.start()
    server.connect([])
    server.done(state())
    stream.stop()
    await vi.advanceTimersByTimeAsync(BACKFILL_AFTER_DONE_MS * 3)
    expect(fetchEvents).not.toHaveBeenCalled()

    let answer: (r: DeploymentEvents) => void = () => undefined
    fetchEvents.mockReturnValueOnce(new Promise((r) => (answer = r)))
    const other = make(consumer)
    other.start()
    server.connect([])
    server.done(state())
    await vi.advanceTimersByTimeAsync(BACKFILL_AFTER_DONE_MS)
    other.stop()
    answer({ state: state({ handoverFiredAt: '2026-01-01T00:09:00Z' }), events: all, done: true })
    await vi.advanceTimersByTimeAsync(BACKFILL_AFTER_DONE_MS * 3)
    expect(got.events).toEqual([])
    expect(got.complete).toEqual([])
    expect(fetchEvents).toHaveBeenCalledTimes(1)
  })

  it('stop delivers what was accepted at once, then nothing more', () => {
    const { got, consumer } = recorder()
    const stream = make(consumer, 60)
    stream.start()
    server.connect(all)
    stream.stop()
    expect(got.events).toEqual(all)
    vi.advanceTimersByTime(100)
    expect(got.batches).toBe(1)
    expect(server.connections[0]!.closed).toBe(true)
  })

  it('restart reopens the live stream; its replay adds nothing and the policy stops', async () => {
    const { got, consumer } = recorder()
    const stream = make(consumer)
    stream.start()
    server.connect(all.slice(0, 5))
    server.done(state())
    stream.restart()
    expect(server.connections).toHaveLength(2)
    server.connect(all.slice(0, 8))
    vi.advanceTimersByTime(0)
    expect(got.events).toEqual(all.slice(0, 8))
    expect(got.opens).toEqual([false, true])
    await vi.advanceTimersByTimeAsync(BACKFILL_AFTER_DONE_MS * 2)
    expect(fetchEvents).not.toHaveBeenCalled()
    // It ends with `done` again: settled afresh.
    server.done(state({ status: 'failed' }))
    expect(got.done).toHaveLength(2)
    expect(got.complete).toHaveLength(1)
  })

  it('stop then start keeps the deduper: the replay adds nothing', () => {
    const { got, consumer } = recorder()
    const stream = make(consumer)
    stream.start()
    server.connect(all.slice(0, 5))
    stream.flush()
    stream.stop()
    stream.start()
    server.connect(all)
    stream.flush()
    expect(got.events).toEqual(all)
  })

  it('a new stream object given the same deduper adds nothing for the replay', () => {
    const { got, consumer } = recorder()
    const deduper = new EventDeduper()
    const first = new DeploymentEventStream('d1', consumer, { open: server.open, fetchEvents, deduper })
    first.start()
    server.connect(all.slice(0, 5))
    first.stop()
    const second = new DeploymentEventStream('d1', consumer, { open: server.open, fetchEvents, deduper })
    second.start()
    server.connect(all)
    vi.advanceTimersByTime(0)
    expect(got.events).toEqual(all)
  })

  it('reconnect asks the live connection to reconnect now', () => {
    const { consumer } = recorder()
    const stream = make(consumer)
    stream.start()
    stream.reconnect()
    expect(server.connections[0]!.reconnects).toBe(1)
  })
})
