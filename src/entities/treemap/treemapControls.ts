/**
 * The treemap's controls as the URL holds them (layers, size, colour, drill path): parsed with defaults
 * and written back. Apart from the search codec (treemapSearch.ts), which the route table — and so the
 * entry chunk — imports.
 */
import {
  CAPACITY_SIZE_METRICS,
  TREEMAP_DIMENSIONS,
  TREEMAP_COLOR_BY,
  TREEMAP_SIZE_BY,
  type TreemapColorBy,
  type TreemapSizeBy,
} from '../../contracts/treemap.ts'
import type { TreemapSearchParams } from './treemapSearch.ts'

/** The dimensions a layer may group by (the contract's `organization` is not offered yet). */
export const LAYER_DIMENSIONS = TREEMAP_DIMENSIONS.filter(
  (d): d is Exclude<(typeof TREEMAP_DIMENSIONS)[number], 'organization'> => d !== 'organization',
)
export type LayerDimension = (typeof LAYER_DIMENSIONS)[number]

export const MAX_LAYERS = 4
export const DEFAULT_LAYERS: readonly LayerDimension[] = ['cluster', 'namespace']
export const DEFAULT_SIZE: TreemapSizeBy = 'cpu_request'
export const DEFAULT_COLOR: TreemapColorBy = 'utilization'

export interface TreemapControls {
  layers: LayerDimension[]
  size: TreemapSizeBy
  /** The colour metric in effect (capacity size metrics force `utilization`). */
  color: TreemapColorBy
  /** True when `size` is a capacity metric, so colour is locked to utilisation. */
  colorLocked: boolean
  /** Ids from the root to the drilled-into cell; always shorter than `layers`. */
  drill: string[]
}

/** `a,b,c` → valid, distinct dimensions (at most four); the default stack when nothing usable is left. */
export function parseLayers(raw: string | undefined): LayerDimension[] {
  const out: LayerDimension[] = []
  for (const part of (raw ?? '').split(',')) {
    const d = part.trim().toLowerCase() as LayerDimension
    if ((LAYER_DIMENSIONS as readonly string[]).includes(d) && !out.includes(d) && out.length < MAX_LAYERS)
      out.push(d)
  }
  return out.length ? out : [...DEFAULT_LAYERS]
}

/** Path segments joined by `/`; `%` and `/` inside a segment are escaped so any id round-trips. */
export function encodeDrill(path: readonly string[]): string {
  return path.map((s) => s.replace(/%/g, '%25').replace(/\//g, '%2F')).join('/')
}

export function decodeDrill(raw: string | undefined): string[] {
  if (!raw) return []
  return raw
    .split('/')
    .map((s) => s.replace(/%2F/gi, '/').replace(/%25/g, '%'))
    .filter((s) => s !== '')
}

export function isCapacityMetric(size: TreemapSizeBy): boolean {
  return CAPACITY_SIZE_METRICS.includes(size)
}

/** Search params → the controls in effect (invalid values fall back to defaults). */
export function readControls(search: TreemapSearchParams): TreemapControls {
  const layers = parseLayers(search.layers)
  const size = (TREEMAP_SIZE_BY as readonly string[]).includes(search.size ?? '')
    ? (search.size as TreemapSizeBy)
    : DEFAULT_SIZE
  const colorLocked = isCapacityMetric(size)
  const chosen = (TREEMAP_COLOR_BY as readonly string[]).includes(search.color ?? '')
    ? (search.color as TreemapColorBy)
    : DEFAULT_COLOR
  return {
    layers,
    size,
    color: colorLocked ? 'utilization' : chosen,
    colorLocked,
    drill: decodeDrill(search.drill).slice(0, layers.length - 1),
  }
}

/** Controls → search params (the drill path only while it is non-empty). */
export function controlsToSearch(c: {
  layers: readonly LayerDimension[]
  size: TreemapSizeBy
  color: TreemapColorBy
  drill?: readonly string[]
}): TreemapSearchParams {
  return {
    layers: c.layers.join(','),
    size: c.size,
    color: isCapacityMetric(c.size) ? 'utilization' : c.color,
    drill: c.drill && c.drill.length ? encodeDrill(c.drill) : undefined,
  }
}
