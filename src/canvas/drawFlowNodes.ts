/**
 * The flow canvas's node layers (part of `drawFlow`), back to front: job discs batched per colour, the
 * running glow, status glyphs, group bubbles, then the neighbour / match / hover / selection rings.
 * Only the `n` nodes the spatial grid returned for the viewport (`ds.visible`) are drawn.
 */
import {
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

/** Screen radius from which status glyphs are drawn on job discs. */
const GLYPH_MIN_RADIUS_PX = 7
const dash: number[] = [0, 0]
const noDash: number[] = []

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

/** Draws the first `n` nodes of `ds.visible` in world space (the camera transform already set). */
export function drawNodes(
  ctx: CanvasRenderingContext2D,
  ds: DrawScene,
  theme: FlowTheme,
  k: number,
  n: number,
  opts: { hover: number; focused: boolean },
): void {
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
}
