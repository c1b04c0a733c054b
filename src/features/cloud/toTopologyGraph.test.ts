import { describe, expect, it } from 'vitest'
import { Infrastructure, type InfrastructureWire } from '../../contracts/topology.ts'
import { toTopologyGraph } from './toTopologyGraph.ts'

/** A converged 3-region Sovereign as the backend sends it (Go's `skuCP`, CSV `ports` on one LB). */
function threeRegions(): InfrastructureWire {
  const keys = ['fsn1', 'nbg1-1', 'hel1-2']
  const dep = 'a43364f11c10cde3'
  return {
    cloud: [{ id: 'cloud-hetzner', provider: 'hetzner', name: 'Hetzner Cloud', status: 'healthy' }],
    topology: {
      pattern: 'multi-region',
      regions: keys.map((k, i) => ({
        id: `region-${k}`,
        name: k,
        provider: 'hetzner',
        providerRegion: k.replace(/-\d+$/, ''),
        skuCP: 'cpx42',
        skuWorker: 'cpx32',
        workerCount: 2,
        status: 'healthy',
        clusters: [
          {
            id: `cluster-${dep}-${k}`,
            name: i === 0 ? 't126-mesh' : `t126-${k.slice(0, 3)}`,
            version: 'v1.31.4+k3s1',
            status: 'healthy',
            nodeCount: 3,
            vclusters: [
              {
                id: `vc-dmz-${k}`,
                name: `dmz-${k}`,
                namespace: `vcluster-dmz-${k}`,
                role: 'dmz',
                status: 'healthy',
              },
              i === 0
                ? { id: 'vc-mgmt', name: 'mgmt', namespace: 'vcluster-mgmt', role: 'mgmt', status: 'healthy' }
                : {
                    id: `vc-rtz-${k}`,
                    name: `rtz-${k}`,
                    namespace: `vcluster-rtz-${k}`,
                    role: 'rtz',
                    status: 'healthy',
                  },
            ],
            loadBalancers: [
              i === 1
                ? {
                    id: `lb-${k}`,
                    name: `ingress-${k}`,
                    publicIP: `49.0.0.${i}`,
                    ports: '80,443,6443',
                    region: k,
                    status: 'healthy',
                    targets: [],
                  }
                : {
                    id: `lb-${k}`,
                    name: `ingress-${k}`,
                    publicIP: `49.0.0.${i}`,
                    listeners: [{ port: 443, protocol: 'https' }],
                    targets: [
                      { id: `node-${k}-w1`, ip: '10.0.0.10', status: 'healthy' },
                      { id: `node-${k}-w2`, ip: '10.0.0.11', status: 'failed' },
                    ],
                    region: k,
                    status: 'healthy',
                  },
            ],
            nodePools: [
              {
                id: `pool-cp-${k}`,
                name: `control-plane-${k}`,
                role: 'control-plane',
                sku: 'cpx42',
                region: k,
                desiredSize: 1,
                currentSize: 1,
                status: 'healthy',
              },
              {
                id: `pool-worker-${k}`,
                name: `workers-${k}`,
                role: 'worker',
                sku: 'cpx32',
                region: k,
                desiredSize: 2,
                currentSize: 2,
                status: 'healthy',
              },
            ],
            nodes: [
              {
                id: `node-${k}-cp`,
                name: `control-plane-${k}`,
                region: k,
                role: 'control-plane',
                status: 'healthy',
                nodePoolID: `pool-cp-${k}`,
              },
              {
                id: `node-${k}-w1`,
                name: `worker-1-${k}`,
                region: k,
                role: 'worker',
                status: 'healthy',
                nodePoolID: `pool-worker-${k}`,
              },
              {
                id: `node-${k}-w2`,
                name: `worker-2-${k}`,
                region: k,
                role: 'worker',
                status: 'healthy',
                nodePoolID: `pool-worker-${k}`,
              },
            ],
          },
        ],
        networks: [
          {
            id: `net-${k}`,
            name: `vpc-${k}`,
            cidr: `10.${i}.0.0/16`,
            region: k,
            // Go: one PeeringClaim per pair, listed on both VPCs, `vpcPair` naming both.
            peerings: keys
              .filter((o) => o !== k)
              .map((o) => {
                const [a, b] = [k, o].sort()
                return { id: `peer-${a}-${b}`, name: `peering-${a}-${b}`, vpcPair: `vpc-${a}/vpc-${b}` }
              }),
            status: 'healthy',
          },
        ],
      })),
    },
    storage: {
      // Go shapes: a claim has no region and its id is its UID; its volume is named `pvc-<UID>`.
      pvcs: keys.map((k) => ({
        id: `uid-${k}`,
        name: 'data-harbor-0',
        namespace: 'harbor',
        capacity: '100Gi',
        used: '12Gi',
        storageClass: 'hcloud-volumes',
        status: 'Bound',
      })),
      volumes: keys.map((k) => ({
        id: `vol-${k}`,
        name: `pvc-uid-${k}`,
        capacity: '100Gi',
        region: k,
        attachedTo: `worker-1-${k}`,
        status: 'healthy',
      })),
      buckets: [
        {
          id: 'bucket-1',
          name: 'catalyst-t126',
          endpoint: 'https://fsn1.your-objectstorage.com',
          capacity: '1Ti',
          used: '12Gi',
          retentionDays: '30',
        },
      ],
    },
  }
}

describe('toTopologyGraph', () => {
  const g = toTopologyGraph(Infrastructure.parse(threeRegions()))

  it('counts every kind: all 3 regions, 3 clusters, 3 LBs, 6 vClusters (regressions 42–45)', () => {
    expect(g.counts).toMatchObject({
      Cloud: 1,
      Region: 3,
      Cluster: 3,
      vCluster: 6,
      LoadBalancer: 3,
      NodePool: 6,
      Node: 9,
      Network: 3,
      PVC: 3,
      Volume: 3,
      Bucket: 1,
    })
    expect(g.created).toBe(true)
    expect(g.diagnostics).toEqual([])
  })

  it('nests resources: cloud → region → cluster → pool → node; networks and volumes in the region', () => {
    const parentOf = (type: string, name: string) => {
      const n = g.nodes.find((x) => x.type === type && x.name === name)!
      return g.byId.get(n.parent!)!
    }
    expect(parentOf('Region', 'hel1-2').type).toBe('Cloud')
    expect(parentOf('Cluster', 't126-mesh').name).toBe('fsn1')
    expect(parentOf('vCluster', 'mgmt').name).toBe('t126-mesh')
    expect(parentOf('Node', 'worker-1-fsn1').name).toBe('workers-fsn1')
    expect(parentOf('LoadBalancer', 'ingress-hel1-2').type).toBe('Cluster')
    expect(parentOf('Network', 'vpc-nbg1-1').name).toBe('nbg1-1')
    expect(parentOf('Volume', 'pvc-uid-fsn1').name).toBe('fsn1')
    expect(parentOf('Bucket', 'catalyst-t126').type).toBe('Cloud')
    // The same PVC name in three regions: three nodes, each in its volume's region's cluster.
    const pvcs = g.nodes.filter((n) => n.type === 'PVC')
    expect(pvcs.map((p) => g.byId.get(p.parent!)!.region)).toEqual(['fsn1', 'nbg1-1', 'hel1-2'])
    expect(pvcs.map((p) => p.region)).toEqual(['fsn1', 'nbg1-1', 'hel1-2'])
  })

  it('reads the Go storage items: quantity strings, the claim phase as status, a bucket with its project', () => {
    const pvc = g.nodes.find((n) => n.type === 'PVC')!
    expect(pvc.status).toBe('healthy') // `Bound`
    expect(pvc.fields).toEqual([
      ['Namespace', 'harbor'],
      ['Capacity', '100Gi'],
      ['Used', '12Gi'],
      ['Storage class', 'hcloud-volumes'],
    ])
    const bucket = g.nodes.find((n) => n.type === 'Bucket')!
    expect(bucket.status).toBe('healthy')
    expect(bucket.fields).toContainEqual(['Retention', '30 days'])
    // A claim whose volume is unknown lives in the primary cluster (Go lists the primary's claims).
    const wire = threeRegions()
    wire.storage!.pvcs!.push({ id: 'orphan', name: 'data-x-0', status: 'Pending' })
    const orphan = toTopologyGraph(Infrastructure.parse(wire)).nodes.find((n) => n.name === 'data-x-0')!
    expect(orphan.region).toBe('fsn1')
    expect(orphan.status).toBe('unknown')
  })

  it('links relations: LB → targets, volume → node, PVC → volume, one edge per peering pair', () => {
    const kinds = (k: string) => g.edges.filter((e) => e.kind === k)
    expect(kinds('routes-to')).toHaveLength(4)
    expect(kinds('attached-to')).toHaveLength(3)
    expect(kinds('bound-to')).toHaveLength(3)
    expect(kinds('peers-with')).toHaveLength(3)
  })

  it('reads skuCP, CSV ports and target health', () => {
    const region = g.nodes.find((n) => n.type === 'Region')!
    expect(region.fields).toContainEqual(['Control-plane SKU', 'cpx42'])
    const csv = g.nodes.find((n) => n.type === 'LoadBalancer' && n.name === 'ingress-nbg1-1')!
    expect(csv.fields).toContainEqual(['Listeners', '80/tcp, 443/tcp, 6443/tcp'])
    const lb = g.nodes.find((n) => n.type === 'LoadBalancer' && n.name === 'ingress-fsn1')!
    expect(lb.type === 'LoadBalancer' && lb.targetHealth).toBe('1/2 healthy')
  })

  it('reports dangling references and duplicate ids instead of dropping them silently', () => {
    const wire = threeRegions()
    const c = wire.topology!.regions![0]!.clusters![0]!
    c.loadBalancers![0]!.targets!.push({ id: 'node-ghost', ip: '', status: 'unknown' })
    c.vclusters!.push({ ...c.vclusters![0]! })
    const bad = toTopologyGraph(Infrastructure.parse(wire))
    expect(bad.diagnostics).toEqual(
      expect.arrayContaining([
        expect.stringContaining('missing node node-ghost'),
        expect.stringContaining('Duplicate vCluster id'),
      ]),
    )
    expect(bad.counts.vCluster).toBe(7)
    expect(new Set(bad.nodes.map((n) => n.id)).size).toBe(bad.nodes.length)
  })

  it('shows declared regions before tofu created anything, and synthesises a cloud', () => {
    const early = toTopologyGraph(
      Infrastructure.parse({
        topology: {
          pattern: 'multi-region',
          regions: [{ id: 'region-hel1', name: 'hel1', provider: 'hetzner' }],
        },
        storage: null,
      }),
    )
    expect(early.created).toBe(false)
    expect(early.counts.Region).toBe(1)
    expect(early.counts.Cloud).toBe(1)
    expect(early.nodes.find((n) => n.type === 'Cloud')!.name).toBe('hetzner')
  })
})
