/**
 * The flow canvas's frame record: how long each draw took and the interval between frames, in a ring of
 * the last `FRAME_HISTORY` frames, plus the first frame that drew nodes. Read by the test hook and the
 * bench (`FlowCanvasHandle.perf()`); kept out of React state so recording a frame never re-renders.
 */
import type { FlowPerf } from './flowTestHook.ts'

export const FRAME_HISTORY = 240

export interface FramePerf {
  lastPaintMs: number | undefined
  firstPaintAt: number | undefined
  frames: Float64Array
  intervals: Float64Array
  count: number
  lastAt: number
}

export function createFramePerf(): FramePerf {
  return {
    lastPaintMs: undefined,
    firstPaintAt: undefined,
    frames: new Float64Array(FRAME_HISTORY),
    intervals: new Float64Array(FRAME_HISTORY),
    count: 0,
    lastAt: 0,
  }
}

/** Records one frame: its draw time `ms`, its rAF time `now`, whether it drew nodes. */
export function recordFrame(p: FramePerf, ms: number, now: number, drewNodes: boolean): void {
  p.lastPaintMs = ms
  if (drewNodes && p.firstPaintAt === undefined) p.firstPaintAt = performance.now()
  p.frames[p.count % FRAME_HISTORY] = ms
  p.intervals[p.count % FRAME_HISTORY] = p.lastAt ? now - p.lastAt : 0
  p.lastAt = now
  p.count++
}

/** The record as the test hook reports it: the most recent frames, oldest first. */
export function framePerfSnapshot(p: FramePerf): FlowPerf {
  const n = Math.min(p.count, FRAME_HISTORY)
  const ordered = (a: Float64Array) =>
    Array.from({ length: n }, (_, i) => a[(p.count - n + i) % FRAME_HISTORY]!)
  return {
    lastPaintMs: p.lastPaintMs,
    firstPaintAt: p.firstPaintAt,
    frames: ordered(p.frames),
    frameIntervals: ordered(p.intervals),
    framesDrawn: p.count,
  }
}
