/**
 * The flow canvas's text layers (part of `drawFlow`), in screen space so text is crisp at any zoom: job
 * labels (cut to their column slot, only when legible), group names and counts, then the phase headers
 * (sticky at the top) and the lane labels (sticky in the left gutter).
 */
import type { Camera } from '../graph/camera.ts'
import { KIND_FOLDED, KIND_JOB, NODE_DIMMED, type DrawScene } from './drawScene.ts'
import type { FlowTheme } from './flowTheme.ts'

/** Screen size at which labels appear. */
const LABEL_MIN_RADIUS_PX = 6.5
const LABEL_CHAR_PX = 6.3

/** A header cut to a narrow column (rare: only when zoomed far out). */
function labelForWidth(label: string, px: number): string {
  const chars = Math.max(1, Math.floor(px / 7.5))
  return label.length <= chars ? label : `${label.slice(0, chars)}…`
}

function labelFor(ds: DrawScene, i: number, chars: number): string {
  if (ds.labelCacheChars[i] === chars) return ds.labelCache[i]!
  const full = ds.labels[i]!
  const cut = full.length <= chars ? full : `${full.slice(0, Math.max(1, chars - 1))}…`
  ds.labelCache[i] = cut
  ds.labelCacheChars[i] = chars
  return cut
}

/** Job and group labels of the first `n` visible nodes; returns how many it drew. */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  ds: DrawScene,
  camera: Camera,
  theme: FlowTheme,
  n: number,
  opts: { ratio: number; width: number; height: number; slotWidthPx: number },
): number {
  const { ratio, width, height } = opts
  const k = camera.k
  const vis = ds.visible
  // Labels in screen space (crisp text at any zoom).
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  let drawn = 0
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
        drawn++
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
    drawn++
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
  return drawn
}

/** Phase headers and lane labels; `top` is the first lane's top edge (world px). */
export function drawHeaders(
  ctx: CanvasRenderingContext2D,
  ds: DrawScene,
  camera: Camera,
  theme: FlowTheme,
  top: number,
  opts: { width: number; height: number },
): void {
  const { width, height } = opts
  const k = camera.k
  const g = ds.geometry
  const first = g.columns[0]
  const bold = theme.boldFont
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
}
