/**
 * The treemap's vocabulary and pure helpers: dimension/metric labels, which dimensions a layer may use,
 * walking the drill path through the response tree, and the readable values and accessible names of
 * cells.
 */
import type { TreemapColorBy, TreemapItem, TreemapSizeBy } from '../../contracts/treemap.ts'
import { segmentOf } from '../../graph/treemapLayout.ts'
import { LAYER_DIMENSIONS, MAX_LAYERS, type LayerDimension } from '../../entities/treemap/treemapControls.ts'

export const DIMENSION_LABELS: Record<LayerDimension, string> = {
  sovereign: 'Sovereign',
  region: 'Region',
  cluster: 'Cluster',
  vcluster: 'vCluster',
  family: 'Family',
  namespace: 'Namespace',
  application: 'Application',
}

export const SIZE_LABELS: Record<TreemapSizeBy, string> = {
  cpu_request: 'CPU request',
  memory_request: 'Memory request',
  cpu_usage: 'CPU usage',
  memory_usage: 'Memory usage',
  cpu_limit: 'CPU limit',
  memory_limit: 'Memory limit',
  storage_limit: 'Storage limit',
  replica_count: 'Replica count',
}

export const COLOR_LABELS: Record<TreemapColorBy, string> = {
  utilization: 'Utilisation',
  health: 'Health',
  age: 'Age',
}

/** What the colour of each metric means (legend captions). */
export const COLOR_EXPLANATIONS: Record<TreemapColorBy, string> = {
  utilization: 'usage ÷ request (limits when no requests)',
  health: 'ready pods ÷ all pods',
  age: 'age of the oldest pod (30 days = full scale)',
}

/** Dimensions offered by the select of layer `index`: its own plus any not used by another layer. */
export function availableDimensions(layers: readonly LayerDimension[], index: number): LayerDimension[] {
  return LAYER_DIMENSIONS.filter((d) => layers[index] === d || !layers.some((l, i) => i !== index && l === d))
}

/** Appends the first unused dimension (no-op at four layers). */
export function addLayer(layers: readonly LayerDimension[]): LayerDimension[] {
  if (layers.length >= MAX_LAYERS) return [...layers]
  const next = LAYER_DIMENSIONS.find((d) => !layers.includes(d))
  return next ? [...layers, next] : [...layers]
}

/** Drops the last layer (never below one). */
export function removeLayer(layers: readonly LayerDimension[]): LayerDimension[] {
  return layers.length > 1 ? layers.slice(0, -1) : [...layers]
}

/** Sets layer `index` to `dim`; a dimension used by another layer swaps places with it. */
export function setLayer(
  layers: readonly LayerDimension[],
  index: number,
  dim: LayerDimension,
): LayerDimension[] {
  const out = [...layers]
  const other = out.indexOf(dim)
  if (other >= 0 && other !== index) out[other] = out[index]!
  out[index] = dim
  return out
}

/**
 * The dimension a cell was grouped by: cell depth 1 at drill depth 0 is layer 1; after drilling twice,
 * a depth-1 cell is layer 3 (regression 41).
 */
export function cellDimension(
  layers: readonly LayerDimension[],
  drillDepth: number,
  cellDepth: number,
): LayerDimension | undefined {
  return layers[drillDepth + cellDepth - 1]
}

export interface DrillStep {
  id: string
  name: string
  dimension: LayerDimension | undefined
}

export interface ResolvedDrill {
  /** The cells to lay out (children of the deepest resolved step). */
  items: readonly TreemapItem[]
  /** The resolved steps (breadcrumb). */
  trail: DrillStep[]
  /** Ids of the resolved path. */
  path: string[]
  /** True when part of the requested path no longer exists (the trail stops before it). */
  missing: boolean
}

/** Walks `drill` through the response tree, as far as it resolves. */
export function resolveDrill(
  items: readonly TreemapItem[],
  drill: readonly string[],
  layers: readonly LayerDimension[],
): ResolvedDrill {
  let level = items
  const trail: DrillStep[] = []
  for (const id of drill) {
    const hit = level.find((i) => segmentOf(i) === id)
    if (!hit || hit.children.length === 0)
      return { items: level, trail, path: trail.map((t) => t.id), missing: true }
    trail.push({ id, name: hit.name, dimension: layers[trail.length] })
    level = hit.children
  }
  return { items: level, trail, path: trail.map((t) => t.id), missing: false }
}

const trimNum = (v: number, digits: number) => {
  const s = v.toFixed(digits)
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s
}

/** Bytes → `512 MiB`, `3.5 GiB`, `1.2 TiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']
  let v = Math.max(0, bytes)
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${trimNum(v, v >= 100 || u === 0 ? 0 : 1)} ${units[u]}`
}

/** A cell's size in its metric's unit: `3.5 cores CPU request`, `1.2 GiB memory limit`, `12 ready replicas`. */
export function formatSize(size: TreemapSizeBy, value: number): string {
  if (size === 'replica_count') {
    const n = Math.round(value)
    return `${n} ready ${n === 1 ? 'replica' : 'replicas'}`
  }
  const label = SIZE_LABELS[size]
  const metric = label.charAt(0) === 'C' ? label : label.charAt(0).toLowerCase() + label.slice(1)
  if (size.startsWith('cpu')) {
    const cores = trimNum(value, value >= 10 ? 1 : 2)
    return `${cores} ${cores === '1' ? 'core' : 'cores'} ${metric}`
  }
  return `${formatBytes(value)} ${metric}`
}

/** Just the value of a size (`3.5 cores`, `1.2 GiB`, `12`), for compact places. */
export function formatSizeValue(size: TreemapSizeBy, value: number): string {
  if (size === 'replica_count') return String(Math.round(value))
  if (size.startsWith('cpu')) {
    const cores = trimNum(value, value >= 10 ? 1 : 2)
    return `${cores} ${cores === '1' ? 'core' : 'cores'}`
  }
  return formatBytes(value)
}

/** A cell's colour value: `utilisation 64%`, `health 92%`, `age 12 days`, `utilisation no data`. */
export function formatColor(color: TreemapColorBy, pct: number | null): string {
  const label = COLOR_LABELS[color].toLowerCase()
  if (pct === null || !Number.isFinite(pct)) return `${label} no data`
  if (color === 'age') {
    if (pct >= 100) return 'age 30+ days'
    const days = Math.round((pct * 30) / 100)
    return `age ${days} ${days === 1 ? 'day' : 'days'}`
  }
  return `${label} ${Math.round(pct)}%`
}

export function formatCount(count: number): string {
  return `${count} ${count === 1 ? 'pod' : 'pods'}`
}

/** The accessible name of a cell: `harbor: 12 pods, 3.5 cores CPU request, utilisation 64%`. */
export function cellLabel(
  cell: { name: string; count: number; value: number; percentage: number | null },
  size: TreemapSizeBy,
  color: TreemapColorBy,
): string {
  return `${cell.name}: ${formatCount(cell.count)}, ${formatSize(size, cell.value)}, ${formatColor(color, cell.percentage)}`
}
