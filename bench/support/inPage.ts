/**
 * Measuring helpers that run IN the page (installed with `page.addInitScript` before any app code), so
 * timings come from the page's own clock and frames, never from Playwright round-trips.
 *
 *   - every long task (> 50 ms on the main thread) is recorded from the first byte of the document;
 *   - `watch(pred)` checks a condition once per animation frame and notes the moment just after the
 *     paint of the first frame in which it holds (a message posted from that frame's rAF callback runs
 *     after the frame was produced); the interval starts at the next input event the page receives
 *     (keydown, pointerdown, click, input, change, dblclick) or at an explicit `mark()`.
 *
 * The function is serialised into the page: it must not close over anything from this module.
 */
export interface WatchResult {
  ok: boolean
  /** Start of the interval: the input event's timestamp or the `mark()` time. */
  startAt: number | undefined
  /** Just after the paint of the first frame where the condition held. */
  doneAt: number
  ms: number
}

export interface BenchHelpers {
  longTasks(from?: number, to?: number): { start: number; duration: number }[]
  watch(pred: () => boolean, timeoutMs?: number): void
  mark(at?: number): void
  result(): Promise<WatchResult>
  /** Resolves just after the next frame was painted. */
  afterPaint(): Promise<number>
  /**
   * From the document's start, checks every frame for an element matching `selector`; `loadedAt()` is
   * just after the paint of the first frame that had one.
   */
  watchLoad(selector: string): void
  loadedAt(): number | undefined
  /** Forces a major GC when Chromium was started with --js-flags=--expose-gc. */
  gc(): void
  heapMB(): number | undefined
}

declare global {
  interface Window {
    __bench?: BenchHelpers
  }
}

export function installBenchHelpers(): void {
  if (window.__bench) return
  const tasks: { start: number; duration: number }[] = []
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // long task timing unsupported: the list stays empty
  }
  let watching = false
  let startAt: number | undefined
  let pending: Promise<WatchResult> | undefined
  const onInput = (e: Event) => {
    if (watching && startAt === undefined) startAt = e.timeStamp
  }
  for (const type of ['keydown', 'pointerdown', 'mousedown', 'click', 'dblclick', 'input', 'change'])
    window.addEventListener(type, onInput, { capture: true })
  const postPaint = (cb: () => void) => {
    const ch = new MessageChannel()
    ch.port1.onmessage = () => cb()
    ch.port2.postMessage(0)
  }
  let loaded: number | undefined
  const helpers: BenchHelpers = {
    longTasks: (from = 0, to = Infinity) => tasks.filter((t) => t.start + t.duration > from && t.start < to),
    watch(pred, timeoutMs = 30_000) {
      watching = true
      startAt = undefined
      const began = performance.now()
      pending = new Promise((resolve) => {
        const finish = (ok: boolean) => {
          watching = false
          const doneAt = performance.now()
          const s = startAt ?? began
          resolve({ ok, startAt, doneAt, ms: doneAt - s })
        }
        const poll = () => {
          let hit = false
          try {
            hit = pred()
          } catch {
            hit = false
          }
          if (hit) postPaint(() => finish(true))
          else if (performance.now() - began > timeoutMs) finish(false)
          else requestAnimationFrame(poll)
        }
        requestAnimationFrame(poll)
      })
    },
    mark(at) {
      startAt = at ?? performance.now()
    },
    result() {
      return pending ?? Promise.resolve({ ok: false, startAt: undefined, doneAt: 0, ms: NaN })
    },
    afterPaint: () =>
      new Promise((resolve) => requestAnimationFrame(() => postPaint(() => resolve(performance.now())))),
    watchLoad(selector) {
      loaded = undefined
      const poll = () => {
        if (document.querySelector(selector)) postPaint(() => (loaded = performance.now()))
        else requestAnimationFrame(poll)
      }
      requestAnimationFrame(poll)
    },
    loadedAt: () => loaded,
    gc() {
      const g = (window as unknown as { gc?: () => void }).gc
      if (g) g()
    },
    heapMB() {
      const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
      return m ? m.usedJSHeapSize / 2 ** 20 : undefined
    },
  }
  window.__bench = helpers
}
