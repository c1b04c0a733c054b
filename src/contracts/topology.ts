import { z } from 'zod'
import { looseArray } from './common.ts'

/** healthy | degraded | failed | unknown (contract §3.9); anything else reads as unknown. */
export const TopologyStatus = z
  .string()
  .default('unknown')
  .transform((s) => (['healthy', 'degraded', 'failed'].includes(s) ? s : 'unknown') as TopologyStatusValue)
export type TopologyStatusValue = 'healthy' | 'degraded' | 'failed' | 'unknown'

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

export const Network = z.object({
  id: z.string(),
  name: z.string().default(''),
  cidr: z.string().default(''),
  region: z.string().default(''),
  peerings: looseArray(z.looseObject({ id: z.string().optional() })),
  firewall: z
    .object({
      id: z.string(),
      name: z.string().default(''),
      rules: looseArray(
        z.object({
          id: z.string().optional(),
          protocol: z.string().default('tcp'),
          port: z.string().default(''),
          source: z.string().default(''),
          action: z.string().default('allow'),
        }),
      ),
    })
    .optional(),
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

export const Pvc = z.object({
  id: z.string(),
  name: z.string(),
  namespace: z.string().default(''),
  region: z.string().default(''),
  capacityGi: z.number().default(0),
  storageClass: z.string().default(''),
  status: TopologyStatus,
})
export const Bucket = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string().default(''),
  provider: z.string().default(''),
  status: TopologyStatus,
})
export const Volume = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string().default(''),
  sizeGi: z.number().default(0),
  attachedTo: z.string().optional(),
  status: TopologyStatus,
})
export type Pvc = z.infer<typeof Pvc>
export type Bucket = z.infer<typeof Bucket>
export type Volume = z.infer<typeof Volume>

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
