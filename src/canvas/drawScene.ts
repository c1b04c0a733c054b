/**
 * The scene in the shape the renderer wants: parallel typed arrays (no per-frame object walks), a spatial
 * grid for culling and hit testing, and highlight flags that are rewritten in place when the selection,
 * hover or search changes (no rebuild). Built once per (scene, positions) change.
 */
import type { Bounds } from '../graph/camera.ts'
import type { FlowGeometry, Point } from '../graph/flowLayout.ts'
import { nodeRadius } from '../graph/flowLayout.ts'
import { SpatialGrid } from '../graph/spatialIndex.ts'
import type { FlowScene } from '../graph/visibility.ts'
import { STATUS_ORDER, type StatusIndex } from './flowTheme.ts'

export const NODE_SELECTED = 1
export const NODE_NEIGHBOUR = 2
export const NODE_MATCH = 4
export const NODE_DIMMED = 8

export const EDGE_LIFTED = 1
export const EDGE_CROSS = 2
export const EDGE_HIGHLIGHT = 4
export const EDGE_DIMMED = 8

export const KIND_JOB = 0
export const KIND_FOLDED = 1
export const KIND_GROUP = 2

export interface DrawScene {
  count: number
  ids: string[]
  index: Map<string, number>
  xs: Float64Array
  ys: Float64Array
  rs: Float64Array
  status: Uint8Array
  kind: Uint8Array
  hidden: Int32Array
  /** Leaf counts per node by STATUS_ORDER (4 per node), for bubble rings. */
  counts: Int32Array
  labels: string[]
  flags: Uint8Array
  edgeCount: number
  edgeFrom: Int32Array
  edgeTo: Int32Array
  edgeFlags: Uint8Array
  edgeWeight: Int32Array
  grid: SpatialGrid
  /** Bounds of the drawn nodes (Fit), undefined when empty. */
  bounds: Bounds | undefined
  geometry: FlowGeometry
  /** Scratch buffer for culling queries (sized once, reused every frame). */
  visible: Int32Array
  /** Per-node label cache: truncated text and the character budget it was cut for. */
  labelCache: string[]
  labelCacheChars: Int16Array
  /** Adjacency over drawn edges (for neighbour highlighting), CSR. */
  adjStart: Int32Array
  adjNodes: Int32Array
  adjEdges: Int32Array
}

/** Canvas label: `install-` and the `<region>:` prefix add nothing inside a region lane. */
export function shortLabel(label: string, region: string | undefined): string {
  let s = label.startsWith('install-') ? label.slice('install-'.length) : label
  if (region && s.startsWith(`${region}:`)) s = s.slice(region.length + 1)
  return s
}

export function buildDrawScene(
  scene: FlowScene,
  positions: ReadonlyMap<string, Point>,
  geometry: FlowGeometry,
): DrawScene {
  const placed = scene.nodes.filter((n) => positions.has(n.id))
  const count = placed.length
  const ids = placed.map((n) => n.id)
  const index = new Map(ids.map((id, i) => [id, i]))
  const xs = new Float64Array(count)
  const ys = new Float64Array(count)
  const rs = new Float64Array(count)
  const status = new Uint8Array(count)
  const kind = new Uint8Array(count)
  const hidden = new Int32Array(count)
  const counts = new Int32Array(count * 4)
  const labels: string[] = []
  placed.forEach((n, i) => {
    const p = positions.get(n.id)!
    xs[i] = p.x
    ys[i] = p.y
    rs[i] = nodeRadius(n.kind, n.hiddenCount)
    status[i] = STATUS_ORDER.indexOf(n.status) as StatusIndex
    kind[i] = n.kind === 'job' ? KIND_JOB : n.folded ? KIND_FOLDED : KIND_GROUP
    hidden[i] = n.hiddenCount
    counts[i * 4] = n.counts.failed
    counts[i * 4 + 1] = n.counts.running
    counts[i * 4 + 2] = n.counts.pending
    counts[i * 4 + 3] = n.counts.succeeded
    labels.push(n.kind === 'job' ? shortLabel(n.label, n.region) : n.label)
  })
  const edges = scene.edges.filter((e) => index.has(e.fromId) && index.has(e.toId))
  const edgeCount = edges.length
  const edgeFrom = new Int32Array(edgeCount)
  const edgeTo = new Int32Array(edgeCount)
  const edgeFlags = new Uint8Array(edgeCount)
  const edgeWeight = new Int32Array(edgeCount)
  const degree = new Int32Array(count + 1)
  edges.forEach((e, i) => {
    edgeFrom[i] = index.get(e.fromId)!
    edgeTo[i] = index.get(e.toId)!
    edgeFlags[i] = (e.lifted ? EDGE_LIFTED : 0) | (e.crossRegion ? EDGE_CROSS : 0)
    edgeWeight[i] = e.count
    degree[edgeFrom[i]! + 1]!++
    degree[edgeTo[i]! + 1]!++
  })
  for (let i = 1; i <= count; i++) degree[i]! += degree[i - 1]!
  const adjNodes = new Int32Array(edgeCount * 2)
  const adjEdges = new Int32Array(edgeCount * 2)
  const fill = degree.slice(0, count)
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeFrom[e]!
    const b = edgeTo[e]!
    adjNodes[fill[a]!] = b
    adjEdges[fill[a]!++] = e
    adjNodes[fill[b]!] = a
    adjEdges[fill[b]!++] = e
  }
  let bounds: Bounds | undefined
  for (let i = 0; i < count; i++) {
    const r = rs[i]!
    if (!bounds) bounds = { x0: xs[i]! - r, y0: ys[i]! - r, x1: xs[i]! + r, y1: ys[i]! + r }
    else {
      bounds.x0 = Math.min(bounds.x0, xs[i]! - r)
      bounds.y0 = Math.min(bounds.y0, ys[i]! - r)
      bounds.x1 = Math.max(bounds.x1, xs[i]! + r)
      bounds.y1 = Math.max(bounds.y1, ys[i]! + r)
    }
  }
  return {
    count,
    ids,
    index,
    xs,
    ys,
    rs,
    status,
    kind,
    hidden,
    counts,
    labels,
    flags: new Uint8Array(count),
    edgeCount,
    edgeFrom,
    edgeTo,
    edgeFlags,
    edgeWeight,
    grid: new SpatialGrid(xs, ys, rs, count),
    bounds,
    geometry,
    visible: new Int32Array(count),
    labelCache: new Array<string>(count).fill(''),
    labelCacheChars: new Int16Array(count).fill(-1),
    adjStart: degree,
    adjNodes,
    adjEdges,
  }
}

export interface HighlightInput {
  selected: number
  /** Search matches (drawn indices); empty = no search. */
  matches: ReadonlySet<number>
  searching: boolean
}

/**
 * Rewrites node/edge flags in place: the selection and its neighbours (over drawn edges) stand out and
 * everything else is dimmed (opaque); an active search dims everything but the matches.
 */
export function applyHighlight(ds: DrawScene, h: HighlightInput): void {
  ds.flags.fill(0)
  for (let e = 0; e < ds.edgeCount; e++) ds.edgeFlags[e]! &= EDGE_LIFTED | EDGE_CROSS
  const anySel = h.selected >= 0 && h.selected < ds.count
  if (!anySel && !h.searching) return
  for (let i = 0; i < ds.count; i++) ds.flags[i] = NODE_DIMMED
  for (let e = 0; e < ds.edgeCount; e++) ds.edgeFlags[e]! |= EDGE_DIMMED
  for (const m of h.matches) if (m >= 0 && m < ds.count) ds.flags[m] = NODE_MATCH
  if (anySel) {
    const s = h.selected
    ds.flags[s] = (ds.flags[s]! & NODE_MATCH) | NODE_SELECTED
    for (let k = ds.adjStart[s]!; k < ds.adjStart[s + 1]!; k++) {
      const other = ds.adjNodes[k]!
      const e = ds.adjEdges[k]!
      if (!(ds.flags[other]! & NODE_SELECTED))
        ds.flags[other] = (ds.flags[other]! & NODE_MATCH) | NODE_NEIGHBOUR
      ds.edgeFlags[e] = (ds.edgeFlags[e]! & (EDGE_LIFTED | EDGE_CROSS)) | EDGE_HIGHLIGHT
    }
  }
}
