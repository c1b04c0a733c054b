import { describe, expect, it } from 'vitest'
import { ApiError } from '../../lib/http.ts'
import { componentMonitoringUnavailable } from './componentMonitoring.ts'

const err = (status: number) => new ApiError('x', 'http', status, undefined, undefined, '/x')

describe('componentMonitoringUnavailable (regression 49)', () => {
  it('applies in Phase 1 when components/state is refused or has no watcher', () => {
    expect(componentMonitoringUnavailable('phase1-watching', undefined, err(404))).toBe(true)
    expect(componentMonitoringUnavailable('phase1-watching', undefined, err(503))).toBe(true)
    expect(componentMonitoringUnavailable('phase1-watching', { watching: false }, undefined)).toBe(true)
  })

  it('not while watched, not on a lapsed session, not outside Phase 1', () => {
    expect(componentMonitoringUnavailable('phase1-watching', { watching: true }, undefined)).toBe(false)
    expect(componentMonitoringUnavailable('phase1-watching', undefined, undefined)).toBe(false)
    expect(componentMonitoringUnavailable('phase1-watching', undefined, err(401))).toBe(false)
    for (const status of ['provisioning', 'ready', 'failed', 'adopted', undefined])
      expect(componentMonitoringUnavailable(status, { watching: false }, err(503))).toBe(false)
  })
})
