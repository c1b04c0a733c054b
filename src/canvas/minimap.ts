/**
 * The minimap: the whole graph at a glance with the viewport as a rectangle. The node layer is drawn once
 * per scene change into an offscreen canvas; each camera move only blits it and strokes the rectangle.
 */
import type { Bounds, Camera, Size } from '../graph/camera.ts'
import { visibleWorld } from '../graph/camera.ts'
import { KIND_JOB, NODE_DIMMED, type DrawScene } from './drawScene.ts'
import type { FlowTheme } from './flowTheme.ts'

export interface MinimapTransform {
  /** world → minimap CSS px: m = w × scale + offset */
  scale: number
  ox: number
  oy: number
}

/** The transform that fits `world` into a `size` box with `pad` px around. */
export function minimapTransform(world: Bounds, size: Size, pad = 6): MinimapTransform {
  const w = Math.max(1, world.x1 - world.x0)
  const h = Math.max(1, world.y1 - world.y0)
  const scale = Math.min((size.width - 2 * pad) / w, (size.height - 2 * pad) / h)
  return {
    scale,
    ox: (size.width - w * scale) / 2 - world.x0 * scale,
    oy: (size.height - h * scale) / 2 - world.y0 * scale,
  }
}

/** Minimap point (CSS px) → world point. */
export function minimapToWorld(t: MinimapTransform, mx: number, my: number): { x: number; y: number } {
  return { x: (mx - t.ox) / t.scale, y: (my - t.oy) / t.scale }
}

/** The graph is bigger than what the viewport shows: the minimap earns its place. */
export function needsMinimap(bounds: Bounds | undefined, camera: Camera, vp: Size): boolean {
  if (!bounds) return false
  const v = visibleWorld(camera, vp)
  return bounds.x0 < v.x0 || bounds.y0 < v.y0 || bounds.x1 > v.x1 || bounds.y1 > v.y1
}

/** Draws the node layer (lanes + dots) into `ctx`, sized `size` at `ratio`. */
export function drawMinimapBase(
  ctx: CanvasRenderingContext2D,
  ds: DrawScene,
  world: Bounds,
  size: Size,
  ratio: number,
  theme: FlowTheme,
): MinimapTransform {
  const t = minimapTransform(world, size)
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
  ctx.fillStyle = theme.surface
  ctx.fillRect(0, 0, size.width, size.height)
  ctx.setTransform(ratio * t.scale, 0, 0, ratio * t.scale, ratio * t.ox, ratio * t.oy)
  for (const lane of ds.geometry.lanes) {
    ctx.fillStyle =
      lane.regionIndex < 0 ? theme.globalLane : theme.regionTint[lane.regionIndex % theme.regionTint.length]!
    ctx.fillRect(world.x0, lane.y0, world.x1 - world.x0, lane.y1 - lane.y0)
  }
  // Dots at least ~1.5 CSS px so single jobs stay visible on a 5,000-node map.
  const minR = 1.5 / t.scale
  for (let s = 0; s < 4; s++) {
    ctx.beginPath()
    for (let i = 0; i < ds.count; i++) {
      if (ds.status[i] !== s) continue
      const r = Math.max(minR, ds.kind[i] === KIND_JOB ? ds.rs[i]! : ds.rs[i]! * 0.8)
      ctx.rect(ds.xs[i]! - r, ds.ys[i]! - r, 2 * r, 2 * r)
    }
    ctx.fillStyle = theme.status[s]!
    ctx.fill()
  }
  // Selection and its neighbours stay findable on the map.
  ctx.beginPath()
  for (let i = 0; i < ds.count; i++) {
    if (ds.flags[i] === 0 || ds.flags[i]! & NODE_DIMMED) continue
    const r = Math.max(minR * 2, ds.rs[i]!)
    ctx.rect(ds.xs[i]! - r, ds.ys[i]! - r, 2 * r, 2 * r)
  }
  ctx.strokeStyle = theme.highlight
  ctx.lineWidth = 1.5 / t.scale
  ctx.stroke()
  return t
}

/** Blits the cached base and strokes the viewport rectangle. */
export function drawMinimap(
  ctx: CanvasRenderingContext2D,
  base: CanvasImageSource,
  t: MinimapTransform,
  camera: Camera,
  vp: Size,
  size: Size,
  ratio: number,
  theme: FlowTheme,
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.clearRect(0, 0, size.width * ratio, size.height * ratio)
  ctx.drawImage(base, 0, 0)
  const v = visibleWorld(camera, vp)
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
  const x0 = Math.max(0, v.x0 * t.scale + t.ox)
  const y0 = Math.max(0, v.y0 * t.scale + t.oy)
  const x1 = Math.min(size.width, v.x1 * t.scale + t.ox)
  const y1 = Math.min(size.height, v.y1 * t.scale + t.oy)
  ctx.strokeStyle = theme.highlight
  ctx.lineWidth = 1.5
  ctx.strokeRect(x0 + 0.75, y0 + 0.75, Math.max(2, x1 - x0 - 1.5), Math.max(2, y1 - y0 - 1.5))
}
