/**
 * The flow world: phase columns left to right, region lanes top to bottom, one cell per (column, lane),
 * sized for every job it can ever show — so folding and unfolding never move anything.
 *
 *            Provision      Bootstrap                 Cutover      Handover   Apps
 *          ┌────────────┬─────────────────────────┬────────────┬──────────┬───────┐
 *  global  │ tofu → …   │                         │            │ dns → …  │       │
 *  fsn1    │            │ cilium → cert-mgr → …   │ cutover …  │          │  (◯)  │  ← span nodes sit
 *  nbg1-1  │            │ cilium → cert-mgr → …   │ cutover    │          │       │    mid-height
 *          └────────────┴─────────────────────────┴────────────┴──────────┴───────┘
 *
 * Only jobs (and childless groups) are simulated; a folded bubble is drawn at the centroid of its jobs
 * (a phase bubble at its column's centre, mid-height, so depth 1 reads as one row of five phases).
 * Cell capacity is rounded up to a coarse step so a live run that adds jobs rarely resizes a cell; when
 * one does, existing nodes move rigidly with their cell and only new nodes are simulated.
 */
import type { LayoutInput, LayoutNodeInput, ForceLayoutConfig } from './forceLayout.ts'
import { DEFAULT_FORCE_CONFIG } from './forceLayout.ts'
import { hashUnit } from './hash.ts'
import { dependencyRanks, type FlowModel, type ModelNode } from './model.ts'

export interface Point {
  x: number
  y: number
}

export interface FlowLayoutConfig {
  leafRadiusPx: number
  slotWidthPx: number
  slotHeightPx: number
  cellPaddingXPx: number
  cellPaddingYPx: number
  columnGapPx: number
  laneGapPx: number
  /** Room above the first lane for the phase headers. */
  headerHeightPx: number
  minColumnWidthPx: number
  minLaneHeightPx: number
  /** Ticks when new nodes join an existing layout (the rest stay fixed). */
  warmTicks: number
  force: ForceLayoutConfig
}

export const DEFAULT_LAYOUT_CONFIG: FlowLayoutConfig = {
  leafRadiusPx: 13,
  // A slot holds one job and its label (~16 characters at 11 px) below it.
  slotWidthPx: 124,
  slotHeightPx: 66,
  cellPaddingXPx: 34,
  cellPaddingYPx: 30,
  columnGapPx: 48,
  laneGapPx: 14,
  headerHeightPx: 46,
  minColumnWidthPx: 190,
  // Fits the largest folded bubble and its two label lines.
  minLaneHeightPx: 150,
  warmTicks: 90,
  force: DEFAULT_FORCE_CONFIG,
}

export const GLOBAL_LANE = '__global'
const SPAN = '__span'
const UNGROUPED = '__ungrouped'

export interface ColumnBand {
  key: string
  label: string
  x0: number
  x1: number
}

export interface LaneBand {
  key: string
  label: string
  /** Index among region lanes (tint), -1 for the deployment-wide lane. */
  regionIndex: number
  y0: number
  y1: number
}

export interface Cell {
  column: string
  lane: string
  x0: number
  x1: number
  y0: number
  y1: number
  capacity: number
  rows: number
  cols: number
}

export interface FlowGeometry {
  columns: ColumnBand[]
  lanes: LaneBand[]
  width: number
  height: number
  /** Cell per simulated node id (span nodes: their column, full height). */
  cellOf: Map<string, Cell>
  cells: Map<string, Cell>
  /** Vertical centre of the lanes: where span nodes and phase bubbles sit. */
  midY: number
}

/**
 * Radius of a drawn node: jobs are fixed size; a folded bubble grows with the square root of what it
 * hides (area ∝ jobs, capped), so a 44-job region reads bigger than a 1-job group but still fits the
 * smallest lane with its two label lines.
 */
export function nodeRadius(kind: 'group' | 'job', hiddenCount: number, cfg = DEFAULT_LAYOUT_CONFIG): number {
  if (kind === 'job') return cfg.leafRadiusPx
  return Math.min(56, 20 + 5.5 * Math.sqrt(hiddenCount))
}

/** Jobs and childless groups: what the simulation positions. */
export function isSimulated(n: ModelNode): boolean {
  return n.children.length === 0
}

function columnKeyOf(model: FlowModel, n: ModelNode): string {
  const root = model.nodes.get(n.rootId)!
  return root.isGroup ? root.id : UNGROUPED
}

function laneKeyOf(n: ModelNode): string {
  if (n.region) return n.region
  return n.parentId === undefined && n.isGroup ? SPAN : GLOBAL_LANE
}

const CAPACITY_STEPS = [1, 2, 4, 6, 9, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512]

/** Room reserved for `n` jobs: a coarse step, so a cell filling up job by job rarely resizes. */
export function cellCapacity(n: number): number {
  for (const s of CAPACITY_STEPS) if (n <= s) return s
  return Math.ceil(n / 256) * 256
}

function gridOf(capacity: number): { rows: number; cols: number } {
  // A little wider than tall: dependency order runs left to right.
  const cols = Math.max(1, Math.ceil(Math.sqrt(capacity * 1.25)))
  return { cols, rows: Math.max(1, Math.ceil(capacity / cols)) }
}

export function computeGeometry(model: FlowModel, cfg = DEFAULT_LAYOUT_CONFIG): FlowGeometry {
  const columnKeys: string[] = []
  for (const r of model.roots) {
    const key = model.nodes.get(r)!.isGroup ? r : UNGROUPED
    if (!columnKeys.includes(key)) columnKeys.push(key)
  }
  const counts = new Map<string, number>()
  let hasGlobal = false
  for (const n of model.nodes.values()) {
    if (!isSimulated(n)) continue
    const lane = laneKeyOf(n)
    if (lane === SPAN) continue
    if (lane === GLOBAL_LANE) hasGlobal = true
    const k = `${columnKeyOf(model, n)}\u0000${lane}`
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  const laneKeys = [...(hasGlobal ? [GLOBAL_LANE] : []), ...model.regions]
  if (laneKeys.length === 0) laneKeys.push(GLOBAL_LANE)

  const colWidth = new Map<string, number>(columnKeys.map((c) => [c, cfg.minColumnWidthPx]))
  const laneHeight = new Map<string, number>(laneKeys.map((l) => [l, cfg.minLaneHeightPx]))
  const grids = new Map<string, { rows: number; cols: number; capacity: number }>()
  for (const [k, count] of counts) {
    const [col, lane] = k.split('\u0000') as [string, string]
    const capacity = cellCapacity(count)
    const g = gridOf(capacity)
    grids.set(k, { ...g, capacity })
    colWidth.set(col, Math.max(colWidth.get(col) ?? 0, g.cols * cfg.slotWidthPx + 2 * cfg.cellPaddingXPx))
    laneHeight.set(
      lane,
      Math.max(laneHeight.get(lane) ?? 0, g.rows * cfg.slotHeightPx + 2 * cfg.cellPaddingYPx),
    )
  }

  const columns: ColumnBand[] = []
  let x = 0
  for (const key of columnKeys) {
    const w = colWidth.get(key)!
    columns.push({ key, label: key === UNGROUPED ? 'Jobs' : model.nodes.get(key)!.label, x0: x, x1: x + w })
    x += w + cfg.columnGapPx
  }
  const width = Math.max(0, x - cfg.columnGapPx)
  const lanes: LaneBand[] = []
  let y = cfg.headerHeightPx
  for (const key of laneKeys) {
    const h = laneHeight.get(key)!
    lanes.push({
      key,
      label: key === GLOBAL_LANE ? 'Deployment-wide' : key,
      regionIndex: key === GLOBAL_LANE ? -1 : model.regions.indexOf(key),
      y0: y,
      y1: y + h,
    })
    y += h + cfg.laneGapPx
  }
  const height = y - cfg.laneGapPx
  const top = lanes[0]!.y0
  const bottom = lanes[lanes.length - 1]!.y1
  const midY = (top + bottom) / 2

  const cells = new Map<string, Cell>()
  const colBand = new Map(columns.map((c) => [c.key, c]))
  const laneBand = new Map(lanes.map((l) => [l.key, l]))
  const cellFor = (col: string, lane: string): Cell => {
    const k = `${col}\u0000${lane}`
    let c = cells.get(k)
    if (c) return c
    const cb = colBand.get(col)!
    const g = grids.get(k) ?? { rows: 1, cols: 1, capacity: 1 }
    if (lane === SPAN) {
      c = { column: col, lane, x0: cb.x0, x1: cb.x1, y0: top, y1: bottom, ...g }
    } else {
      const lb = laneBand.get(lane)!
      c = { column: col, lane, x0: cb.x0, x1: cb.x1, y0: lb.y0, y1: lb.y1, ...g }
    }
    cells.set(k, c)
    return c
  }
  const cellOf = new Map<string, Cell>()
  for (const n of model.nodes.values()) {
    if (!isSimulated(n)) continue
    cellOf.set(n.id, cellFor(columnKeyOf(model, n), laneKeyOf(n)))
  }
  return { columns, lanes, width, height, cellOf, cells, midY }
}

/** Slot centres of a cell's nodes: sorted by dependency rank, filled column by column. */
function slotsOf(model: FlowModel, geometry: FlowGeometry, cfg: FlowLayoutConfig): Map<string, Point> {
  const byCell = new Map<Cell, ModelNode[]>()
  for (const [id, cell] of geometry.cellOf) {
    const list = byCell.get(cell)
    const n = model.nodes.get(id)!
    if (list) list.push(n)
    else byCell.set(cell, [n])
  }
  const rank = dependencyRanks([...model.nodes.keys()], model.deps)
  const out = new Map<string, Point>()
  for (const [cell, list] of byCell) {
    list.sort((a, b) => rank.get(a.id)! - rank.get(b.id)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const rows = Math.min(cell.rows, list.length)
    const cols = Math.ceil(list.length / rows)
    const cx = (cell.x0 + cell.x1) / 2
    const cy = (cell.y0 + cell.y1) / 2
    list.forEach((n, i) => {
      const c = Math.floor(i / rows)
      const r = i % rows
      out.set(n.id, {
        x: cx + (c - (cols - 1) / 2) * cfg.slotWidthPx,
        // Odd columns shift half a row so labels of neighbours do not line up into one long string.
        y: cy + (r - (rows - 1) / 2) * cfg.slotHeightPx + (c % 2 ? cfg.slotHeightPx * 0.18 : 0),
      })
    })
  }
  return out
}

export interface PreviousLayout {
  positions: ReadonlyMap<string, Point>
  geometry: FlowGeometry
}

/**
 * Input for `forceLayout`. Cold (no previous layout): every node starts on its slot. Warm: nodes laid out
 * before keep their place (moved rigidly if their cell moved) and are fixed; new nodes start next to
 * their group's existing jobs and settle around their slots.
 */
export function buildLayoutInput(
  model: FlowModel,
  geometry: FlowGeometry,
  previous: PreviousLayout | undefined,
  cfg = DEFAULT_LAYOUT_CONFIG,
): { input: LayoutInput; ids: string[] } {
  const slots = slotsOf(model, geometry, cfg)
  const ids = [...geometry.cellOf.keys()]
  const index = new Map(ids.map((id, i) => [id, i]))
  const prevCells = previous?.geometry.cellOf
  const prevPos = previous?.positions
  // Where each group's already-placed jobs are: the spot a newcomer starts from.
  const groupAnchor = new Map<string, { x: number; y: number; n: number }>()
  const shifted = new Map<string, Point>()
  if (prevPos && prevCells) {
    for (const id of ids) {
      const p = prevPos.get(id)
      const before = prevCells.get(id)
      const now = geometry.cellOf.get(id)!
      if (!p || !before || before.column !== now.column || before.lane !== now.lane) continue
      const q = { x: p.x + (now.x0 - before.x0), y: p.y + (now.y0 - before.y0) }
      shifted.set(id, q)
      const parent = model.nodes.get(id)!.parentId
      if (parent === undefined) continue
      const a = groupAnchor.get(parent) ?? { x: 0, y: 0, n: 0 }
      a.x += q.x
      a.y += q.y
      a.n++
      groupAnchor.set(parent, a)
    }
  }
  const nodes: LayoutNodeInput[] = ids.map((id) => {
    const n = model.nodes.get(id)!
    const cell = geometry.cellOf.get(id)!
    const slot = slots.get(id)!
    const r = nodeRadius(n.isGroup ? 'group' : 'job', 0, cfg)
    const box = { x0: cell.x0, x1: cell.x1, y0: cell.y0, y1: cell.y1 }
    // An empty phase sits exactly where its bubble would: column centre, mid-height.
    if (cell.lane === SPAN)
      return { id, x: slot.x, y: slot.y, tx: slot.x, ty: slot.y, r, fixed: true, ...box }
    const kept = shifted.get(id)
    if (kept) return { id, x: kept.x, y: kept.y, tx: slot.x, ty: slot.y, r, fixed: true, ...box }
    // Deterministic jitter (±4 px) so coincident starts separate the same way every run.
    const jx = (hashUnit(`${id}#x`) - 0.5) * 8
    const jy = (hashUnit(`${id}#y`) - 0.5) * 8
    const anchor = n.parentId !== undefined ? groupAnchor.get(n.parentId) : undefined
    const start = anchor ? { x: anchor.x / anchor.n, y: anchor.y / anchor.n } : slot
    return { id, x: start.x + jx, y: start.y + jy, tx: slot.x, ty: slot.y, r, fixed: false, ...box }
  })
  const links: [number, number][] = []
  for (const d of model.deps) {
    const a = index.get(d.fromId)
    const b = index.get(d.toId)
    if (a !== undefined && b !== undefined) links.push([a, b])
  }
  const warm = shifted.size > 0
  return {
    input: { nodes, links, config: { ...cfg.force, ticks: warm ? cfg.warmTicks : cfg.force.ticks } },
    ids,
  }
}

/**
 * Positions of groups: a phase (root) at its column's centre, mid-height; any other group at the
 * centroid of its jobs. Returns a new map with the simulated positions plus the groups.
 */
export function placeGroups(
  model: FlowModel,
  geometry: FlowGeometry,
  simulated: ReadonlyMap<string, Point>,
): Map<string, Point> {
  const out = new Map<string, Point>(simulated)
  const columnCentre = new Map(geometry.columns.map((c) => [c.key, (c.x0 + c.x1) / 2]))
  const order = [...model.nodes.values()]
  const sums = new Map<string, { x: number; y: number; n: number }>()
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!
    if (n.children.length === 0) continue
    const s = { x: 0, y: 0, n: 0 }
    for (const c of n.children) {
      const child = model.nodes.get(c)!
      if (child.children.length === 0) {
        const p = simulated.get(c)
        if (p) {
          s.x += p.x
          s.y += p.y
          s.n++
        }
      } else {
        const cs = sums.get(c)
        if (cs) {
          s.x += cs.x
          s.y += cs.y
          s.n += cs.n
        }
      }
    }
    sums.set(n.id, s)
    if (n.parentId === undefined) {
      out.set(n.id, { x: columnCentre.get(n.id) ?? (s.n ? s.x / s.n : 0), y: geometry.midY })
    } else if (s.n > 0) out.set(n.id, { x: s.x / s.n, y: s.y / s.n })
  }
  return out
}
