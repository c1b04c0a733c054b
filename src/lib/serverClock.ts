/**
 * Server time as the API reports it (`Date` header). Relative times ("3m ago") and ticking durations
 * compare against server time, so a skewed laptop clock — or the mock's fast virtual clock — reads right.
 */
let skewMs = 0

/** Records the offset of a response's `Date` header (1 s resolution) from local time. */
export function observeServerDate(dateHeader: string | null): void {
  if (!dateHeader) return
  const server = Date.parse(dateHeader)
  if (!Number.isFinite(server)) return
  skewMs = server - Date.now()
}

export function serverNow(): number {
  return Date.now() + skewMs
}
