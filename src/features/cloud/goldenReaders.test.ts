/**
 * Conformance, third leg (cloud): the topology reader and the list columns on the golden topology — the Go
 * item shapes (quantity strings, claim phases, `vpcPair`, buckets without region or status).
 */
import { describe, expect, it } from 'vitest'
import { TOPOLOGY_DECLARED, TOPOLOGY_READY } from '../../contracts/golden/infrastructure.golden.ts'
import { Infrastructure } from '../../contracts/topology.ts'
import { COLUMNS } from './cloudColumns.ts'
import { toTopologyGraph } from './toTopologyGraph.ts'
import { nodeSubtitle } from './topologyText.ts'

const g = toTopologyGraph(Infrastructure.parse(TOPOLOGY_READY))
const one = (type: string) => g.nodes.find((n) => n.type === type)!
const cells = (kind: keyof typeof COLUMNS, type: string) =>
  Object.fromEntries(COLUMNS[kind].map((c) => [c.header, (c.display ?? c.value)(one(type))]))

describe('the cloud views read the golden topology', () => {
  it('counts every kind, with no dangling reference', () => {
    expect(g.counts).toMatchObject({
      Region: 2,
      Cluster: 2,
      LoadBalancer: 2,
      Node: 3,
      Network: 2,
      PVC: 1,
      Volume: 1,
      Bucket: 1,
    })
    expect(g.diagnostics).toEqual([])
    expect(toTopologyGraph(Infrastructure.parse(TOPOLOGY_DECLARED)).created).toBe(false)
  })

  it('places the region-less claim where its volume is and binds them', () => {
    const pvc = one('PVC')
    expect(pvc.region).toBe('fsn1')
    expect(g.byId.get(pvc.parent!)!.type).toBe('Cluster')
    expect(g.edges.filter((e) => e.kind === 'bound-to')).toHaveLength(1)
    expect(g.edges.filter((e) => e.kind === 'attached-to')).toHaveLength(1)
  })

  it('shows quantities as sent and sorts them by size', () => {
    expect(cells('pvcs', 'PVC')).toMatchObject({
      Capacity: '50Gi',
      Used: '14674Mi',
      'Storage class': 'hcloud-volumes',
      Status: 'healthy',
    })
    expect(COLUMNS.pvcs.find((c) => c.id === 'capacity')!.value(one('PVC'))).toBe(50 * 2 ** 30)
    expect(cells('volumes', 'Volume')).toMatchObject({ Capacity: '50Gi', 'Attached to': 'worker-1-fsn1' })
    expect(cells('buckets', 'Bucket')).toMatchObject({
      Endpoint: 'https://fsn1.your-objectstorage.com',
      Capacity: '1Ti',
      Used: '7Gi',
      Retention: '30 days',
      Status: 'healthy',
    })
    expect(nodeSubtitle(one('Bucket'))).toBe('fsn1.your-objectstorage.com')
    expect(nodeSubtitle(one('PVC'))).toBe('50Gi · 14674Mi used')
  })

  it('draws one edge per peering from its vpcPair and counts the firewall rules', () => {
    expect(cells('networks', 'Network')).toMatchObject({ Peerings: 1, 'Firewall rules': 2 })
    expect(g.edges.filter((e) => e.kind === 'peers-with')).toHaveLength(1)
  })
})
