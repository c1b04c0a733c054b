/** Human time formatting shared by every screen (relative to server time; see serverClock). */

// `toLocaleString(locale, options)` builds a new Intl.DateTimeFormat on every call (~0.1 ms each): a
// re-sorted 10,000-row table spent 20 ms per frame in it. One formatter per shape, created on first use.
const dateFormat = lazy(
  () => new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' }),
)
const dateTimeFormat = lazy(
  () =>
    new Intl.DateTimeFormat(undefined, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'short',
    }),
)

function lazy<T>(make: () => T): () => T {
  let value: T | undefined
  return () => (value ??= make())
}

/** "just now", "12s ago", "5m ago", "3h ago", "4d ago", then a date; "in 5m" for future instants. */
export function formatRelative(thenMs: number, nowMs: number): string {
  const diff = nowMs - thenMs
  const future = diff < 0
  const s = Math.abs(diff) / 1000
  let text: string
  if (s < 5) return 'just now'
  if (s < 60) text = `${Math.floor(s)}s`
  else if (s < 3600) text = `${Math.floor(s / 60)}m`
  else if (s < 86_400) text = `${Math.floor(s / 3600)}h`
  else if (s < 30 * 86_400) text = `${Math.floor(s / 86_400)}d`
  else return dateFormat().format(thenMs)
  return future ? `in ${text}` : `${text} ago`
}

/** "850ms", "12s", "1m 24s", "2h 05m"; "—" for nothing. */
export function formatDuration(ms: number | undefined | null): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms) || ms <= 0) return '—'
  if (ms < 1000) return `${Math.round(ms)}ms`
  const s = Math.floor(ms / 1000)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`
  const h = Math.floor(m / 60)
  return `${h}h ${String(m % 60).padStart(2, '0')}m`
}

/** Full local date-time, for tooltips. */
export function formatAbsolute(ms: number): string {
  return dateTimeFormat().format(ms)
}

/** Parses an RFC 3339 string; undefined when absent or unparsable. */
export function parseTime(value: string | undefined | null): number | undefined {
  if (!value) return undefined
  const t = Date.parse(value)
  return Number.isFinite(t) ? t : undefined
}
