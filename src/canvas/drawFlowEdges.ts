/**
 * The flow canvas's edge layer (part of `drawFlow`): every edge whose box meets the viewport, one path per
 * style (plain, lifted, cross-region, dimmed, highlighted), arrowheads only when zoomed in enough to read.
 */
import { EDGE_CROSS, EDGE_DIMMED, EDGE_HIGHLIGHT, EDGE_LIFTED, type DrawScene } from './drawScene.ts'
import type { FlowTheme } from './flowTheme.ts'

const ARROW_MIN_ZOOM = 0.42
const FAINT_EDGES_BELOW_ZOOM = 0.22
/**
 * With this many edges, ordinary edges are stroked one device pixel wide: a software rasteriser (Skia's
 * hairline path) draws those ~15× faster than any wider stroke — measured 13 ms vs 210 ms for 5,000
 * lines — and at these densities 1 px against 1.2 px is not visible. Highlighted edges keep their width.
 */
const HAIRLINE_MIN_EDGES = 400
const dash: number[] = [0, 0]
const noDash: number[] = []

/** Draws the edges inside the world-space viewport [vx0, vx1] × [vy0, vy1]; returns how many it drew. */
export function drawEdges(
  ctx: CanvasRenderingContext2D,
  ds: DrawScene,
  theme: FlowTheme,
  k: number,
  ratio: number,
  vx0: number,
  vy0: number,
  vx1: number,
  vy1: number,
): number {
  // Edges, one pass per style (a single path each).
  let drawn = 0
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
      drawn++
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
  return drawn
}
