/**
 * Draw on demand, at most once per animation frame: any number of `request()` calls before the next frame
 * coalesce into one `draw(now)`. Nothing runs while nothing changes (no per-tick redraw loop).
 */
export interface FrameScheduler {
  request(): void
  cancel(): void
  /** Draws now if a frame is pending (e.g. before reading pixels in a test). */
  flush(): void
}

export function createFrameScheduler(
  draw: (now: number) => void,
  raf: (cb: (t: number) => void) => number = (cb) => requestAnimationFrame(cb),
  caf: (id: number) => void = (id) => cancelAnimationFrame(id),
): FrameScheduler {
  let pending: number | undefined
  const run = (t: number) => {
    pending = undefined
    draw(t)
  }
  return {
    request() {
      if (pending === undefined) pending = raf(run)
    },
    cancel() {
      if (pending !== undefined) caf(pending)
      pending = undefined
    },
    flush() {
      if (pending === undefined) return
      caf(pending)
      pending = undefined
      draw(performance.now())
    },
  }
}
