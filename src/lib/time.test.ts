import { describe, expect, it } from 'vitest'
import { formatDuration, formatRelative, parseTime } from './time.ts'

describe('time formatting', () => {
  const now = Date.UTC(2026, 4, 14, 12, 0, 0)
  it.each([
    [now - 2_000, 'just now'],
    [now - 12_000, '12s ago'],
    [now - 5 * 60_000, '5m ago'],
    [now - 3 * 3_600_000, '3h ago'],
    [now - 4 * 86_400_000, '4d ago'],
    [now + 5 * 60_000, 'in 5m'],
  ])('formatRelative(%i) = %s', (then, text) => {
    expect(formatRelative(then, now)).toBe(text)
  })

  it.each([
    [undefined, '—'],
    [0, '—'],
    [850, '850ms'],
    [12_000, '12s'],
    [84_000, '1m 24s'],
    [2 * 3_600_000 + 5 * 60_000, '2h 05m'],
  ])('formatDuration(%s) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it('parses RFC 3339 and rejects junk', () => {
    expect(parseTime('2026-05-14T12:00:00.123Z')).toBe(Date.UTC(2026, 4, 14, 12, 0, 0, 123))
    expect(parseTime('soon')).toBeUndefined()
    expect(parseTime(undefined)).toBeUndefined()
  })
})
