/**
 * Infrastructure topology (contract §3.9) derived from the request and the lifecycle: resources exist once
 * `tofu apply` created them; statuses follow the deployment (ready → healthy, failed → failed, a degraded
 * secondary → degraded, otherwise unknown). Sends `skuCP` as Go does (trap 4).
 */
import type { InfrastructureWire } from '../../src/contracts/topology.ts'
import { leafStates, statusChangeAt } from './derive.ts'
import { clusterName, vclusterFor } from './inventory.ts'
import { hashString, keyedBetween } from './rng.ts'
import { uid, xrcName } from './xrc.ts'
import type { Mutations, Timeline } from './timeline/index.ts'

type RegionWire = NonNullable<NonNullable<InfrastructureWire['topology']>['regions']>[number]
type StorageWire = NonNullable<InfrastructureWire['storage']>

const PVC_CHARTS: Record<string, number> = {
  cnpg: 50,
  valkey: 10,
  seaweedfs: 200,
  harbor: 100,
  loki: 50,
  mimir: 50,
  tempo: 20,
  gitea: 20,
  keycloak: 10,
  openbao: 10,
  'nats-jetstream': 20,
  grafana: 5,
}

const rule = (id: string, protocol: string, port: string, sources: string) => ({
  id,
  direction: 'in',
  protocol,
  port,
  sources,
  action: 'accept',
})

export function topologyAt(tl: Timeline, t: number, mut: Mutations): InfrastructureWire {
  const { spec } = tl
  const depId = spec.id
  const status = statusChangeAt(tl, t).status
  const wiped = status === 'wiped'
  const apply = tl.byName.get('tofu-apply')
  const created = !wiped && !!apply?.attempts.some((a) => a.ok && a.end <= t)
  const leaves = leafStates(tl, t, mut)
  const overall =
    status === 'ready' || status === 'adopted' ? 'healthy' : status === 'failed' ? 'failed' : 'unknown'
  const installed = (regionKey: string, chart: string) =>
    leaves.some(
      (l) => l.job.regionKey === regionKey && l.job.chart?.chart === chart && l.status === 'succeeded',
    )
  const storage: StorageWire = { pvcs: [], buckets: [], volumes: [] }
  const regions: RegionWire[] = spec.regions.map((r) => {
    const degraded = !r.primary && leaves.some((l) => l.job.regionKey === r.key && l.status === 'failed')
    const rStatus = degraded ? 'degraded' : overall
    const base: RegionWire = {
      id: `region-${r.key}`,
      name: r.key,
      provider: spec.request.provider,
      providerRegion: r.cloudRegion,
      skuCP: r.controlPlaneSize,
      skuWorker: r.workerSize,
      workerCount: r.workerCount,
      status: created ? rStatus : 'unknown',
      // Go: no omitempty — a region before tofu created it still carries its (empty) lists.
      clusters: [],
      networks: [],
    }
    if (!created) return base
    const i = r.index
    const nodes = [
      {
        id: `node-${depId}-${r.key}-cp`,
        name: `control-plane-${r.key}`,
        sku: r.controlPlaneSize,
        region: r.key,
        role: 'control-plane',
        ip: `10.${i}.0.2`,
        status: rStatus,
        nodePoolID: `pool-cp-${r.key}`,
      },
      ...Array.from({ length: r.workerCount }, (_, w) => ({
        id: `node-${depId}-${r.key}-w${w + 1}`,
        name: `worker-${w + 1}-${r.key}`,
        sku: r.workerSize,
        region: r.key,
        role: 'worker',
        ip: `10.${i}.0.${10 + w}`,
        status: rStatus,
        nodePoolID: `pool-worker-${r.key}`,
      })),
    ]
    const vclusterNames = new Set<string>([
      `dmz-${r.key}`,
      vclusterFor('catalyst-platform', r.key, r.primary),
    ])
    const cluster = {
      id: `cluster-${depId}-${r.key}`,
      name: clusterName(spec.request.sovereignFQDN, r.cloudRegion, r.primary),
      version: 'v1.31.4+k3s1',
      status: rStatus,
      nodeCount: nodes.length,
      vclusters: [...vclusterNames].map((name) => ({
        id: `vcluster-${depId}-${name}`,
        name,
        namespace: `vcluster-${name}`,
        role: name.startsWith('dmz') ? 'dmz' : name.startsWith('rtz') ? 'rtz' : 'mgmt',
        status: rStatus,
      })),
      loadBalancers: [
        {
          id: `lb-${depId}-${r.key}`,
          name: `ingress-${r.key}`,
          publicIP: tl.ips.loadBalancer(r.key),
          listeners: [
            { port: 80, protocol: 'http' },
            { port: 443, protocol: 'https' },
            { port: 6443, protocol: 'tcp' },
          ],
          targets: nodes
            .filter((n) => n.role === 'worker')
            .map((n) => ({ id: n.id, ip: n.ip, status: rStatus === 'healthy' ? 'healthy' : rStatus })),
          ports: '80,443,6443',
          targetHealth: `${rStatus === 'healthy' ? r.workerCount : 0}/${r.workerCount} healthy`,
          region: r.key,
          status: rStatus,
          ...(r.primary ? { frontDoorKind: 'console' } : {}),
        },
      ],
      nodePools: [
        {
          id: `pool-cp-${r.key}`,
          name: `control-plane-${r.key}`,
          role: 'control-plane',
          sku: r.controlPlaneSize,
          region: r.key,
          desiredSize: 1,
          currentSize: 1,
          status: rStatus,
        },
        {
          id: `pool-worker-${r.key}`,
          name: `workers-${r.key}`,
          role: 'worker',
          sku: r.workerSize,
          region: r.key,
          desiredSize: r.workerCount,
          currentSize: r.workerCount,
          status: rStatus,
        },
      ],
      nodes,
    }
    const others = spec.regions.filter((o) => o.key !== r.key)
    const network = {
      id: `net-${r.key}-${depId}`,
      name: `vpc-${r.key}`,
      cidr: `10.${i}.0.0/16`,
      region: r.key,
      // One PeeringClaim per region pair, listed on both VPCs (Go `infrastructure/types.go` Peering).
      peerings: others.map((o) => {
        const [a, b] = r.index < o.index ? [r, o] : [o, r]
        return {
          id: uid(`${depId}:peering:${a.key}:${b.key}`),
          name: xrcName(depId, 'peering', `${a.key}-${b.key}`),
          vpcPair: `vpc-${a.key}/vpc-${b.key}`,
          subnets: `10.${a.index}.0.0/16,10.${b.index}.0.0/16`,
          status: rStatus,
        }
      }),
      firewall: {
        id: `fw-${r.key}-${depId}`,
        name: `cluster-${r.key}`,
        rules: [
          rule(`fw-${r.key}-https`, 'tcp', '443', '0.0.0.0/0,::/0'),
          rule(`fw-${r.key}-http`, 'tcp', '80', '0.0.0.0/0,::/0'),
          rule(`fw-${r.key}-kube`, 'tcp', '6443', '10.0.0.0/8'),
          rule(`fw-${r.key}-icmp`, 'icmp', '', '10.0.0.0/8'),
        ],
      },
      status: rStatus,
    }
    for (const [chart, gi] of Object.entries(PVC_CHARTS)) {
      if (!installed(r.key, chart)) continue
      // The claim's UID; dynamic provisioning names its volume `pvc-<UID>` (that is how they pair up).
      const claimUid = uid(`${depId}:${r.key}:${chart}`)
      const usedMi = Math.round(gi * 1024 * keyedBetween(tl.spec.seed, `used:${r.key}:${chart}`, 0.05, 0.7))
      storage.pvcs!.push({
        id: claimUid,
        name: `data-${chart}-0`,
        namespace: chart === 'cnpg' ? 'cnpg-system' : chart,
        capacity: `${gi}Gi`,
        used: `${usedMi}Mi`,
        storageClass: 'hcloud-volumes',
        // The claim's phase, as Go copies it from status.phase.
        status: 'Bound',
      })
      storage.volumes!.push({
        id: `${hashString(claimUid) % 100_000_000}`,
        name: `pvc-${claimUid}`,
        capacity: `${gi}Gi`,
        region: r.key,
        attachedTo: nodes[1 + (hashString(chart) % Math.max(1, r.workerCount))]?.name ?? nodes[0]!.name,
        status: 'healthy',
      })
    }
    return { ...base, clusters: [cluster], networks: [network] }
  })
  if (created) {
    const location = spec.request.objectStorageRegion ?? spec.regions[0]!.cloudRegion
    storage.buckets!.push({
      id: `bucket-${depId}`,
      name: `catalyst-${spec.request.sovereignFQDN.replace(/\./g, '-')}-${depId.slice(0, 8)}`,
      endpoint: `https://${location}.your-objectstorage.com`,
      capacity: '1Ti',
      used: `${Math.round(keyedBetween(tl.spec.seed, 'bucket-used', 2, 60))}Gi`,
      retentionDays: '30',
    })
  }
  const workers = spec.regions.reduce((s, r) => s + r.workerCount, 0)
  const pattern = spec.regions.length > 1 ? 'multi-region' : workers >= 3 ? 'ha-pair' : 'solo'
  return {
    cloud: [
      {
        id: `cloud-${spec.request.provider}`,
        provider: spec.request.provider,
        name: spec.request.provider === 'hetzner' ? 'Hetzner Cloud' : 'Huawei Cloud',
        projectID: `prj-${depId.slice(0, 6)}`,
        status: created ? overall : 'unknown',
      },
    ],
    topology: { pattern, regions },
    storage,
  }
}

/** What a wipe destroys, counted from the topology (servers, LBs, networks, volumes, DNS, bucket). */
export function wipeInventory(topo: InfrastructureWire): {
  servers: number
  loadBalancers: number
  networks: number
  firewalls: number
  volumes: number
  buckets: number
} {
  const regions = topo.topology?.regions ?? []
  const clusters = regions.flatMap((r) => r.clusters ?? [])
  return {
    servers: clusters.reduce((s, c) => s + (c.nodes?.length ?? 0), 0),
    loadBalancers: clusters.reduce((s, c) => s + (c.loadBalancers?.length ?? 0), 0),
    networks: regions.reduce((s, r) => s + (r.networks?.length ?? 0), 0),
    firewalls: regions.reduce((s, r) => s + (r.networks ?? []).filter((n) => n.firewall).length, 0),
    volumes: topo.storage?.volumes?.length ?? 0,
    buckets: topo.storage?.buckets?.length ?? 0,
  }
}
