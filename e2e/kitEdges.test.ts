import { describe, expect, it } from 'vitest'
import { expectedInstallEdges, regionOfInstallJob, type KitChart, type KitRegion } from './kitEdges.ts'

const CHARTS: KitChart[] = [
  { chart: 'cilium', dependsOn: [], primaryOnly: false },
  { chart: 'flux', dependsOn: ['cilium'], primaryOnly: false },
  { chart: 'flow-server', dependsOn: ['flux'], primaryOnly: true },
  { chart: 'grafana', dependsOn: ['flux', 'flow-server'], primaryOnly: false },
  { chart: 'hcloud-ccm', dependsOn: [], primaryOnly: false, providerOnly: 'hetzner' },
]
const REGIONS: KitRegion[] = [
  { key: 'fsn1', primary: true },
  { key: 'nbg1-1', primary: false },
]

describe('the fixture-derived edge oracle', () => {
  it('names jobs per region and keeps every edge inside its region', () => {
    const edges = expectedInstallEdges(CHARTS, REGIONS, 'huawei')
    expect(Object.fromEntries(edges)).toEqual({
      'install-cilium': [],
      'install-flux': ['install-cilium'],
      'install-flow-server': ['install-flux'],
      'install-grafana': ['install-flow-server', 'install-flux'],
      'install-nbg1-1:cilium': [],
      'install-nbg1-1:flux': ['install-nbg1-1:cilium'],
      // The primary-only chart is not in the secondary, so that dependency is no edge there.
      'install-nbg1-1:grafana': ['install-nbg1-1:flux'],
    })
  })

  it('installs provider-only charts on that provider alone', () => {
    const edges = expectedInstallEdges(CHARTS, REGIONS, 'hetzner')
    expect(edges.has('install-hcloud-ccm')).toBe(true)
    expect(edges.has('install-nbg1-1:hcloud-ccm')).toBe(true)
  })

  it('reads the region back from a job name', () => {
    expect(regionOfInstallJob('install-grafana', REGIONS)).toBe('fsn1')
    expect(regionOfInstallJob('install-nbg1-1:grafana', REGIONS)).toBe('nbg1-1')
    expect(regionOfInstallJob('install-sin-9:grafana', REGIONS)).toBeUndefined()
    expect(regionOfInstallJob('tofu-plan', REGIONS)).toBeUndefined()
  })
})
