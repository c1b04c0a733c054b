import { describe, expect, it } from 'vitest'
import { SURFACES, surfaceAvailable, type Surface } from './surfaces.ts'

describe('mode-specific surfaces', () => {
  it.each<[Surface, boolean, boolean]>([
    ['fleet', true, false],
    ['deploymentsList', true, false],
    ['newDeployment', true, false],
    ['handover', true, false],
    ['malformedDeploymentId', true, false],
    ['componentMonitoringUnavailable', true, false],
    ['deploymentPicker', true, false],
    ['modeBadge', true, true],
    ['deploymentStrip', true, true],
  ])('%s: mothership %s, sovereign %s', (surface, mothership, sovereign) => {
    expect(surfaceAvailable(surface, 'mothership')).toBe(mothership)
    expect(surfaceAvailable(surface, 'sovereign')).toBe(sovereign)
  })

  it('declares every surface for at least one mode', () => {
    for (const modes of Object.values(SURFACES)) expect(modes.length).toBeGreaterThan(0)
  })
})
