/**
 * Infrastructure topology (contract §3.9) → one graph model shared by the graph and the list views, so
 * both count the same things. Containment follows the tree:
 *
 *   Cloud ─ Region ─┬─ Cluster ─┬─ vCluster, LoadBalancer, PVC
 *                   │           └─ NodePool ─ Node
 *                   ├─ Network
 *                   └─ Volume                       Cloud ─ Bucket
 *
 * plus relations: LoadBalancer routes-to Node, Volume attached-to Node, PVC bound-to Volume, Network
 * peers-with Network. Dangling references and duplicate ids are reported as diagnostics, never dropped
 * silently.
 */
import type {
  Bucket,
  Cluster,
  ClusterNode,
  Infrastructure,
  LoadBalancer,
  Network,
  NodePool,
  Pvc,
  Region,
  TopologyStatusValue,
  VCluster,
  Volume,
} from '../../contracts/topology.ts'
import { volumeOfPvc } from '../../contracts/topology.ts'
import { NODE_TYPES, type NodeType } from './cloudKinds.ts'

type CloudEntry = Infrastructure['cloud'][number]

interface Base {
  /** Graph id: `<Type>:<resource id>` (unique across types). */
  id: string
  name: string
  status: TopologyStatusValue
  parent: string | undefined
  /** Region key (`fsn1`, `nbg1-1`) the resource lives in, '' when global. */
  region: string
  /** Readable facts for the details panel, in display order. */
  fields: [string, string][]
  /** Lower-cased text the search matches against. */
  search: string
}

export type TopoNode = Base &
  (
    | { type: 'Cloud'; data: CloudEntry }
    | { type: 'Region'; data: Region }
    | { type: 'Cluster'; data: Cluster }
    | { type: 'vCluster'; data: VCluster; cluster: string }
    | { type: 'LoadBalancer'; data: LoadBalancer; targetHealth: string }
    | { type: 'NodePool'; data: NodePool }
    | { type: 'Node'; data: ClusterNode; pool: string }
    | { type: 'Network'; data: Network }
    | { type: 'PVC'; data: Pvc }
    | { type: 'Volume'; data: Volume }
    | { type: 'Bucket'; data: Bucket }
  )

export type EdgeKind = 'routes-to' | 'attached-to' | 'bound-to' | 'peers-with'

export const EDGE_LABELS: Record<EdgeKind, string> = {
  'routes-to': 'routes to',
  'attached-to': 'attached to',
  'bound-to': 'bound to',
  'peers-with': 'peers with',
}

export interface TopoEdge {
  id: string
  source: string
  target: string
  kind: EdgeKind
}

export interface TopologyGraph {
  nodes: TopoNode[]
  byId: ReadonlyMap<string, TopoNode>
  edges: TopoEdge[]
  /** Nodes per type (every type present, zero when absent). */
  counts: Record<NodeType, number>
  diagnostics: string[]
  /** True when tofu has created anything at all (beyond the declared regions). */
  created: boolean
}

const gid = (type: NodeType, id: string) => `${type}:${id}`

/** The two VPC names of a peering's `vpcPair` (`vpc-a/vpc-b`; also `,`, `↔`, `<->` or spaces between). */
export function vpcPairEnds(pair: string): string[] {
  return pair
    .split(/\s*(?:\/|,|↔|<->|\s)\s*/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** `3/3 healthy` — the backend's summary when sent, else counted from the targets. */
export function targetHealthOf(lb: LoadBalancer): string {
  if (lb.targetHealth) return lb.targetHealth
  const healthy = lb.targets.filter((t) => t.status === 'healthy').length
  return `${healthy}/${lb.targets.length} healthy`
}

export function toTopologyGraph(infra: Infrastructure): TopologyGraph {
  const nodes: TopoNode[] = []
  const byId = new Map<string, TopoNode>()
  const edges: TopoEdge[] = []
  const diagnostics: string[] = []
  const add = <N extends TopoNode>(node: N): N => {
    let id = node.id
    if (byId.has(id)) {
      diagnostics.push(`Duplicate ${node.type} id “${node.id.slice(node.type.length + 1)}”`)
      let n = 2
      while (byId.has(`${node.id}#${n}`)) n++
      id = `${node.id}#${n}`
    }
    const final = { ...node, id }
    nodes.push(final)
    byId.set(id, final)
    return final
  }
  const text = (...parts: (string | number | undefined)[]) =>
    parts
      .filter((p) => p !== undefined && p !== '')
      .join(' ')
      .toLowerCase()

  // Clouds: as sent, else one per provider of the regions (contract: the client synthesises them).
  const regions = infra.topology.regions
  const clouds: CloudEntry[] = infra.cloud.length
    ? infra.cloud
    : [...new Set(regions.map((r) => r.provider || 'unknown'))].map((provider) => ({
        id: `cloud-${provider}`,
        provider,
        name: provider,
        status: 'unknown' as const,
      }))
  const cloudIds = clouds.map((c) =>
    add({
      id: gid('Cloud', c.id),
      type: 'Cloud',
      data: c,
      name: c.name || c.provider,
      status: c.status,
      parent: undefined,
      region: '',
      fields: [
        ['Provider', c.provider],
        ['Project', c.projectID ?? '—'],
      ],
      search: text('cloud', c.name, c.provider, c.id, c.projectID),
    }),
  )
  const cloudFor = (provider: string) =>
    cloudIds.find((c) => c.type === 'Cloud' && c.data.provider === provider)?.id ?? cloudIds[0]?.id

  const nodeByKey = new Map<string, string>() // node id / `<region>:<name>` → graph id
  const clusterOfRegion = new Map<string, string>()
  const regionByKey = new Map<string, string>()
  const networkByName = new Map<string, string>()
  let created = false

  for (const r of regions) {
    const key = r.name || r.id.replace(/^region-/, '')
    const region = add({
      id: gid('Region', r.id),
      type: 'Region',
      data: r,
      name: key,
      status: r.status,
      parent: cloudFor(r.provider),
      region: key,
      fields: [
        ['Provider', r.provider],
        ['Provider region', r.providerRegion],
        ['Control-plane SKU', r.skuCp || '—'],
        ['Worker SKU', r.skuWorker || '—'],
        ['Workers', String(r.workerCount)],
      ],
      search: text('region', key, r.id, r.provider, r.providerRegion, r.status),
    })
    regionByKey.set(key, region.id)
    regionByKey.set(r.id, region.id)
    if (r.providerRegion && !regionByKey.has(r.providerRegion)) regionByKey.set(r.providerRegion, region.id)

    for (const c of r.clusters) {
      created = true
      const cluster = add({
        id: gid('Cluster', c.id),
        type: 'Cluster',
        data: c,
        name: c.name,
        status: c.status,
        parent: region.id,
        region: key,
        fields: [
          ['Version', c.version || '—'],
          ['Nodes', String(c.nodeCount || c.nodes.length)],
          ['vClusters', String(c.vclusters.length)],
        ],
        search: text('cluster', c.name, c.id, key, c.version, c.status),
      })
      if (!clusterOfRegion.has(key)) clusterOfRegion.set(key, cluster.id)
      for (const v of c.vclusters)
        add({
          id: gid('vCluster', v.id),
          type: 'vCluster',
          data: v,
          cluster: c.name,
          name: v.name,
          status: v.status,
          parent: cluster.id,
          region: key,
          fields: [
            ['Role', v.role],
            ['Namespace', v.namespace || '—'],
            ['Cluster', c.name],
          ],
          search: text('vcluster', v.name, v.id, v.role, v.namespace, key, v.status),
        })
      for (const lb of c.loadBalancers) {
        const health = targetHealthOf(lb)
        add({
          id: gid('LoadBalancer', lb.id),
          type: 'LoadBalancer',
          data: lb,
          targetHealth: health,
          name: lb.name || lb.id,
          status: lb.status,
          parent: cluster.id,
          region: lb.region || key,
          fields: [
            ['Public IP', lb.publicIP || '—'],
            ['Listeners', lb.listeners.map((l) => `${l.port}/${l.protocol}`).join(', ') || '—'],
            ['Targets', health],
            ['Front door', lb.frontDoorKind ?? '—'],
          ],
          search: text('loadbalancer lb', lb.name, lb.id, lb.publicIP, lb.region || key, lb.status),
        })
      }
      const pools = new Map<string, string>()
      for (const p of c.nodePools) {
        const pool = add({
          id: gid('NodePool', `${c.id}/${p.id}`),
          type: 'NodePool',
          data: p,
          name: p.name || p.id,
          status: p.status,
          parent: cluster.id,
          region: p.region || key,
          fields: [
            ['Role', p.role],
            ['SKU', p.sku || '—'],
            ['Size', `${p.currentSize}/${p.desiredSize}`],
          ],
          search: text('nodepool pool', p.name, p.id, p.role, p.sku, p.region || key, p.status),
        })
        pools.set(p.id, pool.id)
      }
      for (const n of c.nodes) {
        const pool = n.nodePoolID ? pools.get(n.nodePoolID) : undefined
        if (n.nodePoolID && !pool)
          diagnostics.push(`Node ${n.name} names a missing node pool ${n.nodePoolID}`)
        const node = add({
          id: gid('Node', n.id),
          type: 'Node',
          data: n,
          pool: pool ? (byId.get(pool)?.name ?? '') : '',
          name: n.name,
          status: n.status,
          parent: pool ?? cluster.id,
          region: n.region || key,
          fields: [
            ['Role', n.role],
            ['SKU', n.sku || '—'],
            ['IP', n.ip || '—'],
            ['Node pool', pool ? (byId.get(pool)?.name ?? '') : '—'],
          ],
          search: text('node', n.name, n.id, n.role, n.sku, n.ip, n.region || key, n.status),
        })
        nodeByKey.set(n.id, node.id)
        nodeByKey.set(`${key}:${n.name}`, node.id)
        if (!nodeByKey.has(n.name)) nodeByKey.set(n.name, node.id)
      }
    }
    for (const net of r.networks) {
      created = true
      const network = add({
        id: gid('Network', net.id),
        type: 'Network',
        data: net,
        name: net.name || net.id,
        status: net.status,
        parent: region.id,
        region: net.region || key,
        fields: [
          ['CIDR', net.cidr || '—'],
          ['Peerings', String(net.peerings.length)],
          ['Firewall rules', String(net.firewall?.rules.length ?? 0)],
        ],
        search: text('network vpc', net.name, net.id, net.cidr, net.region || key, net.status),
      })
      networkByName.set(net.name, network.id)
      networkByName.set(net.id, network.id)
    }
  }

  // Load balancer targets, once every node exists.
  for (const n of nodes) {
    if (n.type !== 'LoadBalancer') continue
    for (const t of n.data.targets) {
      const target = nodeByKey.get(t.id)
      if (target) edges.push({ id: `${n.id}→${target}`, source: n.id, target, kind: 'routes-to' })
      else diagnostics.push(`Load balancer ${n.name} targets a missing node ${t.id}`)
    }
  }
  // Peerings, one edge per pair: `vpcPair` names both VPCs (`vpc-fsn1/vpc-nbg1-1`).
  const peered = new Set<string>()
  for (const n of [...nodes]) {
    if (n.type !== 'Network') continue
    for (const p of n.data.peerings) {
      const ends = vpcPairEnds(p.vpcPair)
        .map((name) => networkByName.get(name))
        .filter((id): id is string => !!id)
      const other = ends.find((id) => id !== n.id)
      if (!other || !ends.includes(n.id)) {
        if (!other)
          diagnostics.push(`Peering ${p.name || p.id} names no other known VPC (${p.vpcPair || '—'})`)
        continue
      }
      const pair = [n.id, other].sort().join('|')
      if (peered.has(pair)) continue
      peered.add(pair)
      edges.push({ id: `${n.id}↔${other}`, source: n.id, target: other, kind: 'peers-with' })
    }
  }

  // Storage. A claim has no region on the wire (Go lists the primary cluster's): it lives where its volume
  // does, else in the primary cluster. Volumes live in their region, buckets with the cloud.
  const placeIn = (region: string) => regionByKey.get(region)
  const primaryKey = regions[0] ? regions[0].name || regions[0].id.replace(/^region-/, '') : ''
  const volumes = infra.storage.volumes
  const pvcById = new Map<string, string>()
  for (const p of infra.storage.pvcs) {
    created = true
    const region = p.region || volumeOfPvc(p, volumes)?.region || primaryKey
    const regionNode = placeIn(region)
    const pvc = add({
      id: gid('PVC', p.id),
      type: 'PVC',
      data: p,
      name: p.name,
      status: p.status,
      parent: clusterOfRegion.get(byId.get(regionNode ?? '')?.name ?? '') ?? regionNode ?? cloudIds[0]?.id,
      region,
      fields: [
        ['Namespace', p.namespace || '—'],
        ['Capacity', p.capacity || '—'],
        ['Used', p.used || '—'],
        ['Storage class', p.storageClass || '—'],
      ],
      search: text('pvc', p.name, p.id, p.namespace, p.storageClass, region, p.status),
    })
    pvcById.set(p.id, pvc.id)
  }
  for (const v of volumes) {
    created = true
    const regionNode = placeIn(v.region)
    const volume = add({
      id: gid('Volume', v.id),
      type: 'Volume',
      data: v,
      name: v.name,
      status: v.status,
      parent: regionNode ?? cloudIds[0]?.id,
      region: v.region,
      fields: [
        ['Capacity', v.capacity || '—'],
        ['Attached to', v.attachedTo || '—'],
      ],
      search: text('volume', v.name, v.id, v.attachedTo, v.region, v.status),
    })
    if (v.attachedTo) {
      const node = nodeByKey.get(`${v.region}:${v.attachedTo}`) ?? nodeByKey.get(v.attachedTo)
      if (node)
        edges.push({ id: `${volume.id}→${node}`, source: volume.id, target: node, kind: 'attached-to' })
      else diagnostics.push(`Volume ${v.name} is attached to a missing node ${v.attachedTo}`)
    }
  }
  for (const p of infra.storage.pvcs) {
    const v = volumeOfPvc(p, volumes)
    const pvc = pvcById.get(p.id)
    const volume = v ? byId.get(gid('Volume', v.id)) : undefined
    if (pvc && volume)
      edges.push({ id: `${pvc}→${volume.id}`, source: pvc, target: volume.id, kind: 'bound-to' })
  }
  for (const b of infra.storage.buckets) {
    created = true
    const cloud = cloudIds[0]
    add({
      id: gid('Bucket', b.id),
      type: 'Bucket',
      data: b,
      name: b.name,
      // Buckets carry no status of their own: they are as healthy as the project they live in.
      status: cloud?.status ?? 'unknown',
      parent: cloud?.id,
      region: '',
      fields: [
        ['Endpoint', b.endpoint || '—'],
        ['Capacity', b.capacity || '—'],
        ['Used', b.used || '—'],
        ['Retention', b.retentionDays ? `${b.retentionDays} days` : '—'],
      ],
      search: text('bucket', b.name, b.id, b.endpoint),
    })
  }

  const counts = Object.fromEntries(NODE_TYPES.map((t) => [t, 0])) as Record<NodeType, number>
  for (const n of nodes) counts[n.type] += 1
  return { nodes, byId, edges, counts, diagnostics, created }
}
