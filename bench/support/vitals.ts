/**
 * Web-vitals probes that run IN the page (installed with `page.addInitScript` before any app code), read
 * from the browser's own Performance API:
 *
 *   - `largest-contentful-paint` entries from the document's start (the LCP is the last one before input);
 *   - `event` timing entries with `durationThreshold: 16` (the lowest the API allows); an interaction's
 *     latency is the longest entry with its `interactionId` (input delay + handlers + the next paint),
 *     which is how INP is defined per interaction.
 *
 * Serialised into the page: it must not close over anything from this module.
 */
export interface VitalsProbe {
  /** Start time (ms from navigation start) of the latest LCP candidate; undefined before the first. */
  lcp(): { at: number; element: string } | undefined
  /** How many event entries were seen so far (a cursor for `interactionsSince`). */
  cursor(): number
  /** Interactions (interactionId > 0) reported since `cursor`: longest entry per interaction. */
  interactionsSince(cursor: number): { id: number; ms: number; type: string }[]
}

declare global {
  interface Window {
    __vitals?: VitalsProbe
  }
}

export function installVitals(): void {
  if (window.__vitals) return
  const lcp: { at: number; element: string }[] = []
  const events: { id: number; ms: number; type: string }[] = []
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null })[])
        lcp.push({ at: e.startTime, element: e.element?.tagName.toLowerCase() ?? '?' })
    }).observe({ type: 'largest-contentful-paint', buffered: true })
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { interactionId?: number })[])
        if (e.interactionId) events.push({ id: e.interactionId, ms: e.duration, type: e.name })
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit)
  } catch {
    // unsupported: the lists stay empty and the scenario reports no samples
  }
  window.__vitals = {
    lcp: () => lcp[lcp.length - 1],
    cursor: () => events.length,
    interactionsSince(cursor) {
      const by = new Map<number, { id: number; ms: number; type: string }>()
      for (const e of events.slice(cursor)) {
        const seen = by.get(e.id)
        if (!seen || e.ms > seen.ms) by.set(e.id, e)
      }
      return [...by.values()]
    },
  }
}
