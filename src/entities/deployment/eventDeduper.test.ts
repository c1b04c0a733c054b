import { describe, expect, it } from 'vitest'
import type { DeploymentEvent } from '../../contracts/deployments.ts'
import { numberedEvent as ev } from '../../testing/fakeDeploymentStream.ts'
import { EventDeduper, eventKey } from './eventDeduper.ts'

const at = (time: string, phase: string, message: string, extra: Partial<DeploymentEvent> = {}) =>
  ({ time, phase, level: 'info', message, dependsOn: [], ...extra }) as DeploymentEvent

/** Replays the way the server does: every connection sends the buffer from the start (or its capped tail). */
function receive(d: EventDeduper, connections: DeploymentEvent[][]): DeploymentEvent[] {
  const out: DeploymentEvent[] = []
  for (const frames of connections) {
    d.newConnection()
    for (const f of frames) if (d.accept(f)) out.push(f)
  }
  return out
}

describe('EventDeduper', () => {
  const all = Array.from({ length: 10 }, (_, i) => ev(i))

  it('keeps every event of a first connection', () => {
    expect(receive(new EventDeduper(), [all])).toEqual(all)
  })

  it('adds nothing for a full replay of what it already has', () => {
    const d = new EventDeduper()
    receive(d, [all])
    expect(receive(d, [all])).toEqual([])
    expect(receive(d, [all])).toEqual([])
  })

  it('drops the replay after a reconnect and keeps what is new', () => {
    const got = receive(new EventDeduper(), [all.slice(0, 4), all.slice(0, 7), all])
    expect(got).toEqual(all)
  })

  it('a new connection after a drop adds only the new tail', () => {
    const d = new EventDeduper()
    receive(d, [all.slice(0, 6)])
    expect(receive(d, [all])).toEqual(all.slice(6))
  })

  it('handles a capped replay that no longer starts at the beginning', () => {
    const got = receive(new EventDeduper(), [all.slice(0, 6), all.slice(3, 10)])
    expect(got).toEqual(all)
  })

  it('keeps genuinely repeated identical events', () => {
    const same = [ev(1, 'waiting'), ev(1, 'waiting'), ev(2)]
    const got = receive(new EventDeduper(), [same.slice(0, 1), same, same])
    expect(got).toEqual(same)
  })

  it('counts occurrences: a replay with one more identical line keeps exactly one more', () => {
    const line = at('2026-05-01T10:00:02Z', 'tofu', 'Still creating... [10s elapsed]')
    const first = at('2026-05-01T10:00:01Z', 'tofu', 'Initializing the backend...')
    const got = receive(new EventDeduper(), [
      [first, line],
      [first, line, line],
    ])
    expect(got).toEqual([first, line, line])
  })

  it('without a new connection a repeated event is new (live duplicates are real)', () => {
    const line = at('2026-05-01T10:00:01Z', 'tofu', 'Initializing the backend...')
    expect(receive(new EventDeduper(), [[line, line]])).toHaveLength(2)
  })

  it('remembers every event, not only what a screen still shows', () => {
    // The overview keeps the last 500 for display; a replay of 550 must still add nothing.
    const many = Array.from({ length: 550 }, (_, i) =>
      at(new Date(Date.UTC(2026, 4, 1, 10, 0, i)).toISOString(), 'tofu', `line ${i}`),
    )
    const d = new EventDeduper()
    expect(receive(d, [many])).toHaveLength(550)
    expect(receive(d, [many])).toHaveLength(0)
  })

  it('tells events apart by every field that carries meaning', () => {
    const base = at('2026-05-01T10:05:00Z', 'component', 'Helm install', { component: 'cilium' })
    const keys = new Set(
      [
        base,
        { ...base, time: '2026-05-01T10:05:01Z' },
        { ...base, phase: 'tofu' },
        { ...base, level: 'error' },
        { ...base, component: 'nbg1-1:cilium' },
        { ...base, state: 'installing' },
        { ...base, message: 'Helm install succeeded' },
      ].map(eventKey),
    )
    expect(keys.size).toBe(7)
    expect(eventKey({ ...base, dependsOn: ['x'] })).toBe(eventKey(base))
  })
})
