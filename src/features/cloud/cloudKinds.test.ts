import { describe, expect, it } from 'vitest'
import { ALL_KINDS, formatHidden, parseHidden, resolveKind } from './cloudKinds.ts'

describe('kind aliases', () => {
  it.each([
    ['loadbalancers', 'load-balancers'],
    ['load-balancers', 'load-balancers'],
    ['LoadBalancers', 'load-balancers'],
    ['load_balancers', 'load-balancers'],
    ['lb', 'load-balancers'],
    ['pvc', 'pvcs'],
    ['pvcs', 'pvcs'],
    ['PersistentVolumeClaims', 'pvcs'],
    ['volumes', 'volumes'],
    ['pv', 'volumes'],
    ['nodepools', 'node-pools'],
    ['pools', 'node-pools'],
    ['workers', 'nodes'],
    ['worker-nodes', 'nodes'],
    ['vclusters', 'vclusters'],
    ['vCluster', 'vclusters'],
    ['network', 'networks'],
    ['vpcs', 'networks'],
    ['bucket', 'buckets'],
    ['cluster', 'clusters'],
    ['region', 'regions'],
    ['dnszones', 'dns-zones'],
    ['dns', 'dns-zones'],
    ['DNS_Zones', 'dns-zones'],
    ['svc', 'services'],
    ['service', 'services'],
    ['httproutes', 'ingresses'],
    ['ingress', 'ingresses'],
    ['ing', 'ingresses'],
    ['storageclasses', 'storage-classes'],
    ['sc', 'storage-classes'],
    ['StorageClass', 'storage-classes'],
  ])('%s → %s', (raw, kind) => {
    expect(resolveKind(raw).kind).toBe(kind)
  })

  it('marks canonical kinds as such, so the URL is left alone', () => {
    for (const k of ALL_KINDS) expect(resolveKind(k)).toEqual({ status: 'canonical', kind: k })
  })

  it('every alias lands on a canonical kind that resolves to itself (no second hop, no loop)', () => {
    for (const raw of ['dnszones', 'httproutes', 'sc', 'svc', 'lb', 'pv', 'workers', 'storage']) {
      const r = resolveKind(raw)
      expect(r.status, raw).toBe('alias')
      expect(resolveKind(r.kind)).toEqual({ status: 'canonical', kind: r.kind })
    }
  })

  it('resolves an alias to a canonical kind that is a fixed point (no second hop, no loop)', () => {
    const r = resolveKind('loadbalancers')
    expect(r).toEqual({ status: 'alias', kind: 'load-balancers', raw: 'loadbalancers' })
    expect(resolveKind(r.kind).status).toBe('canonical')
  })

  it('falls back to clusters for unknown kinds and for none', () => {
    expect(resolveKind('pods')).toEqual({ status: 'unknown', kind: 'clusters', raw: 'pods' })
    expect(resolveKind('certificates').status).toBe('unknown')
    expect(resolveKind(undefined)).toEqual({ status: 'none', kind: 'clusters' })
    expect(resolveKind('  ')).toEqual({ status: 'none', kind: 'clusters' })
  })
})

describe('hidden node types in the URL', () => {
  it('round-trips in a stable order and drops unknown names', () => {
    const hidden = parseHidden('volume,PVC,bogus')
    expect([...hidden]).toEqual(['Volume', 'PVC'])
    expect(formatHidden(hidden)).toBe('PVC,Volume')
    expect(formatHidden(new Set())).toBeUndefined()
    expect(parseHidden(undefined).size).toBe(0)
  })
})

describe('list sort in the URL', () => {
  it('parses and cycles', async () => {
    const { cloudSort, nextCloudSort } = await import('../../entities/topology/cloudSort.ts')
    expect(cloudSort({})).toBeUndefined()
    expect(cloudSort({ sort: 'name' })).toEqual({ id: 'name', desc: false })
    expect(cloudSort({ sort: 'region', dir: 'desc' })).toEqual({ id: 'region', desc: true })
    // A bookmark from before `dir`: the `-` prefix still means descending.
    expect(cloudSort({ sort: '-region' })).toEqual({ id: 'region', desc: true })
    expect(nextCloudSort({}, 'name')).toEqual({ sort: 'name', dir: 'asc' })
    expect(nextCloudSort({ sort: 'name', dir: 'asc' }, 'name')).toEqual({ sort: 'name', dir: 'desc' })
    expect(nextCloudSort({ sort: 'name', dir: 'desc' }, 'name')).toEqual({ sort: 'name', dir: 'asc' })
    expect(nextCloudSort({ sort: '-name' }, 'name')).toEqual({ sort: 'name', dir: 'asc' })
    expect(nextCloudSort({ sort: 'name', dir: 'desc' }, 'region')).toEqual({ sort: 'region', dir: 'asc' })
  })
})
