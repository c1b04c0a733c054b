/**
 * Squarified, nested treemap layout (d3-hierarchy's `treemapSquarify`) over a plain hierarchy of cells.
 * Pure: data in, positioned rectangles out; no React, no DOM, no app imports.
 *
 *   ┌ region-a ────────────────────┐┌ region-b ─────┐   a parent gets a header strip (`headerPx`) when it
 *   │┌ ns-1 ──────────┐┌ ns-2 ───┐││┌ ns-1 ───────┐│   is tall enough, and `paddingPx` round its children;
 *   ││ app  │ app     ││ app     ││││ app         ││   area = the leaves' `size_value`; labels only where
 *   │└────────────────┘└─────────┘││└─────────────┘│   they fit (`labelMinW` × `labelMinH`).
 *   └──────────────────────────────┘└───────────────┘
 */
import { hierarchy, treemap, treemapSquarify, type HierarchyRectangularNode } from 'd3-hierarchy'

/** One item of the hierarchy (structurally the `TreemapItem` of the wire contract). */
export interface TreemapInputNode {
  id: string | null
  name: string
  count: number
  percentage: number | null
  size_value?: number | undefined
  children: readonly TreemapInputNode[]
}

export interface TreemapLayoutOptions {
  width: number
  height: number
  /** Height of a parent's header strip (its name) in px. */
  headerPx?: number
  /** Gap between siblings and between a parent's border and its children, px. */
  paddingPx?: number
  /** Smallest cell that gets a text label. */
  labelMinW?: number
  labelMinH?: number
  /** Cells thinner than this (either side) are not drawn at all. */
  minCellPx?: number
  /**
   * Smallest share of the total area a leaf gets (0 = strictly proportional). Lets an overview show a
   * cell for every member, even one with nothing to size by yet; `value` still reports the real size.
   */
  minLeafShare?: number
}

export interface TreemapCell {
  /** Unique key (path segments joined by U+001F). */
  key: string
  /** Ids from the data root (including `basePath`), e.g. `['t126-mesh', 'harbor']`. */
  path: readonly string[]
  name: string
  /** 1 = a top-level cell of this layout. */
  depth: number
  x: number
  y: number
  w: number
  h: number
  count: number
  /** Summed size of the cell's leaves (what its area represents, up to `minLeafShare`). */
  value: number
  percentage: number | null
  /** True when the data has no children under this cell. */
  leaf: boolean
  /** True when a parent is drawn with a header strip (its label sits there). */
  header: boolean
  /** True when the cell is large enough for its label. */
  label: boolean
}

export interface TreemapLayout {
  cells: TreemapCell[]
  /** Data cells with no area (zero size) — not drawn. */
  zeroCount: number
  /** Cells with area that are too small to draw. */
  tooSmallCount: number
  totalValue: number
}

export const TREEMAP_DEFAULTS = {
  headerPx: 22,
  paddingPx: 2,
  labelMinW: 50,
  labelMinH: 24,
  minCellPx: 1,
  minLeafShare: 0,
} as const

/** Segment of a cell's path: its id, or its name when the backend sent no id. */
export function segmentOf(item: TreemapInputNode): string {
  return item.id ?? item.name
}

const SEP = '\u001f'

interface Datum {
  item: TreemapInputNode | null
  path: readonly string[]
  children: Datum[]
  /** Summed size of the leaves under (or of) this item. */
  raw: number
}

const sizeOf = (item: TreemapInputNode) => Math.max(0, Number(item.size_value) || 0)

function toDatum(item: TreemapInputNode, parentPath: readonly string[]): Datum {
  const path = [...parentPath, segmentOf(item)]
  const children = item.children.map((c) => toDatum(c, path))
  const raw = children.length ? children.reduce((s, c) => s + c.raw, 0) : sizeOf(item)
  return { item, path, children, raw }
}

/** Lays out `items` (the children of the current drill level) inside `width` × `height`. */
export function layoutTreemap(
  items: readonly TreemapInputNode[],
  basePath: readonly string[],
  options: TreemapLayoutOptions,
): TreemapLayout {
  const o = { ...TREEMAP_DEFAULTS, ...options }
  const width = Math.max(0, o.width)
  const height = Math.max(0, o.height)
  const children = items.map((i) => toDatum(i, basePath))
  const rootDatum: Datum = {
    item: null,
    path: basePath,
    children,
    raw: children.reduce((s, c) => s + c.raw, 0),
  }
  const floor = o.minLeafShare > 0 ? Math.max(rootDatum.raw, 1) * o.minLeafShare : 0
  const root = hierarchy(rootDatum, (d) => (d.children.length ? d.children : undefined))
    .sum((d) => (d.children.length || !d.item ? 0 : Math.max(d.raw, floor)))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.data.item!.name.localeCompare(b.data.item!.name))
  const hasHeader = (n: { depth: number; y0: number; y1: number }) =>
    n.depth > 0 && n.y1 - n.y0 >= o.headerPx + 2 * o.paddingPx + 8
  const tile = treemap<Datum>()
    .tile(treemapSquarify)
    .size([width, height])
    .paddingInner(o.paddingPx)
    .paddingTop((n) => (n.depth === 0 ? 0 : hasHeader(n) ? o.headerPx : o.paddingPx))
    .paddingRight((n) => (n.depth === 0 ? 0 : o.paddingPx))
    .paddingBottom((n) => (n.depth === 0 ? 0 : o.paddingPx))
    .paddingLeft((n) => (n.depth === 0 ? 0 : o.paddingPx))
  const laid = tile(root)
  const cells: TreemapCell[] = []
  let zeroCount = 0
  let tooSmallCount = 0
  const visit = (n: HierarchyRectangularNode<Datum>) => {
    const item = n.data.item!
    const w = n.x1 - n.x0
    const h = n.y1 - n.y0
    if (!n.value) {
      // Nothing to size by: the whole subtree is absent from the picture.
      zeroCount += n.descendants().length
      return
    }
    if (w < o.minCellPx || h < o.minCellPx) {
      tooSmallCount += n.descendants().length
      return
    }
    const leaf = item.children.length === 0
    const header = !leaf && hasHeader(n)
    cells.push({
      key: n.data.path.join(SEP),
      path: n.data.path,
      name: item.name,
      depth: n.depth,
      x: n.x0,
      y: n.y0,
      w,
      h,
      count: item.count,
      value: n.data.raw,
      percentage: item.percentage,
      leaf,
      header,
      label: leaf ? w >= o.labelMinW && h >= o.labelMinH : header && w >= o.labelMinW,
    })
    for (const c of n.children ?? []) visit(c)
  }
  for (const c of laid.children ?? []) visit(c)
  return { cells, zeroCount, tooSmallCount, totalValue: rootDatum.raw }
}
