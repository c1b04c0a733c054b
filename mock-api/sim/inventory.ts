/**
 * Pod inventory of a Sovereign and the treemap aggregation over it (contract §5). Pods exist for every
 * chart that started installing, per region; readiness follows the install status; usage appears once
 * metrics-server has data (two minutes after a pod starts).
 */
import type {
  TreemapColorBy,
  TreemapDimension,
  TreemapItem,
  TreemapSizeBy,
} from '../../src/contracts/treemap.ts'
import { leafStates } from './derive.ts'
import { BOOTSTRAP_KIT } from './kit.ts'
import { hashString, keyedBetween, seededRandom } from './rng.ts'
import type { Mutations, Timeline } from './timeline/index.ts'

export interface Pod {
  name: string
  namespace: string
  application: string
  family: string
  organization: string
  cluster: string
  regionKey: string
  vcluster: string
  ownerKind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job'
  ready: boolean
  createdAt: number
  cpuRequest: number
  memoryRequest: number
  cpuLimit: number
  memoryLimit: number
  storageLimit: number
  cpuUsage: number | null
  memoryUsage: number | null
}

const GiB = 1024 ** 3
const MiB = 1024 ** 2
const METRICS_DELAY_MS = 2 * 60_000

/** Charts running one pod per node (DaemonSets). */
const DAEMONSETS = new Set(['cilium', 'falco', 'alloy', 'openova-flow-emitter', 'trivy'])
const STATEFUL = new Set([
  'cnpg',
  'valkey',
  'seaweedfs',
  'harbor',
  'loki',
  'mimir',
  'tempo',
  'gitea',
  'keycloak',
  'openbao',
  'nats-jetstream',
  'powerdns',
  'grafana',
])

/** Which vCluster a chart's namespace lives in, per region role (mgmt on the primary, rtz on secondaries). */
export function vclusterFor(chart: string, regionKey: string, primary: boolean): string {
  if (['catalyst-platform', 'newapi', 'openova-flow-server'].includes(chart))
    return primary ? 'mgmt' : `rtz-${regionKey}`
  if (['coraza', 'guacamole', 'k8s-ws-proxy'].includes(chart)) return `dmz-${regionKey}`
  return 'host'
}

/** Cluster names follow the ClusterMesh scheme: `<stem>-mesh` for the primary, `<stem>-<region letters>`. */
export function clusterName(fqdn: string, cloudRegion: string, primary: boolean): string {
  const stem = (fqdn.split('.')[0] ?? 'sovereign').slice(0, 40)
  return primary ? `${stem}-mesh` : `${stem}-${cloudRegion.replace(/\d+/g, '') || cloudRegion}`
}

/** The Sovereign's pods at `t`. Pods owned by Jobs are included; the aggregation drops them. */
export function podsAt(tl: Timeline, t: number, mut: Mutations): Pod[] {
  const { spec } = tl
  const seed = spec.seed
  const pods: Pod[] = []
  const regions = new Map(spec.regions.map((r) => [r.key, r]))
  for (const l of leafStates(tl, t, mut)) {
    const chart = l.job.chart
    if (!chart || l.startedAt === undefined || l.job.kind !== 'install' || chart.phase === 'cutover') continue
    const region = regions.get(l.job.regionKey ?? '')
    if (!region) continue
    const replicas = DAEMONSETS.has(chart.chart)
      ? region.workerCount + 1
      : 1 + Math.floor(keyedBetween(seed, `replicas:${chart.chart}`, 0, 3))
    const cluster = clusterName(spec.request.sovereignFQDN, region.cloudRegion, region.primary)
    const ownerKind = DAEMONSETS.has(chart.chart)
      ? 'DaemonSet'
      : STATEFUL.has(chart.chart)
        ? 'StatefulSet'
        : 'Deployment'
    for (let i = 0; i < replicas; i++) {
      const key = `${region.key}:${chart.chart}:${i}`
      const r = seededRandom(hashString(`${seed}:${key}`))
      const cpuRequest = [0.05, 0.1, 0.25, 0.5, 1][Math.floor(r() * 5)]!
      const memoryRequest = [64, 128, 256, 512, 1024, 2048][Math.floor(r() * 6)]! * MiB
      const ready = l.status === 'succeeded'
      const metrics = t - l.startedAt > METRICS_DELAY_MS
      const load = 0.15 + r() * 1.1
      pods.push({
        name: `${chart.chart}-${ownerKind === 'StatefulSet' ? i : `${(hashString(key) % 0xfffff).toString(16)}`}`,
        namespace: chart.namespace,
        application: chart.chart,
        family: chart.family,
        organization: 'platform',
        cluster,
        regionKey: region.key,
        vcluster: vclusterFor(chart.chart, region.key, region.primary),
        ownerKind,
        ready,
        createdAt: l.startedAt,
        cpuRequest,
        memoryRequest,
        cpuLimit: cpuRequest * 2,
        memoryLimit: memoryRequest * 2,
        storageLimit: STATEFUL.has(chart.chart) ? [5, 10, 20, 50][Math.floor(r() * 4)]! * GiB : 0,
        cpuUsage: metrics ? cpuRequest * load : null,
        memoryUsage: metrics ? memoryRequest * Math.min(1.6, load) : null,
      })
    }
    // A short-lived hook Job per chart: the treemap must ignore it.
    if (chart.chart === 'harbor' || chart.chart === 'keycloak') {
      pods.push({
        ...pods[pods.length - 1]!,
        name: `${chart.chart}-migrate-${region.key}`,
        ownerKind: 'Job',
      })
    }
  }
  // concat, not push(...): a spread of 100,000 arguments can overflow the stack.
  return pods.concat(syntheticPods(tl))
}

/**
 * Tenant workloads for treemap benchmarks: `extraPods` pods spread over orgs, namespaces and regions.
 * They depend on the spec alone, so they are generated once per deployment (100,000 pods took ~200 ms per
 * treemap request).
 */
const syntheticPodsOf = new WeakMap<Timeline['spec'], readonly Pod[]>()

function syntheticPods(tl: Timeline): readonly Pod[] {
  const { spec } = tl
  let pods = syntheticPodsOf.get(spec)
  if (!pods) syntheticPodsOf.set(spec, (pods = generateSyntheticPods(tl)))
  return pods
}

function generateSyntheticPods(tl: Timeline): Pod[] {
  const { spec } = tl
  const n = spec.extraPods
  if (n <= 0) return []
  const r = seededRandom(hashString(`${spec.seed}:extra-pods`))
  const families = Object.keys(BOOTSTRAP_KIT.families)
  const out: Pod[] = []
  for (let i = 0; i < n; i++) {
    const region = spec.regions[i % spec.regions.length]!
    const app = `app-${i % 240}`
    const cpuRequest = 0.05 + r() * 0.95
    const memoryRequest = (64 + Math.floor(r() * 2000)) * MiB
    out.push({
      name: `${app}-${i}`,
      namespace: `tenant-${i % 60}`,
      application: app,
      family: families[i % families.length]!,
      organization: `org-${i % 12}`,
      cluster: clusterName(spec.request.sovereignFQDN, region.cloudRegion, region.primary),
      regionKey: region.key,
      vcluster: i % 3 === 0 ? `rtz-${region.key}` : 'host',
      ownerKind: 'Deployment',
      ready: r() > 0.04,
      createdAt: spec.createdAt - Math.floor(r() * 40 * 86_400_000),
      cpuRequest,
      memoryRequest,
      cpuLimit: cpuRequest * 2,
      memoryLimit: memoryRequest * 2,
      storageLimit: i % 7 === 0 ? 10 * GiB : 0,
      cpuUsage: cpuRequest * (0.1 + r()),
      memoryUsage: memoryRequest * (0.2 + r()),
    })
  }
  return out
}

export interface TreemapQuery {
  groupBy: TreemapDimension[]
  colorBy: TreemapColorBy
  sizeBy: TreemapSizeBy
}

const titleCase = (s: string) =>
  s.replace(/(^|[-_\s])(\w)/g, (_, sep: string, c: string) => `${sep ? ' ' : ''}${c.toUpperCase()}`)

/** Cell id and display name of a pod along one dimension, with the contract's fallbacks. */
function dimensionOf(
  pod: Pod,
  dim: TreemapDimension,
  fqdn: string,
  regionCloud: Map<string, string>,
): [string, string] {
  switch (dim) {
    case 'sovereign':
      return [fqdn, fqdn]
    case 'region': {
      const region = pod.regionKey || pod.cluster || regionCloud.get(pod.regionKey) || 'unknown'
      return [region, region]
    }
    case 'cluster':
      return [pod.cluster, `${pod.cluster} (${pod.regionKey})`]
    case 'vcluster':
      return [pod.vcluster || 'host', pod.vcluster || 'host']
    case 'family': {
      const f = pod.family || 'other'
      return [f, BOOTSTRAP_KIT.families[f] ?? titleCase(f)]
    }
    case 'namespace':
      return [pod.namespace, pod.namespace]
    case 'application':
      return [pod.application, pod.application]
    case 'organization':
      return pod.organization === 'platform'
        ? ['platform', 'Platform overhead']
        : [pod.organization, pod.organization]
  }
}

function sizeOf(pod: Pod, sizeBy: TreemapSizeBy): number {
  switch (sizeBy) {
    case 'cpu_request':
      return pod.cpuRequest
    case 'memory_request':
      return pod.memoryRequest
    case 'cpu_usage':
      return pod.cpuUsage ?? 0
    case 'memory_usage':
      return pod.memoryUsage ?? 0
    case 'cpu_limit':
      return pod.cpuLimit
    case 'memory_limit':
      return pod.memoryLimit
    case 'storage_limit':
      return pod.storageLimit
    case 'replica_count':
      return pod.ready ? 1 : 0
  }
}

function colourOf(pods: Pod[], colorBy: TreemapColorBy, sizeBy: TreemapSizeBy, now: number): number | null {
  if (pods.length === 0) return null
  if (colorBy === 'health') return (pods.filter((p) => p.ready).length / pods.length) * 100
  if (colorBy === 'age') {
    const oldest = Math.min(...pods.map((p) => p.createdAt))
    return Math.min(100, ((now - oldest) / 86_400_000 / 30) * 100)
  }
  const memory = sizeBy.startsWith('memory')
  let usage = 0
  let request = 0
  let limit = 0
  let measured = false
  for (const p of pods) {
    const u = memory ? p.memoryUsage : p.cpuUsage
    if (u !== null) {
      measured = true
      usage += u
    }
    request += memory ? p.memoryRequest : p.cpuRequest
    limit += memory ? p.memoryLimit : p.cpuLimit
  }
  if (!measured) return null
  const base = request > 0 ? request : limit
  return base > 0 ? Math.round((usage / base) * 1000) / 10 : null
}

/**
 * Nested aggregation in `groupBy` order. Job pods are dropped; without `cluster`/`region` in the
 * grouping only the primary cluster is aggregated (the server fans out only when asked to).
 */
export function aggregateTreemap(
  tl: Timeline,
  pods: Pod[],
  q: TreemapQuery,
  now: number,
): { items: TreemapItem[]; total_count: number } {
  const primary = tl.spec.regions[0]!
  const fanOut = q.groupBy.includes('cluster') || q.groupBy.includes('region')
  const regionCloud = new Map(tl.spec.regions.map((r) => [r.key, r.cloudRegion]))
  const scoped = pods.filter((p) => p.ownerKind !== 'Job' && (fanOut || p.regionKey === primary.key))
  const fqdn = tl.spec.request.sovereignFQDN
  const build = (list: Pod[], depth: number): TreemapItem[] => {
    const dim = q.groupBy[depth]
    if (!dim) return []
    const buckets = new Map<string, { name: string; pods: Pod[] }>()
    for (const p of list) {
      const [id, name] = dimensionOf(p, dim, fqdn, regionCloud)
      const b = buckets.get(id) ?? { name, pods: [] }
      b.pods.push(p)
      buckets.set(id, b)
    }
    const items: TreemapItem[] = []
    for (const [id, b] of buckets) {
      const size = b.pods.reduce((s, p) => s + sizeOf(p, q.sizeBy), 0)
      items.push({
        id,
        name: b.name,
        count: q.sizeBy === 'replica_count' ? b.pods.filter((p) => p.ready).length : b.pods.length,
        percentage: colourOf(b.pods, q.colorBy, q.sizeBy, now),
        size_value: Math.round(size * 1000) / 1000,
        children: build(b.pods, depth + 1),
      })
    }
    return items.sort((a, b) => (b.size_value ?? 0) - (a.size_value ?? 0) || a.name.localeCompare(b.name))
  }
  return { items: build(scoped, 0), total_count: scoped.length }
}
