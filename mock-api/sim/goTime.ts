/**
 * Timestamps exactly as the Go backend writes them. Two formats are on the wire: `time.RFC3339` (whole
 * seconds, truncated, for the State record, events and other hand-formatted strings) and `time.Time`'s JSON
 * encoding, RFC3339Nano with trailing zeros trimmed (jobs, executions, log lines, mutation responses).
 */

/** `time.Now().UTC().Format(time.RFC3339)`: `2026-05-14T09:00:07Z` (Go truncates, never rounds). */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/** `json.Marshal(time.Time)` in UTC: `2026-05-14T09:00:07.25Z`, `2026-05-14T09:00:07Z` on a whole second. */
export function rfc3339Nano(ms: number): string {
  const s = new Date(ms).toISOString()
  return s.replace(/\.(\d{3})Z$/, (_, frac: string) => {
    const trimmed = frac.replace(/0+$/, '')
    return trimmed ? `.${trimmed}Z` : 'Z'
  })
}

/** Go's zero `time.Time` as JSON: what an unset timestamp field without `omitempty` reads as. */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z'
