/**
 * Paints the flow canvas's minimap: the whole graph drawn once into an offscreen canvas (redrawn only
 * when the scene, its highlight or the theme changes), then copied with the viewport rectangle on top
 * every frame. The drawing itself is `src/canvas/minimap.ts`; this holds the caching and sizing.
 */
import type { DrawScene } from '../../canvas/drawScene.ts'
import type { FlowTheme } from '../../canvas/flowTheme.ts'
import { drawMinimap, drawMinimapBase, type MinimapTransform } from '../../canvas/minimap.ts'
import type { Camera } from '../../graph/camera.ts'

/** The minimap's CSS size. */
export const MINIMAP = { width: 200, height: 130 }

/** The offscreen picture of the whole graph, with what it was drawn from. */
export interface MinimapBase {
  canvas: HTMLCanvasElement
  t: MinimapTransform
  scene: DrawScene
  v: unknown
}

/**
 * Paints `scene` and the viewport into the minimap canvas `m`. `base` is the previous offscreen picture
 * (reused while `scene` and `version` are the same); returns the one to keep.
 */
export function paintFlowMinimap(
  m: HTMLCanvasElement,
  scene: DrawScene,
  camera: Camera,
  size: { width: number; height: number; ratio: number },
  theme: FlowTheme,
  version: unknown,
  base: MinimapBase | undefined,
): MinimapBase | undefined {
  const mctx = m.getContext('2d')
  if (!mctx || !scene.bounds) return base
  const r = size.ratio
  if (!base || base.scene !== scene || base.v !== version) {
    const off = base?.canvas ?? document.createElement('canvas')
    off.width = Math.round(MINIMAP.width * r)
    off.height = Math.round(MINIMAP.height * r)
    const octx = off.getContext('2d')
    if (octx) {
      const g = scene.geometry
      const world = {
        x0: Math.min(scene.bounds.x0, 0),
        y0: Math.min(scene.bounds.y0, 0),
        x1: Math.max(scene.bounds.x1, g.width),
        y1: Math.max(scene.bounds.y1, g.height),
      }
      const t = drawMinimapBase(octx, scene, world, MINIMAP, r, theme)
      base = { canvas: off, t, scene, v: version }
    }
  }
  if (base) {
    if (m.width !== devicePx(MINIMAP.width, r)) m.width = devicePx(MINIMAP.width, r)
    if (m.height !== devicePx(MINIMAP.height, r)) m.height = devicePx(MINIMAP.height, r)
    drawMinimap(mctx, base.canvas, base.t, camera, size, MINIMAP, r, theme)
  }
  return base
}

function devicePx(css: number, ratio: number): number {
  return Math.round(css * ratio)
}
