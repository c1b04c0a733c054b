/**
 * Draws the flow scene on a 2-D canvas. Plain function: (context, scene, camera, theme, options) → pixels;
 * no React, no state kept between calls except the scene's own caches.
 *
 * Cost control (issue 8: ≥ 55 fps panning 2,000 nodes):
 *   - culling: only nodes the spatial grid returns for the viewport, only edges whose box meets it;
 *   - batching: one path per colour (4 statuses × normal/dimmed), not one fill per node;
 *   - level of detail: glyphs, arrowheads and labels appear only when they would be legible;
 *   - no allocation per frame beyond what the 2-D API itself does (scratch buffers live on the scene).
 *
 * Layers, back to front: lane tints, column headers, edges, job discs, group bubbles (status ring +
 * count), selection / neighbour / match rings, labels, lane labels.
 */
import type { Camera } from '../graph/camera.ts'
import {
  EDGE_CROSS,
  EDGE_DIMMED,
  EDGE_HIGHLIGHT,
  EDGE_LIFTED,
  KIND_FOLDED,
  KIND_GROUP,
  KIND_JOB,
  NODE_DIMMED,
  NODE_MATCH,
  NODE_NEIGHBOUR,
  NODE_SELECTED,
  type DrawScene,
} from './drawScene.ts'
import type { FlowTheme } from './flowTheme.ts'

export interface DrawOptions {
  /** Backing-store pixels per CSS pixel. */
  ratio: number
  width: number
  height: number
  /** Hovered node index, -1 for none. */
  hover: number
  /** The canvas has keyboard focus: ring the selection as the focus indicator. */
  focused: boolean
  /** Label slot width in world px (labels are cut to fit it). */
  slotWidthPx: number
}

export interface DrawStats {
  nodes: number
  edges: number
  labels: number
}

const stats: DrawStats = { nodes: 0, edges: 0, labels: 0 }
const dash: number[] = [0, 0]
const noDash: number[] = []

/** Screen size at which each detail appears. */
const GLYPH_MIN_RADIUS_PX = 7
const ARROW_MIN_ZOOM = 0.42
const LABEL_MIN_RADIUS_PX = 6.5
const LABEL_CHAR_PX = 6.3
/** Lane tints reach this far (world px) beyond the first and last column. */
export const LANE_MARGIN_PX = 24
const FAINT_EDGES_BELOW_ZOOM = 0.22
/**
 * With this many edges, ordinary edges are stroked one device pixel wide: a software rasteriser (Skia's
 * hairline path) draws those ~15× faster than any wider stroke — measured 13 ms vs 210 ms for 5,000
 * lines — and at these densities 1 px against 1.2 px is not visible. Highlighted edges keep their width.
 */
const HAIRLINE_MIN_EDGES = 400

/** A header cut to a narrow column (rare: only when zoomed far out). */
function labelForWidth(label: string, px: number): string {
  const chars = Math.max(1, Math.floor(px / 7.5))
  return label.length <= chars ? label : `${label.slice(0, chars)}…`
}

function ring(
  ctx: CanvasRenderingContext2D,
  ds: DrawScene,
  k: number,
  i: number,
  gap: number,
  width: number,
  colour: string,
  dashed: boolean,
): void {
  ctx.beginPath()
  ctx.arc(ds.xs[i]!, ds.ys[i]!, ds.rs[i]! + gap / k, 0, Math.PI * 2)
  ctx.lineWidth = width / k
  ctx.strokeStyle = colour
  if (dashed) {
    dash[0] = 4 / k
    dash[1] = 3 / k
    ctx.setLineDash(dash)
  }
  ctx.stroke()
  if (dashed) ctx.setLineDash(noDash)
}

function labelFor(ds: DrawScene, i: number, chars: number): string {
  if (ds.labelCacheChars[i] === chars) return ds.labelCache[i]!
  const full = ds.labels[i]!
  const cut = full.length <= chars ? full : `${full.slice(0, Math.max(1, chars - 1))}…`
  ds.labelCache[i] = cut
  ds.labelCacheChars[i] = chars
  return cut
}

export function drawFlow(
  ctx: CanvasRenderingContext2D,
  ds: DrawScene,
  camera: Camera,
  theme: FlowTheme,
  opts: DrawOptions,
): DrawStats {
  const { ratio, width, height } = opts
  const k = camera.k
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
  ctx.setLineDash(noDash)
  ctx.globalAlpha = 1
  ctx.fillStyle = theme.bg
  ctx.fillRect(0, 0, width, height)

  const vx0 = -camera.x / k
  const vy0 = -camera.y / k
  const vx1 = (width - camera.x) / k
  const vy1 = (height - camera.y) / k
  const g = ds.geometry
  const first = g.columns[0]
  const last = g.columns[g.columns.length - 1]
  const left = (first?.x0 ?? 0) - LANE_MARGIN_PX
  const right = (last?.x1 ?? 0) + LANE_MARGIN_PX

  ctx.setTransform(ratio * k, 0, 0, ratio * k, ratio * camera.x, ratio * camera.y)

  // Lanes: region tints; the deployment-wide lane a neutral wash.
  for (const lane of g.lanes) {
    if (lane.y1 < vy0 || lane.y0 > vy1) continue
    ctx.fillStyle =
      lane.regionIndex < 0 ? theme.globalLane : theme.regionTint[lane.regionIndex % theme.regionTint.length]!
    ctx.fillRect(left, lane.y0, right - left, lane.y1 - lane.y0)
  }
  // Column separators.
  ctx.strokeStyle = theme.border
  ctx.lineWidth = 1 / k
  ctx.beginPath()
  const top = g.lanes[0]?.y0 ?? 0
  const bottom = g.lanes[g.lanes.length - 1]?.y1 ?? 0
  for (let c = 1; c < g.columns.length; c++) {
    const x = (g.columns[c - 1]!.x1 + g.columns[c]!.x0) / 2
    ctx.moveTo(x, top - 30)
    ctx.lineTo(x, bottom)
  }
  ctx.stroke()

  // Edges, one pass per style (a single path each).
  stats.edges = 0
  const arrows = k >= ARROW_MIN_ZOOM
  const hairline = ds.edgeCount > HAIRLINE_MIN_EDGES
  const arrowLen = 7 / k
  const styles = [0, EDGE_LIFTED, EDGE_CROSS, EDGE_DIMMED, EDGE_HIGHLIGHT]
  for (const style of styles) {
    ctx.beginPath()
    let any = false
    for (let e = 0; e < ds.edgeCount; e++) {
      const f = ds.edgeFlags[e]!
      const s =
        f & EDGE_HIGHLIGHT
          ? EDGE_HIGHLIGHT
          : f & EDGE_DIMMED
            ? EDGE_DIMMED
            : f & EDGE_CROSS
              ? EDGE_CROSS
              : f & EDGE_LIFTED
      if (s !== style) continue
      const a = ds.edgeFrom[e]!
      const b = ds.edgeTo[e]!
      const ax = ds.xs[a]!
      const ay = ds.ys[a]!
      const bx = ds.xs[b]!
      const by = ds.ys[b]!
      if (
        Math.max(ax, bx) < vx0 ||
        Math.min(ax, bx) > vx1 ||
        Math.max(ay, by) < vy0 ||
        Math.min(ay, by) > vy1
      )
        continue
      const dx = bx - ax
      const dy = by - ay
      const len = Math.hypot(dx, dy)
      const ra = ds.rs[a]!
      const rb = ds.rs[b]!
      if (len <= ra + rb + 1) continue
      const ux = dx / len
      const uy = dy / len
      const tipX = bx - ux * rb
      const tipY = by - uy * rb
      ctx.moveTo(ax + ux * ra, ay + uy * ra)
      const back = arrows ? arrowLen * 0.8 : 0
      ctx.lineTo(tipX - ux * back, tipY - uy * back)
      if (arrows) {
        ctx.moveTo(tipX, tipY)
        ctx.lineTo(tipX - ux * arrowLen - uy * arrowLen * 0.5, tipY - uy * arrowLen + ux * arrowLen * 0.5)
        ctx.lineTo(tipX - ux * arrowLen + uy * arrowLen * 0.5, tipY - uy * arrowLen - ux * arrowLen * 0.5)
        ctx.lineTo(tipX, tipY)
      }
      any = true
      stats.edges++
    }
    if (!any) continue
    // Zoomed far out, thousands of full-strength lines are a grey mat: draw them faint (level of detail).
    const colour =
      style === EDGE_HIGHLIGHT
        ? theme.highlight
        : style === EDGE_DIMMED || (k < FAINT_EDGES_BELOW_ZOOM && style !== EDGE_CROSS)
          ? theme.edgeDim
          : style === EDGE_CROSS
            ? theme.danger
            : theme.edge
    ctx.strokeStyle = colour
    ctx.fillStyle = colour
    ctx.lineWidth = style === EDGE_HIGHLIGHT ? 2.4 / k : hairline ? 1 / (k * ratio) : 1.2 / k
    if (style === EDGE_LIFTED || style === EDGE_CROSS) {
      dash[0] = 5 / k
      dash[1] = 4 / k
      ctx.setLineDash(dash)
    } else ctx.setLineDash(noDash)
    ctx.stroke()
    if (arrows) {
      ctx.setLineDash(noDash)
      ctx.fill()
    }
  }
  ctx.setLineDash(noDash)

  // Visible nodes (with a margin for labels).
  const margin = 40 / k
  const n = ds.grid.query(vx0 - margin, vy0 - margin, vx1 + margin, vy1 + margin, ds.visible)
  stats.nodes = n
  const vis = ds.visible
  const tiny = 13 * k < 1.5

  // Job discs (and childless groups' cores), batched per colour.
  for (let dimmed = 0; dimmed < 2; dimmed++)
    for (let s = 0; s < 4; s++) {
      ctx.beginPath()
      let any = false
      for (let q = 0; q < n; q++) {
        const i = vis[q]!
        if (ds.kind[i] === KIND_FOLDED || ds.status[i] !== s) continue
        if (((ds.flags[i]! & NODE_DIMMED) !== 0 ? 1 : 0) !== dimmed) continue
        const x = ds.xs[i]!
        const y = ds.ys[i]!
        const r = ds.kind[i] === KIND_GROUP ? ds.rs[i]! * 0.55 : ds.rs[i]!
        if (tiny) ctx.rect(x - r, y - r, 2 * r, 2 * r)
        else {
          ctx.moveTo(x + r, y)
          ctx.arc(x, y, r, 0, Math.PI * 2)
        }
        any = true
      }
      if (!any) continue
      ctx.fillStyle = dimmed ? theme.statusDim[s]! : theme.status[s]!
      ctx.fill()
    }

  // Running glow (not when dimmed): a soft ring, so "in progress" reads without colour alone too.
  if (13 * k >= 4) {
    ctx.beginPath()
    let any = false
    for (let q = 0; q < n; q++) {
      const i = vis[q]!
      if (ds.kind[i] !== KIND_JOB || ds.status[i] !== 1 || ds.flags[i]! & NODE_DIMMED) continue
      ctx.moveTo(ds.xs[i]! + ds.rs[i]! + 3 / k, ds.ys[i]!)
      ctx.arc(ds.xs[i]!, ds.ys[i]!, ds.rs[i]! + 3 / k, 0, Math.PI * 2)
      any = true
    }
    if (any) {
      ctx.strokeStyle = theme.status[1]
      ctx.globalAlpha = 0.45
      ctx.lineWidth = 3 / k
      ctx.stroke()
      ctx.globalAlpha = 1
    }
  }

  // Status glyphs (✓ ✗ ◔ ○) on job discs: status never by colour alone.
  if (13 * k >= GLYPH_MIN_RADIUS_PX) {
    ctx.strokeStyle = theme.glyph
    ctx.lineCap = 'round'
    for (let s = 0; s < 4; s++) {
      ctx.beginPath()
      let any = false
      for (let q = 0; q < n; q++) {
        const i = vis[q]!
        if (ds.kind[i] !== KIND_JOB || ds.status[i] !== s) continue
        const x = ds.xs[i]!
        const y = ds.ys[i]!
        const r = ds.rs[i]!
        if (s === 0) {
          ctx.moveTo(x - 0.34 * r, y - 0.34 * r)
          ctx.lineTo(x + 0.34 * r, y + 0.34 * r)
          ctx.moveTo(x + 0.34 * r, y - 0.34 * r)
          ctx.lineTo(x - 0.34 * r, y + 0.34 * r)
        } else if (s === 1) {
          ctx.moveTo(x, y - 0.45 * r)
          ctx.arc(x, y, 0.45 * r, -Math.PI / 2, Math.PI)
        } else if (s === 2) {
          ctx.moveTo(x + 0.3 * r, y)
          ctx.arc(x, y, 0.3 * r, 0, Math.PI * 2)
        } else {
          ctx.moveTo(x - 0.42 * r, y + 0.02 * r)
          ctx.lineTo(x - 0.1 * r, y + 0.34 * r)
          ctx.lineTo(x + 0.44 * r, y - 0.3 * r)
        }
        any = true
      }
      if (!any) continue
      ctx.lineWidth = Math.max(1.2 / k, 0.16 * 13)
      ctx.stroke()
    }
    ctx.lineCap = 'butt'
  }

  // Group bubbles: an opaque disc, a ring split by the status of the jobs inside, a thin border.
  for (let q = 0; q < n; q++) {
    const i = vis[q]!
    const kind = ds.kind[i]!
    if (kind === KIND_JOB) continue
    const x = ds.xs[i]!
    const y = ds.ys[i]!
    const r = ds.rs[i]!
    const dimmed = (ds.flags[i]! & NODE_DIMMED) !== 0
    if (kind === KIND_FOLDED) {
      ctx.beginPath()
      ctx.arc(x, y, r, 0, Math.PI * 2)
      ctx.fillStyle = dimmed ? theme.bubbleDim : theme.bubble
      ctx.fill()
      const ringW = Math.min(7, r * 0.22)
      const total = ds.counts[i * 4]! + ds.counts[i * 4 + 1]! + ds.counts[i * 4 + 2]! + ds.counts[i * 4 + 3]!
      ctx.lineWidth = ringW
      if (total === 0) {
        ctx.beginPath()
        ctx.arc(x, y, r - ringW / 2, 0, Math.PI * 2)
        ctx.strokeStyle = dimmed ? theme.statusDim[ds.status[i]!]! : theme.status[ds.status[i]!]!
        ctx.stroke()
      } else {
        let a0 = -Math.PI / 2
        for (let s = 0; s < 4; s++) {
          const c = ds.counts[i * 4 + s]!
          if (!c) continue
          const a1 = a0 + (c / total) * Math.PI * 2
          ctx.beginPath()
          ctx.arc(x, y, r - ringW / 2, a0, a1)
          ctx.strokeStyle = dimmed ? theme.statusDim[s]! : theme.status[s]!
          ctx.stroke()
          a0 = a1
        }
      }
      // Inner disc in the rolled-up status (the count is written on it), so the state reads at any zoom.
      ctx.beginPath()
      ctx.arc(x, y, r * 0.5, 0, Math.PI * 2)
      ctx.fillStyle = dimmed ? theme.statusDim[ds.status[i]!]! : theme.status[ds.status[i]!]!
      ctx.fill()
    } else {
      // A group with no jobs (yet): dashed outline around its status core.
      ctx.beginPath()
      ctx.arc(x, y, r, 0, Math.PI * 2)
      dash[0] = 4
      dash[1] = 3
      ctx.setLineDash(dash)
      ctx.lineWidth = 2
      ctx.strokeStyle = dimmed ? theme.statusDim[ds.status[i]!]! : theme.status[ds.status[i]!]!
      ctx.stroke()
      ctx.setLineDash(noDash)
    }
  }

  // Rings: neighbours, matches, hover, selection (selection last, on top).
  let selected = -1
  for (let q = 0; q < n; q++) {
    const i = vis[q]!
    const f = ds.flags[i]!
    if (f & NODE_NEIGHBOUR) ring(ctx, ds, k, i, 3, 2, theme.neighbour, false)
    if (f & NODE_MATCH) ring(ctx, ds, k, i, 5, 2.5, theme.accent, true)
    if (f & NODE_SELECTED) selected = i
  }
  if (opts.hover >= 0 && opts.hover < ds.count && opts.hover !== selected)
    ring(ctx, ds, k, opts.hover, 3, 2, theme.textMuted, false)
  if (selected >= 0) {
    ring(ctx, ds, k, selected, 4, 3, theme.highlight, false)
    if (opts.focused) ring(ctx, ds, k, selected, 9, 1.5, theme.highlight, true)
  }

  // Labels in screen space (crisp text at any zoom).
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  stats.labels = 0
  const jobR = 13 * k
  const chars = Math.min(40, Math.floor((opts.slotWidthPx * 0.92 * k) / LABEL_CHAR_PX))
  const font = theme.labelFont
  const bold = theme.boldFont
  if (jobR >= LABEL_MIN_RADIUS_PX && chars >= 4) {
    ctx.font = font
    for (let dimmed = 0; dimmed < 2; dimmed++) {
      ctx.fillStyle = dimmed ? theme.textFaint : theme.text
      for (let q = 0; q < n; q++) {
        const i = vis[q]!
        if (ds.kind[i] !== KIND_JOB) continue
        if (((ds.flags[i]! & NODE_DIMMED) !== 0 ? 1 : 0) !== dimmed) continue
        const sx = ds.xs[i]! * k + camera.x
        const sy = (ds.ys[i]! + ds.rs[i]!) * k + camera.y + 3
        if (sx < -100 || sx > width + 100 || sy < -20 || sy > height + 20) continue
        ctx.fillText(labelFor(ds, i, chars), sx, sy)
        stats.labels++
      }
    }
  }
  // Group labels: name, "N jobs", and the count inside the bubble.
  for (let q = 0; q < n; q++) {
    const i = vis[q]!
    if (ds.kind[i] === KIND_JOB) continue
    const sr = ds.rs[i]! * k
    if (sr < 7) continue
    const sx = ds.xs[i]! * k + camera.x
    const sy = ds.ys[i]! * k + camera.y
    const dimmed = (ds.flags[i]! & NODE_DIMMED) !== 0
    ctx.fillStyle = dimmed ? theme.textFaint : theme.text
    ctx.font = bold
    ctx.textBaseline = 'top'
    ctx.fillText(labelFor(ds, i, Math.max(chars, 22)), sx, sy + sr + 4)
    stats.labels++
    if (ds.kind[i] === KIND_FOLDED) {
      ctx.font = font
      ctx.fillStyle = dimmed ? theme.textFaint : theme.textMuted
      const hidden = ds.hidden[i]!
      ctx.fillText(hidden === 1 ? '1 job' : `${hidden} jobs`, sx, sy + sr + 20)
      if (sr >= 16) {
        ctx.textBaseline = 'middle'
        ctx.font = bold
        ctx.fillStyle = theme.glyph
        ctx.fillText(String(hidden), sx, sy + 1)
      }
    }
  }

  // Phase headers stick to the top edge; lane labels sit in the left gutter and stick to the left edge.
  ctx.textBaseline = 'bottom'
  ctx.font = bold
  ctx.fillStyle = theme.textMuted
  const headerY = Math.max(18, top * k + camera.y - 6)
  for (const c of g.columns) {
    const sx0 = c.x0 * k + camera.x
    const sx1 = c.x1 * k + camera.x
    if (sx1 < 0 || sx0 > width) continue
    const label = sx1 - sx0 < 70 ? labelForWidth(c.label, sx1 - sx0) : c.label
    ctx.fillText(label, Math.min(Math.max((sx0 + sx1) / 2, 50), width - 50), headerY)
  }
  ctx.textAlign = 'left'
  ctx.textBaseline = 'top'
  const gutterRight = (first?.x0 ?? 0) * k + camera.x - 8
  for (const lane of g.lanes) {
    const sy0 = lane.y0 * k + camera.y
    const sy1 = lane.y1 * k + camera.y
    if (sy1 < 0 || sy0 > height || sy1 - sy0 < 12) continue
    const text = lane.label
    const w = ctx.measureText(text).width + 12
    const sx = Math.max(4, gutterRight - w)
    const sy = Math.min(Math.max(sy0 + 4, headerY + 4), sy1 - 19)
    ctx.fillStyle = theme.bg
    ctx.fillRect(sx, sy, w, 19)
    ctx.fillStyle =
      lane.regionIndex < 0 ? theme.globalLane : theme.regionTint[lane.regionIndex % theme.regionTint.length]!
    ctx.fillRect(sx, sy, w, 19)
    ctx.fillStyle = theme.laneLabel
    ctx.fillText(text, sx + 6, sy + 3)
  }
  return stats
}
