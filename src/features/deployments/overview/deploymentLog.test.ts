import { describe, expect, it } from 'vitest'
import { DeploymentState, type DeploymentEvent } from '../../../contracts/deployments.ts'
import {
  MAX_KEPT_EVENTS,
  applyDeploymentEvent,
  applyDeploymentEvents,
  componentRegion,
  componentTallies,
  emptyLog,
} from './deploymentLog.ts'
import { derivePhaseTimeline } from './phaseTimeline.ts'

const ev = (time: string, phase: string, message: string, extra: Partial<DeploymentEvent> = {}) =>
  ({ time, phase, level: 'info', message, dependsOn: [], ...extra }) as DeploymentEvent

const buffer: DeploymentEvent[] = [
  ev('2026-05-01T10:00:00Z', 'tofu-init', 'Initialising OpenTofu working directory'),
  ev('2026-05-01T10:00:01Z', 'tofu', 'Initializing the backend...'),
  // Two genuinely identical lines (same second, same text) must both be kept.
  ev('2026-05-01T10:00:02Z', 'tofu', 'Still creating... [10s elapsed]'),
  ev('2026-05-01T10:00:02Z', 'tofu', 'Still creating... [10s elapsed]'),
  ev('2026-05-01T10:05:00Z', 'component', 'Helm install in progress', {
    component: 'cilium',
    state: 'installing',
  }),
  ev('2026-05-01T10:06:00Z', 'component', 'Helm install succeeded', {
    component: 'cilium',
    state: 'installed',
  }),
  ev('2026-05-01T10:06:30Z', 'component', 'install failed', {
    component: 'nbg1-1:loki',
    state: 'failed',
    level: 'error',
  }),
]

// De-duplication across replays is the deployment stream's (`entities/deployment/eventDeduper.test.ts`,
// `deploymentEventStream.test.ts`); the reducer is given new events only.
describe('applyDeploymentEvents', () => {
  it('appends every event it is given, identical ones included, in arrival order', () => {
    const s = applyDeploymentEvents(emptyLog, buffer)
    expect(s.events).toHaveLength(7)
    expect(s.total).toBe(7)
    expect(s.events.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 6])
    const more = applyDeploymentEvent(s, buffer[2]!)
    expect(more.events.at(-1)).toMatchObject({ seq: 7, message: 'Still creating... [10s elapsed]' })
  })

  it('tracks component states and phases', () => {
    const s = applyDeploymentEvents(emptyLog, buffer)
    expect(s.components).toEqual({ cilium: 'installed', 'nbg1-1:loki': 'failed' })
    expect(s.phases['tofu']).toMatchObject({ count: 3, errors: 0 })
    expect(s.phases['component']).toMatchObject({ count: 3, errors: 1, last: '2026-05-01T10:06:30Z' })
  })

  it('keeps only the most recent events for display but counts all', () => {
    const many = Array.from({ length: MAX_KEPT_EVENTS + 50 }, (_, i) =>
      ev(new Date(Date.UTC(2026, 4, 1, 10, 0, i)).toISOString(), 'tofu', `line ${i}`),
    )
    const s = applyDeploymentEvents(emptyLog, many)
    expect(s.events).toHaveLength(MAX_KEPT_EVENTS)
    expect(s.events[0]!.message).toBe('line 50')
    expect(s.total).toBe(MAX_KEPT_EVENTS + 50)
  })

  it('returns the same state for an empty batch', () => {
    expect(applyDeploymentEvents(emptyLog, [])).toBe(emptyLog)
  })
})

describe('component regions', () => {
  it('splits on the first colon; bare charts are the primary', () => {
    expect(componentRegion('cilium', 'fsn1')).toBe('fsn1')
    expect(componentRegion('nbg1-1:cilium', 'fsn1')).toBe('nbg1-1')
    expect(componentRegion('me-east-215-b-1:x', 'a')).toBe('me-east-215-b-1')
  })
  it('tallies per region', () => {
    const t = componentTallies({ a: 'installed', b: 'installing', 'nbg1-1:a': 'failed' }, 'fsn1')
    expect(t.get('fsn1')).toEqual({ seen: 2, installed: 1, failed: 0 })
    expect(t.get('nbg1-1')).toEqual({ seen: 1, installed: 0, failed: 1 })
  })
})

describe('derivePhaseTimeline', () => {
  const state = (over: Record<string, unknown>) =>
    DeploymentState.parse({
      id: 'c1d2e3f4a5b6c7d8',
      status: 'provisioning',
      startedAt: '2026-05-01T10:00:00Z',
      sovereignFQDN: 'live.omani.works',
      region: 'fsn1',
      ...over,
    })

  it('marks reached Phase 0 steps while provisioning', () => {
    const log = applyDeploymentEvents(emptyLog, [
      ev('2026-05-01T10:00:00Z', 'tofu-init', 'init'),
      ev('2026-05-01T10:01:00Z', 'tofu-plan', 'plan'),
      ev('2026-05-01T10:02:00Z', 'tofu-apply', 'apply'),
    ])
    const t = derivePhaseTimeline(state({}), log)
    expect(t.phase0.map((s) => s.status)).toEqual([
      'done',
      'done',
      'running',
      'pending',
      'pending',
      'pending',
    ])
    expect(t.cutover.status).toBe('pending')
    expect(t.handover.status).toBe('pending')
  })

  it('fails the step that was running when the record says failed', () => {
    const log = applyDeploymentEvents(emptyLog, [
      ev('2026-05-01T10:00:00Z', 'tofu-init', 'init'),
      ev('2026-05-01T10:02:00Z', 'tofu-apply', 'apply'),
      ev('2026-05-01T10:09:00Z', 'tofu-apply', 'quota', { level: 'error' }),
    ])
    const t = derivePhaseTimeline(state({ status: 'failed' }), log)
    expect(t.phase0[2]).toMatchObject({ id: 'tofu-apply', status: 'failed', detail: '1 error' })
    expect(t.phase0[3]!.status).toBe('pending')
  })

  it('never fails anything from the log alone (a dropped stream is not a failure)', () => {
    const log = applyDeploymentEvents(emptyLog, [ev('2026-05-01T10:02:00Z', 'tofu-apply', 'apply')])
    const t = derivePhaseTimeline(state({ status: 'provisioning' }), log)
    expect(t.phase0.some((s) => s.status === 'failed')).toBe(false)
  })

  it('shows per-region install progress, merging the record with live component states', () => {
    const log = applyDeploymentEvents(emptyLog, [
      ev('2026-05-01T10:20:00Z', 'component', 'ok', { component: 'cilium', state: 'installed' }),
      ev('2026-05-01T10:21:00Z', 'component', 'ok', { component: 'cert-manager', state: 'installed' }),
      ev('2026-05-01T10:22:00Z', 'component', 'no', { component: 'sin-2:loki', state: 'failed' }),
    ])
    const t = derivePhaseTimeline(
      state({
        status: 'phase1-watching',
        materializedRegions: ['fsn1', 'nbg1-1'],
        regions: [
          { region: 'fsn1', primary: true, hrReady: 1, hrTotal: 45, degraded: false },
          { region: 'nbg1-1', primary: false, hrReady: 44, hrTotal: 44, degraded: false },
          { region: 'sin-2', primary: false, hrReady: 0, hrTotal: 0, degraded: false },
        ],
      }),
      log,
    )
    expect(t.phase0.every((s) => s.status === 'done')).toBe(true)
    expect(t.regions).toMatchObject([
      { key: 'fsn1', ready: 2, total: 45, status: 'running', degraded: false },
      { key: 'nbg1-1', ready: 44, total: 44, status: 'done' },
      { key: 'sin-2', ready: 0, total: 1, status: 'degraded', degraded: true },
    ])
  })

  it('reaches cutover and handover', () => {
    const log = applyDeploymentEvents(emptyLog, [
      ev('2026-05-01T10:40:00Z', 'cutover', 'Mirror…'),
      ev('2026-05-01T10:41:00Z', 'cutover', 'Replicate…'),
    ])
    const ready = derivePhaseTimeline(state({ status: 'ready' }), log)
    expect(ready.cutover).toMatchObject({ status: 'running', detail: '2 steps started' })
    expect(ready.handover.status).toBe('running')
    const handed = derivePhaseTimeline(
      state({ status: 'ready', handoverFiredAt: '2026-05-01T10:50:00Z' }),
      applyDeploymentEvent(log, ev('2026-05-01T10:50:00Z', 'handover-ready', 'ready')),
    )
    expect(handed.cutover.status).toBe('done')
    expect(handed.handover).toMatchObject({ status: 'done', detail: 'Ready to hand over' })
  })
})
