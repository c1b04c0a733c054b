import { z } from 'zod'
import { looseArray } from './common.ts'
import { TopologyStatus } from './topology.ts'

/**
 * `GET /api/v1/sovereigns/{id}/k8s/list?kind=<resource>` — the kubectl-like browser's list (contract
 * §2.15): one row per object across the Sovereign's clusters, each carrying the cluster and region it
 * lives in. Resources are kubectl's plural names; the console's "Ingresses" list reads both `ingresses`
 * and `httproutes`.
 */
export const K8S_RESOURCES = ['services', 'ingresses', 'httproutes', 'dnszones', 'storageclasses'] as const
export type K8sResource = (typeof K8S_RESOURCES)[number]

const common = {
  name: z.string(),
  namespace: z.string().default(''),
  cluster: z.string().default(''),
  region: z.string().default(''),
  status: TopologyStatus,
  createdAt: z.string().default(''),
}

export const K8sService = z.object({
  kind: z.literal('Service'),
  ...common,
  type: z.string().default('ClusterIP'),
  clusterIP: z.string().default(''),
  externalIP: z.string().default(''),
  ports: looseArray(
    z.object({ port: z.number(), protocol: z.string().default('TCP'), name: z.string().default('') }),
  ),
  /** The HelmRelease that owns it (`app.kubernetes.io/instance`). */
  release: z.string().default(''),
})

export const K8sRoute = z.object({
  kind: z.enum(['Ingress', 'HTTPRoute']),
  ...common,
  hosts: looseArray(z.string()),
  /** `service:port` the route sends to. */
  backend: z.string().default(''),
  /** Ingress class, or the HTTPRoute's parent Gateway. */
  via: z.string().default(''),
  tls: z.boolean().default(false),
})

export const K8sDnsZone = z.object({
  kind: z.literal('DNSZone'),
  ...common,
  records: z.number().default(0),
  serial: z.number().default(0),
  nameservers: looseArray(z.string()),
  dnssec: z.boolean().default(false),
})

export const K8sStorageClass = z.object({
  kind: z.literal('StorageClass'),
  ...common,
  provisioner: z.string().default(''),
  reclaimPolicy: z.string().default('Delete'),
  volumeBindingMode: z.string().default('Immediate'),
  allowVolumeExpansion: z.boolean().default(false),
  isDefault: z.boolean().default(false),
})

export const K8sObject = z.discriminatedUnion('kind', [K8sService, K8sRoute, K8sDnsZone, K8sStorageClass])
export type K8sObject = z.infer<typeof K8sObject>
export type K8sObjectWire = z.input<typeof K8sObject>

export const K8sList = z.object({
  items: looseArray(K8sObject),
  count: z.number().default(0),
})
export type K8sList = z.infer<typeof K8sList>
export type K8sListWire = z.input<typeof K8sList>
