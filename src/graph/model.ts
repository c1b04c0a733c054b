/**
 * The flow model: the store (`FlowState`) turned into a validated hierarchy with client-side rollups.
 *
 *   phase groups (roots, ordered provisioner → bootstrap-kit → cutover → handover → apps)
 *     └ region sub-groups `<dep>:<region>:<phase>` (symmetric: the primary has one too)
 *         └ jobs (leaves)
 *
 * Hierarchy comes from `contains` (toId = parent); group status is recomputed from the children (any
 * failed → failed, else running, else pending, else succeeded; a group without children keeps its own
 * status) rather than trusted; counts are leaf jobs. `structureKey` changes only when something the
 * layout depends on changes (ids, parents, regions, dependencies) — never on a status change.
 */
import type { FlowInstanceData, FlowNodeData, FlowState } from './flowState.ts'
import { FNV_OFFSET, fnv1a } from './hash.ts'
import { phaseRank } from '../contracts/jobs.ts'
import {
  emptyCounts,
  normaliseRunStatus,
  rollupStatus,
  type RunStatus,
  type StatusCounts,
} from '../contracts/runStatus.ts'
import { resolveHierarchy, validateFlow, type Diagnostic } from './validate.ts'

export interface ModelNode {
  id: string
  label: string
  data: FlowNodeData
  ownStatus: RunStatus
  /** Rolled up from the children for groups with children; the node's own status otherwise. */
  status: RunStatus
  /** Contains other nodes, or is declared a group (`family: group`, e.g. an empty phase). */
  isGroup: boolean
  parentId: string | undefined
  children: string[]
  /** Containment depth: 1 for top-level nodes. */
  depth: number
  rootId: string
  /** The node's region tag, else the single region all its leaf jobs share. */
  region: string | undefined
  /** Leaf jobs beneath (a leaf counts itself), by status. */
  counts: StatusCounts
  leafCount: number
}

export interface FlowDep {
  fromId: string
  toId: string
  type: string
}

export interface FlowModel {
  flow: FlowInstanceData | undefined
  nodes: Map<string, ModelNode>
  /** Roots in phase order. */
  roots: string[]
  /** Dependency relationships (every type but `contains`) whose two ends exist, self-loops dropped. */
  deps: FlowDep[]
  diagnostics: Diagnostic[]
  /** Deepest containment level that has groups with children (1 = only phases fold). */
  maxGroupDepth: number
  /** Regions in wizard order: the primary (no `-<n>` suffix) first, then by index. */
  regions: string[]
  counts: StatusCounts
  leafCount: number
  structureKey: string
}

function phaseIndex(id: string): number {
  const tail = id.slice(id.lastIndexOf(':') + 1)
  return phaseRank(tail)
}

function regionIndex(region: string): number {
  const m = /-(\d+)$/.exec(region)
  return m ? Number(m[1]) : 0
}

/** Longest-path rank over dependencies (Kahn); nodes left in a cycle get one rank past the rest. */
export function dependencyRanks(ids: readonly string[], deps: readonly FlowDep[]): Map<string, number> {
  const indeg = new Map<string, number>()
  const out = new Map<string, string[]>()
  for (const id of ids) indeg.set(id, 0)
  for (const d of deps) {
    indeg.set(d.toId, (indeg.get(d.toId) ?? 0) + 1)
    const list = out.get(d.fromId)
    if (list) list.push(d.toId)
    else out.set(d.fromId, [d.toId])
  }
  const rank = new Map<string, number>()
  const queue: string[] = []
  for (const id of ids) if (indeg.get(id) === 0) queue.push(id)
  for (const id of queue) rank.set(id, 0)
  let max = 0
  for (let qi = 0; qi < queue.length; qi++) {
    const id = queue[qi]!
    const r = rank.get(id)!
    for (const to of out.get(id) ?? []) {
      const nr = Math.max(rank.get(to) ?? 0, r + 1)
      rank.set(to, nr)
      if (nr > max) max = nr
      const left = indeg.get(to)! - 1
      indeg.set(to, left)
      if (left === 0) queue.push(to)
    }
  }
  for (const id of ids) if (!rank.has(id) || indeg.get(id)! > 0) rank.set(id, max + 1)
  return rank
}

export function buildFlowModel(state: FlowState): FlowModel {
  const hierarchy = resolveHierarchy(state)
  const diagnostics = validateFlow(state, hierarchy)
  const { parentOf } = hierarchy

  const nodes = new Map<string, ModelNode>()
  for (const n of state.nodes.values()) {
    const own = normaliseRunStatus(n.status)
    nodes.set(n.id, {
      id: n.id,
      label: n.label || n.id,
      data: n,
      ownStatus: own,
      status: own,
      isGroup: n.family === 'group',
      parentId: parentOf.get(n.id),
      children: [],
      depth: 1,
      rootId: n.id,
      region: n.region || undefined,
      counts: emptyCounts(),
      leafCount: 0,
    })
  }
  for (const n of nodes.values()) {
    if (n.parentId === undefined) continue
    const p = nodes.get(n.parentId)!
    p.children.push(n.id)
    p.isGroup = true
  }

  const deps: FlowDep[] = []
  for (const r of state.rels.values()) {
    if (r.type === 'contains' || r.fromId === r.toId) continue
    if (!nodes.has(r.fromId) || !nodes.has(r.toId)) continue
    deps.push({ fromId: r.fromId, toId: r.toId, type: r.type })
  }

  // Roots in phase order; ties by dependency rank among roots, then arrival order.
  const rootIds = [...nodes.values()].filter((n) => n.parentId === undefined).map((n) => n.id)
  const rootSet = new Set(rootIds)
  const rootRank = dependencyRanks(
    rootIds,
    deps.filter((d) => rootSet.has(d.fromId) && rootSet.has(d.toId)),
  )
  const arrival = new Map(rootIds.map((id, i) => [id, i]))
  const roots = [...rootIds].sort(
    (a, b) =>
      phaseIndex(a) - phaseIndex(b) ||
      rootRank.get(a)! - rootRank.get(b)! ||
      arrival.get(a)! - arrival.get(b)!,
  )

  // Depth-first (iterative: a long chain must not overflow the stack), then rollups bottom-up.
  const order: ModelNode[] = []
  const stack: { id: string; depth: number; root: string }[] = roots
    .slice()
    .reverse()
    .map((id) => ({ id, depth: 1, root: id }))
  while (stack.length) {
    const { id, depth, root } = stack.pop()!
    const n = nodes.get(id)!
    n.depth = depth
    n.rootId = root
    order.push(n)
    for (let i = n.children.length - 1; i >= 0; i--)
      stack.push({ id: n.children[i]!, depth: depth + 1, root })
  }
  let maxGroupDepth = 0
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!
    if (n.children.length === 0) {
      if (!n.isGroup) {
        n.counts[n.status]++
        n.leafCount = 1
      }
      continue
    }
    if (n.depth > maxGroupDepth) maxGroupDepth = n.depth
    const kids = n.children.map((c) => nodes.get(c)!)
    n.status = rollupStatus(kids.map((k) => k.status)) ?? n.ownStatus
    let region: string | undefined | null = null
    for (const k of kids) {
      n.counts.succeeded += k.counts.succeeded
      n.counts.running += k.counts.running
      n.counts.failed += k.counts.failed
      n.counts.pending += k.counts.pending
      n.leafCount += k.leafCount
      if (k.leafCount === 0 && k.isGroup) continue
      region = region === null ? k.region : region === k.region ? region : undefined
    }
    if (!n.region && region) n.region = region
  }

  const firstSeen = new Map<string, number>()
  order.forEach((n, i) => {
    if (n.region && !firstSeen.has(n.region)) firstSeen.set(n.region, i)
  })
  const regions = [...firstSeen.keys()].sort(
    (a, b) => regionIndex(a) - regionIndex(b) || firstSeen.get(a)! - firstSeen.get(b)!,
  )

  const counts = emptyCounts()
  let leafCount = 0
  for (const r of roots) {
    const n = nodes.get(r)!
    counts.succeeded += n.counts.succeeded
    counts.running += n.counts.running
    counts.failed += n.counts.failed
    counts.pending += n.counts.pending
    leafCount += n.leafCount
  }

  let h = FNV_OFFSET
  for (const n of order) {
    h = fnv1a(n.id, h)
    h = fnv1a(`|${n.parentId ?? ''}|${n.isGroup ? 1 : 0}|${n.region ?? ''};`, h)
  }
  for (const d of deps) h = fnv1a(`${d.fromId}>${d.toId};`, h)
  const structureKey = `${order.length}:${deps.length}:${h.toString(16)}`

  // Re-insert in depth-first order so iteration follows the tree everywhere downstream.
  const ordered = new Map(order.map((n) => [n.id, n]))
  return {
    flow: state.flow,
    nodes: ordered,
    roots,
    deps,
    diagnostics,
    maxGroupDepth,
    regions,
    counts,
    leafCount,
    structureKey,
  }
}

/** Ancestors of `id`, nearest first. */
export function ancestorsOf(model: FlowModel, id: string): string[] {
  const out: string[] = []
  let cur = model.nodes.get(id)?.parentId
  while (cur !== undefined) {
    out.push(cur)
    cur = model.nodes.get(cur)?.parentId
  }
  return out
}

/** `id` and every node beneath it, depth-first. */
export function subtreeOf(model: FlowModel, id: string): string[] {
  const out: string[] = []
  const stack = [id]
  while (stack.length) {
    const cur = stack.pop()!
    const n = model.nodes.get(cur)
    if (!n) continue
    out.push(cur)
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!)
  }
  return out
}
