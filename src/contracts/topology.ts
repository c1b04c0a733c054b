import { z } from 'zod'
import { looseArray } from './common.ts'

export type TopologyStatusValue = 'healthy' | 'degraded' | 'failed' | 'unknown'

/**
 * The words resources arrive with beyond the contract's four (Go copies them through): a PVC's phase
 * (`Bound`, `Pending`, `Lost`), a claim's `status.phase` or lower-cased Ready reason, a peering's `active`.
 */
const STATUS_ALIASES: Record<string, TopologyStatusValue> = {
  healthy: 'healthy',
  bound: 'healthy',
  active: 'healthy',
  available: 'healthy',
  ready: 'healthy',
  running: 'healthy',
  degraded: 'degraded',
  failed: 'failed',
  lost: 'failed',
  error: 'failed',
}

/** healthy | degraded | failed | unknown (contract §3.9), case-insensitive with the aliases above. */
export const TopologyStatus = z
  .string()
  .default('unknown')
  .transform((s): TopologyStatusValue => STATUS_ALIASES[s.toLowerCase()] ?? 'unknown')

export const VCluster = z.object({
  id: z.string(),
  name: z.string(),
  namespace: z.string().default(''),
  role: z.string().default('other'),
  status: TopologyStatus,
})
export type VCluster = z.infer<typeof VCluster>

/** Older builds send `ports` as a CSV string instead of listener objects; both parse to listeners. */
export const LoadBalancer = z
  .object({
    id: z.string(),
    name: z.string().default(''),
    publicIP: z.string().default(''),
    listeners: looseArray(z.object({ port: z.number(), protocol: z.string().default('tcp') })),
    targets: looseArray(z.object({ id: z.string(), ip: z.string().default(''), status: TopologyStatus })),
    ports: z.string().optional(),
    targetHealth: z.string().optional(),
    region: z.string().default(''),
    status: TopologyStatus,
    frontDoorKind: z.string().optional(),
  })
  .transform((lb) => ({
    ...lb,
    listeners:
      lb.listeners.length > 0 || !lb.ports
        ? lb.listeners
        : lb.ports
            .split(',')
            .map((p) => Number(p.trim()))
            .filter((p) => Number.isFinite(p) && p > 0)
            .map((port) => ({ port, protocol: 'tcp' })),
  }))
export type LoadBalancer = z.infer<typeof LoadBalancer>

export const NodePool = z.object({
  id: z.string(),
  name: z.string().default(''),
  role: z.string().default('worker'),
  sku: z.string().default(''),
  region: z.string().default(''),
  desiredSize: z.number().int().default(0),
  currentSize: z.number().int().default(0),
  status: TopologyStatus,
})
export type NodePool = z.infer<typeof NodePool>

export const ClusterNode = z.object({
  id: z.string(),
  name: z.string(),
  sku: z.string().default(''),
  region: z.string().default(''),
  role: z.string().default('worker'),
  ip: z.string().default(''),
  status: TopologyStatus,
  nodePoolID: z.string().optional(),
})
export type ClusterNode = z.infer<typeof ClusterNode>

export const Cluster = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string().default(''),
  status: TopologyStatus,
  nodeCount: z.number().int().default(0),
  vclusters: looseArray(VCluster),
  loadBalancers: looseArray(LoadBalancer),
  nodePools: looseArray(NodePool),
  nodes: looseArray(ClusterNode),
})
export type Cluster = z.infer<typeof Cluster>

/** VPC-to-VPC peering (Go `infrastructure/types.go` Peering): `vpcPair` names both VPCs, `subnets` is a CSV. */
export const Peering = z.object({
  id: z.string(),
  name: z.string().default(''),
  vpcPair: z.string().default(''),
  subnets: z.string().default(''),
  status: TopologyStatus,
})
export type Peering = z.infer<typeof Peering>

/** One rule (Go FirewallRule): direction `in|out`, `port` empty for icmp, `sources` a CIDR CSV, `accept|drop`. */
export const FirewallRule = z.object({
  id: z.string().default(''),
  direction: z.string().default('in'),
  protocol: z.string().default(''),
  port: z.string().default(''),
  sources: z.string().default(''),
  action: z.string().default(''),
})
export type FirewallRule = z.infer<typeof FirewallRule>

export const Network = z.object({
  id: z.string(),
  name: z.string().default(''),
  cidr: z.string().default(''),
  region: z.string().default(''),
  peerings: looseArray(Peering),
  firewall: z
    .object({ id: z.string(), name: z.string().default(''), rules: looseArray(FirewallRule) })
    .nullish()
    .transform((f) => f ?? undefined),
  status: TopologyStatus,
})
export type Network = z.infer<typeof Network>

/** Go sends `skuCP`, the TS type says `skuCp` (contract §7 trap 4): both read into `skuCp`. */
export const Region = z
  .object({
    id: z.string(),
    name: z.string().default(''),
    provider: z.string().default(''),
    providerRegion: z.string().default(''),
    skuCP: z.string().optional(),
    skuCp: z.string().optional(),
    skuWorker: z.string().default(''),
    workerCount: z.number().int().default(0),
    status: TopologyStatus,
    clusters: looseArray(Cluster),
    networks: looseArray(Network),
  })
  .transform(({ skuCP, skuCp, ...r }) => ({ ...r, skuCp: skuCp ?? skuCP ?? '' }))
export type Region = z.infer<typeof Region>

/**
 * Storage items exactly as Go `infrastructure/types.go` declares them: sizes are Kubernetes quantity strings
 * (`50Gi`), never numbers. A PVC has no region (Go lists the primary cluster's claims); its id is the claim's
 * UID, so its Hetzner volume is named `pvc-<id>` (see `volumeOfPvc`).
 */
export const Pvc = z.object({
  id: z.string(),
  name: z.string(),
  namespace: z.string().default(''),
  capacity: z.string().default(''),
  used: z.string().default(''),
  storageClass: z.string().default(''),
  status: TopologyStatus,
  /** Not sent by the May backend; honoured if a later one places claims itself. */
  region: z.string().optional(),
})
export const Bucket = z.object({
  id: z.string(),
  name: z.string(),
  endpoint: z.string().default(''),
  capacity: z.string().default(''),
  used: z.string().default(''),
  retentionDays: z.string().default(''),
})
export const Volume = z.object({
  id: z.string(),
  name: z.string(),
  capacity: z.string().default(''),
  region: z.string().default(''),
  attachedTo: z.string().default(''),
  status: TopologyStatus,
})
export type Pvc = z.infer<typeof Pvc>
export type Bucket = z.infer<typeof Bucket>
export type Volume = z.infer<typeof Volume>

/** The volume a PVC is bound to: dynamic provisioning names the volume `pvc-<claim UID>`. */
export function volumeOfPvc<V extends { name: string }>(
  pvc: { id: string },
  volumes: readonly V[],
): V | undefined {
  return volumes.find((v) => v.name === `pvc-${pvc.id}` || v.name === pvc.id)
}

const QUANTITY_UNITS: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
}

/** A Kubernetes quantity (`50Gi`, `1.5Ti`, `500M`) in bytes; undefined when empty or unreadable. */
export function quantityBytes(q: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kMGTP]i?)?\s*$/.exec(q)
  if (!m) return undefined
  const unit = QUANTITY_UNITS[m[2] ?? '']
  return unit === undefined ? undefined : Number(m[1]) * unit
}

/** Legacy `GET …/infrastructure/compute` (Go `handler/infrastructure.go` infraComputeResponse). */
export const InfraCompute = z.object({
  clusters: looseArray(
    z.object({
      id: z.string(),
      name: z.string().default(''),
      controlPlane: z.string().default(''),
      version: z.string().default(''),
      region: z.string().default(''),
      nodeCount: z.number().int().default(0),
      status: TopologyStatus,
    }),
  ),
  nodes: looseArray(
    z.object({
      id: z.string(),
      name: z.string().default(''),
      sku: z.string().default(''),
      region: z.string().default(''),
      role: z.string().default(''),
      ip: z.string().default(''),
      status: TopologyStatus,
    }),
  ),
})
export type InfraCompute = z.infer<typeof InfraCompute>

/** Legacy `GET …/infrastructure/storage` (same items as the topology's `storage`). */
export const InfraStorage = z.object({
  pvcs: looseArray(Pvc),
  buckets: looseArray(Bucket),
  volumes: looseArray(Volume),
})

/** Legacy `GET …/infrastructure/network` (Go infraNetworkResponse): flat LBs, DRGs, peerings. */
export const InfraNetwork = z.object({
  loadBalancers: looseArray(
    z.object({
      id: z.string(),
      name: z.string().default(''),
      publicIP: z.string().default(''),
      ports: z.string().default(''),
      targetHealth: z.string().default(''),
      region: z.string().default(''),
      status: TopologyStatus,
    }),
  ),
  drgs: looseArray(
    z.object({
      id: z.string(),
      name: z.string().default(''),
      cidr: z.string().default(''),
      region: z.string().default(''),
      peers: z.string().default(''),
      status: TopologyStatus,
    }),
  ),
  peerings: looseArray(Peering),
})

/** `GET /deployments/{id}/infrastructure/topology` (contract §3.9). */
export const Infrastructure = z.object({
  cloud: looseArray(
    z.object({
      id: z.string(),
      provider: z.string().default(''),
      name: z.string().default(''),
      projectID: z.string().optional(),
      status: TopologyStatus,
    }),
  ),
  topology: z
    .object({
      pattern: z.string().default('unknown'),
      regions: looseArray(Region),
    })
    .nullish()
    .transform((t) => t ?? { pattern: 'unknown', regions: [] }),
  storage: z
    .object({ pvcs: looseArray(Pvc), buckets: looseArray(Bucket), volumes: looseArray(Volume) })
    .nullish()
    .transform((s) => s ?? { pvcs: [], buckets: [], volumes: [] }),
})
export type Infrastructure = z.infer<typeof Infrastructure>
export type InfrastructureWire = z.input<typeof Infrastructure>

/** One row of a delete's cascade preview (Go `infrastructure/types.go` CascadeImpact). */
export const CascadeImpact = z.object({
  kind: z.string(),
  id: z.string(),
  name: z.string().default(''),
  note: z.string().optional(),
})
export type CascadeImpact = z.infer<typeof CascadeImpact>

/**
 * 202 of every Day-2 request (Go MutationResponse): the audit job (`mutation-<verb>-<kind>[-<slug>]` in the
 * `day-2-mutations` batch, readable through the jobs API) and the Crossplane claim written. `cascade` only
 * on DELETE. Refusals: 400 `{error, detail}` (`invalid-body`, `<field>-required`, `no-fields`,
 * `unknown-kind`, `unsupported-action`), 404 `deployment-not-found`, 409 `xrc-name-conflict`, 503
 * `sovereign-cluster-unreachable` / `xrc-submit-failed`.
 */
export const MutationResponse = z.object({
  jobId: z.string(),
  xrcKind: z.string(),
  xrcName: z.string(),
  status: z.string(),
  submittedAt: z.string(),
  cascade: looseArray(CascadeImpact),
})
export type MutationResponse = z.infer<typeof MutationResponse>

/**
 * Day-2 request bodies, field for field as the Go handlers decode them (unknown fields are a 400). The ones
 * the console sends are zod schemas, so a body is checked before it leaves (strict objects); names are Go's.
 */
export const CreateRegionBody = z.strictObject({
  region: z.string().min(1),
  skuCP: z.string().min(1),
  skuWorker: z.string().optional(),
  workerCount: z.number().int().min(0).optional(),
  provider: z.string().optional(),
})
export type CreateRegionBody = z.infer<typeof CreateRegionBody>
export interface CreateClusterBody {
  name: string
  version?: string
  ha?: boolean
}
export interface CreateVClusterBody {
  name: string
  namespace?: string
  role?: string
}
export const CreatePoolBody = z.strictObject({
  name: z.string().min(1),
  role: z.string().optional(),
  sku: z.string().optional(),
  region: z.string().optional(),
  desiredSize: z.number().int().min(0).optional(),
})
export type CreatePoolBody = z.infer<typeof CreatePoolBody>
/** Scale (`desiredSize`) and/or resize (`sku`); at least one (Go: 400 `no-fields`). */
export const PatchPoolBody = z
  .strictObject({ desiredSize: z.number().int().min(0).optional(), sku: z.string().min(1).optional() })
  .refine((b) => b.desiredSize !== undefined || b.sku !== undefined, 'desiredSize and/or sku')
export type PatchPoolBody = z.infer<typeof PatchPoolBody>
export interface CreateLoadBalancerBody {
  name: string
  region?: string
  ports?: string
}
export interface CreatePeeringBody {
  name: string
  vpcFrom?: string
  vpcTo?: string
  subnets?: string
}
export interface CreateFirewallRuleBody {
  direction: string
  protocol: string
  port?: string
  sources?: string
  action?: string
}
export const NODE_ACTIONS = ['cordon', 'drain', 'replace'] as const
export type NodeAction = (typeof NODE_ACTIONS)[number]
