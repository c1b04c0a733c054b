import { describe, expect, it } from 'vitest'
import type { DeploymentEvent } from '../../../contracts/deployments.ts'
import { EventDeduper, eventJob, eventLine } from './eventLog.ts'

const ev = (i: number, message = `event ${i}`): DeploymentEvent => ({
  time: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`,
  phase: 'component',
  level: 'info',
  message,
  component: 'cilium',
  dependsOn: [],
})

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

  it('drops the replay after a reconnect and keeps what is new', () => {
    const got = receive(new EventDeduper(), [all.slice(0, 4), all.slice(0, 7), all])
    expect(got).toEqual(all)
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
})

describe('event → line', () => {
  it.each([
    [{ phase: 'component', component: 'nbg1-1:cilium' }, 'install-nbg1-1:cilium'],
    [{ phase: 'tofu-apply' }, 'tofu-apply'],
    [{ phase: 'flux-bootstrap' }, 'cluster-bootstrap'],
    [{ phase: 'dns' }, 'dns'],
    [{ phase: '' }, 'deployment'],
  ])('%o belongs to %s', (e, job) => {
    expect(eventJob(e)).toBe(job)
  })

  it('prefixes the job and maps the level', () => {
    expect(eventLine({ ...ev(3, 'Helm install failed'), level: 'error', state: 'failed' }, 9)).toEqual({
      lineNumber: 9,
      timestamp: '2026-01-01T00:00:03Z',
      level: 'ERROR',
      message: '[install-cilium] failed: Helm install failed',
    })
  })
})
