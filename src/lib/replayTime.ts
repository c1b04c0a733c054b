/**
 * The replay instant in the URL (`?at=`): a readable RFC 3339 instant, never epoch milliseconds, so an
 * operator can read, edit and paste it (`?at=2026-05-14T09:12:30Z`). Pure helpers, unit-tested beside.
 */

export type ReplayParam = { kind: 'live' } | { kind: 'at'; ms: number } | { kind: 'invalid'; raw: string }

// Date.parse accepts far more than RFC 3339 ("May 14", "2026-05-14" as local midnight…): the URL is a
// contract an operator types into, so only the RFC 3339 date-time form is taken.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/

/** `?at` → live (absent/empty), an instant, or invalid (kept verbatim for the message). */
export function parseAtParam(raw: string | undefined): ReplayParam {
  if (raw === undefined || raw.trim() === '') return { kind: 'live' }
  const text = raw.trim()
  if (!RFC3339.test(text)) return { kind: 'invalid', raw }
  const ms = Date.parse(text.replace(' ', 'T'))
  return Number.isFinite(ms) ? { kind: 'at', ms } : { kind: 'invalid', raw }
}

/** ms → `2026-05-14T09:12:30Z` (UTC, whole seconds: the API's event times are whole seconds). */
export function formatAtParam(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/** `ms` inside [start, end]. */
export function clampAt(ms: number, startMs: number, endMs: number): number {
  return Math.min(Math.max(ms, startMs), Math.max(startMs, endMs))
}

/** Playback speeds offered (virtual seconds per real second). */
export const REPLAY_SPEEDS = [1, 5, 10, 30, 60] as const
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number]

export function parseSpeed(raw: string | number | undefined): ReplaySpeed {
  const n = Number(raw)
  return (REPLAY_SPEEDS as readonly number[]).includes(n) ? (n as ReplaySpeed) : 1
}

/**
 * The scrubber's keyboard step: whole seconds, about 1/200 of the run (so arrows cross a 40-minute run in
 * 200 presses, and PageUp/PageDown — ten steps — in 20), never below one second.
 */
export function scrubStepMs(spanMs: number): number {
  return Math.max(1000, Math.round(spanMs / 200 / 1000) * 1000)
}

/** "+12m 05s" from the run's start, for the scrubber's readable value. */
export function offsetLabel(ms: number, startMs: number): string {
  const s = Math.max(0, Math.floor((ms - startMs) / 1000))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `+${h}h ${pad(m)}m ${pad(sec)}s` : `+${m}m ${pad(sec)}s`
}
