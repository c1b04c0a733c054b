/**
 * The cloud views' kinds: graph node types (chips), list kinds (`?kind=`), and the aliases people and old
 * links use for them. Aliases resolve to a canonical kind in one step, so a URL never bounces.
 */

/** Node types of the architecture graph, in the order chips and groups are shown. */
export const NODE_TYPES = [
  'Cloud',
  'Region',
  'Cluster',
  'vCluster',
  'LoadBalancer',
  'NodePool',
  'Node',
  'Network',
  'PVC',
  'Volume',
  'Bucket',
] as const
export type NodeType = (typeof NODE_TYPES)[number]

/** Graph-backed list kinds (`?view=list&kind=…`): rows are the graph's nodes. */
export const LIST_KINDS = [
  'regions',
  'clusters',
  'vclusters',
  'node-pools',
  'nodes',
  'load-balancers',
  'networks',
  'pvcs',
  'volumes',
  'buckets',
] as const
export type ListKind = (typeof LIST_KINDS)[number]

/** Kubernetes-backed list kinds: rows come from the k8s list endpoint, not the topology. */
export const K8S_KINDS = ['services', 'ingresses', 'dns-zones', 'storage-classes'] as const
export type K8sKind = (typeof K8S_KINDS)[number]
export type AnyKind = ListKind | K8sKind

/** Every list kind, in tab order (network-facing kinds after load balancers, storage classes by PVCs). */
export const ALL_KINDS: readonly AnyKind[] = [
  'regions',
  'clusters',
  'vclusters',
  'node-pools',
  'nodes',
  'load-balancers',
  'services',
  'ingresses',
  'dns-zones',
  'networks',
  'pvcs',
  'storage-classes',
  'volumes',
  'buckets',
]

export const DEFAULT_LIST_KIND: ListKind = 'clusters'

export function isGraphKind(kind: AnyKind): kind is ListKind {
  return (LIST_KINDS as readonly string[]).includes(kind)
}

export const KIND_TYPE: Record<ListKind, NodeType> = {
  regions: 'Region',
  clusters: 'Cluster',
  vclusters: 'vCluster',
  'node-pools': 'NodePool',
  nodes: 'Node',
  'load-balancers': 'LoadBalancer',
  networks: 'Network',
  pvcs: 'PVC',
  volumes: 'Volume',
  buckets: 'Bucket',
}

export const KIND_LABELS: Record<AnyKind, string> = {
  regions: 'Regions',
  clusters: 'Clusters',
  vclusters: 'vClusters',
  'node-pools': 'Node pools',
  nodes: 'Nodes',
  'load-balancers': 'Load balancers',
  networks: 'Networks',
  pvcs: 'PVCs',
  volumes: 'Volumes',
  buckets: 'Buckets',
  services: 'Services',
  ingresses: 'Ingresses',
  'dns-zones': 'DNS zones',
  'storage-classes': 'Storage classes',
}

/** The list kind showing a node type (Cloud has none). */
export function kindOfType(type: NodeType): ListKind | undefined {
  return LIST_KINDS.find((k) => KIND_TYPE[k] === type)
}

/** Alias (normalised: lower-case, no separators) → canonical kind. */
const ALIASES: Record<string, AnyKind> = {}
const alias = (kind: AnyKind, ...names: string[]) => {
  for (const n of [kind, ...names]) ALIASES[normaliseKind(n)] = kind
}
alias('regions', 'region', 'locations', 'location')
alias('clusters', 'cluster', 'k8s', 'kubernetes', 'compute', 'computeclusters')
alias('vclusters', 'vcluster', 'virtualclusters', 'virtualcluster', 'vc', 'vcs')
alias('node-pools', 'nodepool', 'nodepools', 'pools', 'pool', 'computepools', 'machinepools', 'workerpools')
alias(
  'nodes',
  'node',
  'workers',
  'worker',
  'workernodes',
  'workernode',
  'servers',
  'server',
  'machines',
  'computenodes',
)
alias('load-balancers', 'loadbalancer', 'loadbalancers', 'lb', 'lbs', 'networkloadbalancers')
alias('networks', 'network', 'net', 'nets', 'vpc', 'vpcs', 'subnets', 'networknetworks')
alias('pvcs', 'pvc', 'persistentvolumeclaims', 'persistentvolumeclaim', 'claims', 'storage', 'storagepvcs')
alias('volumes', 'volume', 'vol', 'vols', 'disks', 'disk', 'pvs', 'pv', 'persistentvolumes', 'storagevolumes')
alias('buckets', 'bucket', 'objectstorage', 's3', 'storagebuckets')
alias('services', 'service', 'svc', 'svcs', 'k8sservices')
alias('ingresses', 'ingress', 'ing', 'httproutes', 'httproute', 'routes', 'route', 'gatewayroutes')
alias('dns-zones', 'dnszone', 'dnszones', 'dns', 'zones', 'zone', 'domains')
alias('storage-classes', 'storageclass', 'storageclasses', 'sc', 'scs')

/** `Load_Balancers`, `load-balancers`, `loadbalancers` → `loadbalancers`. */
export function normaliseKind(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s_\-/.]+/g, '')
}

export type KindResolution =
  | { status: 'none'; kind: ListKind }
  | { status: 'canonical'; kind: AnyKind }
  | { status: 'alias'; kind: AnyKind; raw: string }
  | { status: 'unknown'; kind: ListKind; raw: string }

/**
 * `?kind=` → the list to show. Canonical kinds stay; aliases resolve (the caller rewrites the URL once);
 * unknown kinds show the default list with a notice and are left alone (no navigation, so no loop).
 */
export function resolveKind(raw: string | undefined): KindResolution {
  if (raw === undefined || raw.trim() === '') return { status: 'none', kind: DEFAULT_LIST_KIND }
  if ((ALL_KINDS as readonly string[]).includes(raw)) return { status: 'canonical', kind: raw as AnyKind }
  const hit = ALIASES[normaliseKind(raw)]
  return hit ? { status: 'alias', kind: hit, raw } : { status: 'unknown', kind: DEFAULT_LIST_KIND, raw }
}

/** `?hide=PVC,Volume` → the node types hidden in the graph (unknown names dropped). */
export function parseHidden(raw: string | undefined): Set<NodeType> {
  const out = new Set<NodeType>()
  for (const part of (raw ?? '').split(',')) {
    const t = NODE_TYPES.find((n) => n.toLowerCase() === part.trim().toLowerCase())
    if (t) out.add(t)
  }
  return out
}

export function formatHidden(hidden: ReadonlySet<NodeType>): string | undefined {
  const list = NODE_TYPES.filter((t) => hidden.has(t))
  return list.length ? list.join(',') : undefined
}
