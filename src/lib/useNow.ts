import { useCallback, useSyncExternalStore } from 'react'
import { serverNow } from './serverClock.ts'

/**
 * A shared ticker: components that show a live clock subscribe to one interval per period, so a table of
 * ticking durations re-renders only those cells, never the table.
 */
const tickers = new Map<
  number,
  { listeners: Set<() => void>; timer: ReturnType<typeof setInterval>; now: number }
>()

function subscribe(periodMs: number, l: () => void): () => void {
  let t = tickers.get(periodMs)
  if (!t) {
    const entry = {
      listeners: new Set<() => void>(),
      timer: undefined as unknown as ReturnType<typeof setInterval>,
      now: idleNow.get(periodMs) ?? serverNow(),
    }
    entry.timer = setInterval(() => {
      entry.now = serverNow()
      for (const fn of entry.listeners) fn()
    }, periodMs)
    tickers.set(periodMs, entry)
    t = entry
  }
  t.listeners.add(l)
  return () => {
    t.listeners.delete(l)
    if (t.listeners.size === 0) {
      clearInterval(t.timer)
      tickers.delete(periodMs)
    }
  }
}

/** The instant last read for a period with no ticker yet, so repeated snapshot reads agree. */
const idleNow = new Map<number, number>()

function snapshot(periodMs: number): number {
  const t = tickers.get(periodMs)
  if (t) return t.now
  let v = idleNow.get(periodMs)
  if (v === undefined) {
    v = serverNow()
    idleNow.set(periodMs, v)
    // Forget it after this task: the next render outside a ticker reads the clock again.
    setTimeout(() => idleNow.delete(periodMs), 0)
  }
  return v
}

/** Server time, refreshed every `periodMs` (default 1 s). */
export function useNow(periodMs = 1000): number {
  // A stable subscribe function: a new one per render would unsubscribe and resubscribe on every render,
  // dropping the last listener's ticker and creating a fresh one with a new `now` — an endless re-render.
  const sub = useCallback((l: () => void) => subscribe(periodMs, l), [periodMs])
  return useSyncExternalStore(sub, () => snapshot(periodMs), serverNow)
}
