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
 * Layers, back to front: lane tints and column separators (here), edges (`drawFlowEdges.ts`), job discs,
 * group bubbles (status ring + count), selection / neighbour / match rings (`drawFlowNodes.ts`), labels,
 * phase headers and lane labels (`drawFlowLabels.ts`).
 */
import type { Camera } from '../graph/camera.ts'
import { drawEdges } from './drawFlowEdges.ts'
import { drawHeaders, drawLabels } from './drawFlowLabels.ts'
import { drawNodes } from './drawFlowNodes.ts'
import type { DrawScene } from './drawScene.ts'
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
const noDash: number[] = []

/** Lane tints reach this far (world px) beyond the first and last column. */
export const LANE_MARGIN_PX = 24

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

  stats.edges = drawEdges(ctx, ds, theme, k, ratio, vx0, vy0, vx1, vy1)

  // Visible nodes (with a margin for labels).
  const margin = 40 / k
  const n = ds.grid.query(vx0 - margin, vy0 - margin, vx1 + margin, vy1 + margin, ds.visible)
  stats.nodes = n
  drawNodes(ctx, ds, theme, k, n, opts)

  // Labels in screen space (crisp text at any zoom).
  stats.labels = drawLabels(ctx, ds, camera, theme, n, opts)
  drawHeaders(ctx, ds, camera, theme, top, opts)
  return stats
}
