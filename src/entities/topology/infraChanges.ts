/**
 * Day-2 changes to a deployment's infrastructure as the Cloud page tracks them (pure, React-free): what the
 * operator asked for, how it reads, and how the requests in flight or accepted are laid over the topology
 * the API reports.
 *
 * Why an overlay and not an edit of the cached topology: a 202 only means a Crossplane claim was written
 * (contract §2.8); the topology changes when a Composition reconciles it — on the May backend, never. A
 * change therefore stays visible as "requested" (with its audit job) until the topology shows it, and a
 * refused one simply stops being laid over: that is the rollback.
 */
import type {
  CreatePoolBody,
  CreateRegionBody,
  Infrastructure,
  MutationResponse,
  NodePool,
  Region,
} from '../../contracts/topology.ts'
import { errorMessage, isApiError } from '../../lib/http.ts'

export type InfraChange =
  | { op: 'add-pool'; clusterId: string; body: CreatePoolBody }
  | { op: 'scale-pool'; poolId: string; name: string; desiredSize: number }
  | { op: 'delete-pool'; poolId: string; name: string }
  /** `knownRegionIds`: the regions when it was asked, so a new region in the same location is told apart. */
  | { op: 'add-region'; body: CreateRegionBody; knownRegionIds: readonly string[] }
  | { op: 'delete-region'; regionId: string; name: string }

/** One request: `submitting` (no answer yet), `submitted` (202), `refused` (any error). */
export interface InfraChangeRecord {
  /** Unique and increasing in submission order. */
  key: number
  change: InfraChange
  state: 'submitting' | 'submitted' | 'refused'
  response?: MutationResponse | undefined
  error?: unknown
}

export type MarkedKind = 'NodePool' | 'Region'

/** What a row shows about the change laid over it. */
export interface ChangeMark {
  record: InfraChangeRecord
  verb: 'add' | 'scale' | 'delete'
  /** True for a row that exists only because of the change (no real id: no actions on it). */
  synthetic: boolean
}

/** Key of a mark: the resource's kind and its API id (`NodePool:pool-worker-fsn1`). */
export const markKey = (kind: MarkedKind, id: string) => `${kind}:${id}`

/** Ids of the rows a change adds before the API knows them (never sent to the API). */
export const pendingPoolId = (clusterId: string, name: string) => `pending-pool:${clusterId}/${name}`
export const pendingRegionId = (key: number, region: string) => `pending-region:${key}:${region}`

export function changeTitle(c: InfraChange): string {
  switch (c.op) {
    case 'add-pool':
      return `Add node pool “${c.body.name}”`
    case 'scale-pool':
      return `Scale node pool “${c.name}” to ${c.desiredSize}`
    case 'delete-pool':
      return `Delete node pool “${c.name}”`
    case 'add-region':
      return `Add region ${c.body.region}`
    case 'delete-region':
      return `Delete region “${c.name}”`
  }
}

/** The audit job's name from a 202's `jobId` (`<deployment>:<job name>`). */
export function jobNameOf(response: MutationResponse): string {
  const i = response.jobId.indexOf(':')
  return i < 0 ? response.jobId : response.jobId.slice(i + 1)
}

/** A refusal in words an operator can act on; the API's own detail is kept (contract §2.8 codes). */
export function describeRefusal(error: unknown, c: InfraChange): string {
  if (!isApiError(error) || error.kind !== 'http') return errorMessage(error)
  const detail =
    typeof error.body?.detail === 'string' && error.body.detail ? error.body.detail : error.message
  switch (error.code) {
    case 'xrc-name-conflict':
      return `It was already requested and is still waiting to be applied (${detail}).`
    case 'sovereign-cluster-unreachable':
      return `The Sovereign's cluster cannot be reached right now, so nothing was changed (${detail}).`
    case 'deployment-not-found':
      return 'This deployment no longer exists.'
  }
  if (error.status === 400) return `The API refused the request: ${detail}`
  if (error.status >= 500)
    return `The API failed (${error.status}) and nothing was changed${detail ? `: ${detail}` : '.'}`
  return `${c.op.startsWith('delete') ? 'Not deleted' : 'Not changed'} (${error.status}): ${detail}`
}

/** A pool name the backend turns into a claim name: a DNS label, short enough to stay whole in one. */
export const POOL_NAME = /^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/

export function poolNameProblem(name: string, takenNames: readonly string[]): string | undefined {
  if (name === '') return 'A name is required.'
  if (!POOL_NAME.test(name))
    return 'Lower-case letters, digits and dashes, starting with a letter, at most 40 characters.'
  if (takenNames.includes(name)) return `This cluster already has a node pool named “${name}”.`
  return undefined
}

export function sizeProblem(size: number, min: number, max: number): string | undefined {
  if (!Number.isInteger(size) || size < min || size > max) return `Between ${min} and ${max} nodes.`
  return undefined
}

/** Lines for a delete's confirmation: what goes with it (the Go cascade's rows, counted). */
export function deletePreview(infra: Infrastructure, c: InfraChange): string[] {
  const regions = infra.topology.regions
  if (c.op === 'delete-pool') {
    for (const r of regions)
      for (const cl of r.clusters) {
        const pool = cl.nodePools.find((p) => p.id === c.poolId)
        if (!pool) continue
        const nodes = cl.nodes.filter((n) => n.nodePoolID === pool.id)
        return nodes.length
          ? [`${count(nodes.length, 'node')} drained and removed: ${nodes.map((n) => n.name).join(', ')}`]
          : ['No nodes are in this pool.']
      }
  }
  if (c.op === 'delete-region') {
    const r = regions.find((x) => x.id === c.regionId)
    if (!r) return []
    const clusters = r.clusters
    const pools = clusters.reduce((n, cl) => n + cl.nodePools.length, 0)
    const nodes = clusters.reduce((n, cl) => n + cl.nodes.length, 0)
    const lbs = clusters.reduce((n, cl) => n + cl.loadBalancers.length, 0)
    return [
      `${count(clusters.length, 'cluster')} drained and deleted (${count(pools, 'node pool')}, ${count(nodes, 'node')})`,
      `${count(lbs, 'load balancer')} released`,
      `${count(r.networks.length, 'network')} released, peerings disconnected`,
    ]
  }
  return []
}

function findPool(regions: readonly Region[], id: string): NodePool | undefined {
  for (const r of regions)
    for (const cl of r.clusters) {
      const pool = cl.nodePools.find((p) => p.id === id)
      if (pool) return pool
    }
  return undefined
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * The topology with every change still in flight or accepted laid over it, and the mark of each changed
 * row. Refused changes are skipped (rolled back); a change the topology already shows adds no row and no
 * mark. Later changes win over earlier ones on the same row. `infra` itself is never modified.
 */
export function applyInfraChanges(
  infra: Infrastructure,
  records: readonly InfraChangeRecord[],
): { infra: Infrastructure; marks: Map<string, ChangeMark> } {
  const marks = new Map<string, ChangeMark>()
  const live = records.filter((r) => r.state !== 'refused').sort((a, b) => a.key - b.key)
  if (live.length === 0) return { infra, marks }
  const out = structuredClone(infra)
  const regions = out.topology.regions
  for (const record of live) {
    const c = record.change
    const mark = (kind: MarkedKind, id: string, verb: ChangeMark['verb'], synthetic = false) =>
      marks.set(markKey(kind, id), { record, verb, synthetic })
    switch (c.op) {
      case 'add-pool': {
        const region = regions.find((r) => r.clusters.some((cl) => cl.id === c.clusterId))
        const cluster = region?.clusters.find((cl) => cl.id === c.clusterId)
        if (!region || !cluster || cluster.nodePools.some((p) => p.name === c.body.name)) break
        const pool: NodePool = {
          id: pendingPoolId(c.clusterId, c.body.name),
          name: c.body.name,
          role: c.body.role ?? 'worker',
          sku: c.body.sku ?? '',
          region: c.body.region ?? region.name,
          desiredSize: c.body.desiredSize ?? 0,
          currentSize: 0,
          status: 'unknown',
        }
        cluster.nodePools.push(pool)
        mark('NodePool', pool.id, 'add', true)
        break
      }
      case 'scale-pool': {
        const pool = findPool(regions, c.poolId)
        if (!pool) break
        pool.desiredSize = c.desiredSize
        // Accepted and reported by the API: nothing left to show (an earlier scale is superseded too).
        if (
          record.state === 'submitted' &&
          findPool(infra.topology.regions, c.poolId)?.desiredSize === c.desiredSize
        )
          marks.delete(markKey('NodePool', pool.id))
        else mark('NodePool', pool.id, 'scale')
        break
      }
      case 'delete-pool':
        if (findPool(regions, c.poolId)) mark('NodePool', c.poolId, 'delete')
        break
      case 'add-region': {
        const shown = regions.some(
          (r) =>
            !c.knownRegionIds.includes(r.id) &&
            !r.id.startsWith('pending-region:') &&
            (r.name === c.body.region || r.providerRegion === c.body.region),
        )
        if (shown) break
        const region: Region = {
          id: pendingRegionId(record.key, c.body.region),
          name: c.body.region,
          provider: c.body.provider ?? out.cloud[0]?.provider ?? '',
          providerRegion: c.body.region,
          skuCp: c.body.skuCP,
          skuWorker: c.body.skuWorker ?? '',
          workerCount: c.body.workerCount ?? 0,
          status: 'unknown',
          clusters: [],
          networks: [],
        }
        regions.push(region)
        mark('Region', region.id, 'add', true)
        break
      }
      case 'delete-region':
        if (regions.some((r) => r.id === c.regionId)) mark('Region', c.regionId, 'delete')
        break
    }
  }
  return { infra: out, marks }
}
