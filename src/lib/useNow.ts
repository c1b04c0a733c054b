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
      now: serverNow(),
    }
    entry.timer = setInterval(() => {
      entry.now = serverNow()
      lastSnapshot.set(periodMs, entry.now)
      for (const fn of entry.listeners) fn()
    }, periodMs)
    lastSnapshot.set(periodMs, entry.now)
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

/**
 * The last value handed out per period: `getSnapshot` must return the same value until the store changes
 * (a fresh `serverNow()` on every call makes React re-render forever).
 */
const lastSnapshot = new Map<number, number>()

function snapshot(periodMs: number): number {
  const live = tickers.get(periodMs)?.now
  if (live !== undefined) return live
  let last = lastSnapshot.get(periodMs)
  if (last === undefined) {
    last = serverNow()
    lastSnapshot.set(periodMs, last)
  }
  return last
}

/** Server time, refreshed every `periodMs` (default 1 s). */
export function useNow(periodMs = 1000): number {
  // A stable subscribe function: a new one per render would unsubscribe and resubscribe on every render,
  // recreating the ticker (and its `now`) each time — an endless update loop.
  const subscribeToPeriod = useCallback((l: () => void) => subscribe(periodMs, l), [periodMs])
  const getSnapshot = useCallback(() => snapshot(periodMs), [periodMs])
  return useSyncExternalStore(subscribeToPeriod, getSnapshot, getSnapshot)
}
