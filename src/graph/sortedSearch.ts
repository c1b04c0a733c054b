/**
 * Binary searches over time-ascending lists, for replay's per-frame loop: the index of the last element at
 * or before t (-1 if none). One generic form, and specialised copies that allocate nothing per call.
 */
import type { Attempt, Transition } from './jobAttempts.ts'

/** Index of the last element ≤ t, -1 if none (times ascending). */
export function lastAtOrBefore(n: number, timeAt: (i: number) => number, t: number): number {
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (timeAt(mid) <= t) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

// Specialised copies of `lastAtOrBefore` for the per-frame loop (no closure per job per frame).
export function lastAttemptAt(list: readonly Attempt[], t: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]!.startMs <= t) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

export function lastTransitionAt(list: readonly Transition[], t: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]!.atMs <= t) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

export function lastTimeAt(times: Float64Array, t: number): number {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (times[mid]! <= t) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}
