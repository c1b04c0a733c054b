/**
 * The 2-D camera: `screen = world × k + (x, y)`, in CSS pixels of the canvas. Pure helpers for fitting,
 * centring, zooming about a point and animating between two cameras.
 */
export interface Camera {
  x: number
  y: number
  k: number
}

export interface Bounds {
  x0: number
  y0: number
  x1: number
  y1: number
}

export interface Size {
  width: number
  height: number
}

export const MIN_ZOOM = 0.02
export const MAX_ZOOM = 4
/** Fit never zooms in past this: a five-bubble graph should not fill the screen with one bubble. */
export const FIT_MAX_ZOOM = 1.25

export const IDENTITY: Camera = { x: 0, y: 0, k: 1 }

export function clampZoom(k: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k))
}

export function worldToScreen(c: Camera, x: number, y: number): { x: number; y: number } {
  return { x: x * c.k + c.x, y: y * c.k + c.y }
}

export function screenToWorld(c: Camera, x: number, y: number): { x: number; y: number } {
  return { x: (x - c.x) / c.k, y: (y - c.y) / c.k }
}

/** The world rectangle the viewport shows. */
export function visibleWorld(c: Camera, vp: Size): Bounds {
  return { x0: -c.x / c.k, y0: -c.y / c.k, x1: (vp.width - c.x) / c.k, y1: (vp.height - c.y) / c.k }
}

export interface Padding {
  top: number
  right: number
  bottom: number
  left: number
}

/** Camera showing `b` whole, centred in the viewport minus `padding` (px, one number = all sides). */
export function fitBounds(b: Bounds, vp: Size, padding: number | Padding = 48, maxK = FIT_MAX_ZOOM): Camera {
  const p =
    typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : padding
  const w = Math.max(1, b.x1 - b.x0)
  const h = Math.max(1, b.y1 - b.y0)
  const availW = Math.max(1, vp.width - p.left - p.right)
  const availH = Math.max(1, vp.height - p.top - p.bottom)
  const k = clampZoom(Math.min(maxK, availW / w, availH / h))
  return {
    k,
    x: p.left + availW / 2 - ((b.x0 + b.x1) / 2) * k,
    y: p.top + availH / 2 - ((b.y0 + b.y1) / 2) * k,
  }
}

/** Same zoom (or `k`), world point (wx, wy) in the middle of the viewport. */
export function centreOn(c: Camera, wx: number, wy: number, vp: Size, k = c.k): Camera {
  return { k, x: vp.width / 2 - wx * k, y: vp.height / 2 - wy * k }
}

/** Zooms by `factor` keeping the world point under screen (sx, sy) in place. */
export function zoomAround(c: Camera, factor: number, sx: number, sy: number): Camera {
  const k = clampZoom(c.k * factor)
  const w = screenToWorld(c, sx, sy)
  return { k, x: sx - w.x * k, y: sy - w.y * k }
}

/** The smallest pan that brings a circle fully into view (with `marginPx`), or `c` if it already is. */
export function ensureVisible(c: Camera, wx: number, wy: number, r: number, vp: Size, marginPx = 40): Camera {
  const s = worldToScreen(c, wx, wy)
  const rr = r * c.k + marginPx
  let dx = 0
  let dy = 0
  if (s.x - rr < 0) dx = rr - s.x
  else if (s.x + rr > vp.width) dx = vp.width - (s.x + rr)
  if (s.y - rr < 0) dy = rr - s.y
  else if (s.y + rr > vp.height) dy = vp.height - (s.y + rr)
  // A viewport smaller than the circle: centre instead of bouncing between edges.
  if (2 * rr > vp.width || 2 * rr > vp.height) return centreOn(c, wx, wy, vp)
  return dx || dy ? { k: c.k, x: c.x + dx, y: c.y + dy } : c
}

/**
 * Camera at `t` ∈ [0, 1] between `a` and `b`: the world point at the viewport centre moves linearly and
 * the zoom geometrically (a linear zoom feels like it lurches at the end).
 */
export function interpolateCamera(a: Camera, b: Camera, t: number, vp: Size): Camera {
  const ca = screenToWorld(a, vp.width / 2, vp.height / 2)
  const cb = screenToWorld(b, vp.width / 2, vp.height / 2)
  const k = a.k * Math.pow(b.k / a.k, t)
  return centreOn(a, ca.x + (cb.x - ca.x) * t, ca.y + (cb.y - ca.y) * t, vp, k)
}

export function sameCamera(a: Camera, b: Camera): boolean {
  return Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) < 0.01 && Math.abs(a.k - b.k) < 1e-6
}

/** Bounds of circles given as parallel arrays (empty → undefined). */
export function boundsOfCircles(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  rs: ArrayLike<number>,
  count = xs.length,
): Bounds | undefined {
  if (count === 0) return undefined
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (let i = 0; i < count; i++) {
    const r = rs[i]!
    x0 = Math.min(x0, xs[i]! - r)
    y0 = Math.min(y0, ys[i]! - r)
    x1 = Math.max(x1, xs[i]! + r)
    y1 = Math.max(y1, ys[i]! + r)
  }
  return { x0, y0, x1, y1 }
}
