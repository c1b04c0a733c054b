import { useSyncExternalStore } from 'react'
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
      for (const fn of entry.listeners) fn()
    }, periodMs)
    tickers.set(periodMs, entry)
    idleNow.delete(periodMs)
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
 * Before the first subscriber starts a ticker, every render must see the same instant: React requires a
 * stable getSnapshot, and `serverNow()` changes between calls (a list of relative times mounting at once
 * would otherwise loop — React error 185).
 */
const idleNow = new Map<number, number>()

function snapshot(periodMs: number): number {
  const t = tickers.get(periodMs)
  if (t) return t.now
  let v = idleNow.get(periodMs)
  if (v === undefined) {
    v = serverNow()
    idleNow.set(periodMs, v)
  }
  return v
}

/** One subscribe function per period: a new one each render would make React resubscribe every commit. */
const subscribers = new Map<number, (l: () => void) => () => void>()
function subscriberFor(periodMs: number): (l: () => void) => () => void {
  let fn = subscribers.get(periodMs)
  if (!fn) {
    fn = (l) => subscribe(periodMs, l)
    subscribers.set(periodMs, fn)
  }
  return fn
}

/** Server time, refreshed every `periodMs` (default 1 s). */
export function useNow(periodMs = 1000): number {
  return useSyncExternalStore(
    subscriberFor(periodMs),
    () => snapshot(periodMs),
    () => snapshot(periodMs),
  )
}
