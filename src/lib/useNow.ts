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

/** Server time, refreshed every `periodMs` (default 1 s). */
export function useNow(periodMs = 1000): number {
  return useSyncExternalStore(
    (l) => subscribe(periodMs, l),
    () => tickers.get(periodMs)?.now ?? serverNow(),
    serverNow,
  )
}
