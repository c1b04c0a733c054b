/**
 * Sizes a canvas's backing store for the device pixel ratio (sharp on HiDPI screens). Returns whether the
 * size changed (the caller redraws). The backing store is capped so a huge window on a 3× screen cannot
 * allocate hundreds of megabytes.
 */
const MAX_BACKING_PIXELS = 16_777_216

export function sizeCanvas(
  canvas: HTMLCanvasElement,
  cssWidth: number,
  cssHeight: number,
  dpr: number,
): number {
  let ratio = Math.max(1, dpr || 1)
  const w = Math.max(1, Math.round(cssWidth))
  const h = Math.max(1, Math.round(cssHeight))
  if (w * h * ratio * ratio > MAX_BACKING_PIXELS) ratio = Math.sqrt(MAX_BACKING_PIXELS / (w * h))
  const bw = Math.max(1, Math.round(w * ratio))
  const bh = Math.max(1, Math.round(h * ratio))
  if (canvas.width !== bw) canvas.width = bw
  if (canvas.height !== bh) canvas.height = bh
  canvas.style.width = `${w}px`
  canvas.style.height = `${h}px`
  return bw / w
}

/** Clears the whole backing store (nothing to draw yet). */
export function clearCanvas(ctx: CanvasRenderingContext2D): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height)
}
