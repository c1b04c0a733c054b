import { describe, expect, it } from 'vitest'
import { numberedEvent as ev } from '../../../testing/fakeDeploymentStream.ts'
import { eventJob, eventLine } from './eventLog.ts'

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
