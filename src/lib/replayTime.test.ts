import { describe, expect, it } from 'vitest'
import { clampAt, formatAtParam, offsetLabel, parseAtParam, parseSpeed, scrubStepMs } from './replayTime.ts'

describe('replay instant in the URL', () => {
  it('absent or empty is live', () => {
    expect(parseAtParam(undefined)).toEqual({ kind: 'live' })
    expect(parseAtParam('  ')).toEqual({ kind: 'live' })
  })

  it('reads RFC 3339 with Z, offsets and fractions', () => {
    const z = Date.UTC(2026, 4, 14, 9, 12, 30)
    expect(parseAtParam('2026-05-14T09:12:30Z')).toEqual({ kind: 'at', ms: z })
    expect(parseAtParam('2026-05-14T11:12:30+02:00')).toEqual({ kind: 'at', ms: z })
    expect(parseAtParam('2026-05-14t09:12:30.250z')).toEqual({ kind: 'at', ms: z + 250 })
    // A `+` read back from a query string as a space is not an offset: invalid, not a wrong instant.
    expect(parseAtParam('2026-05-14T11:12:30 02:00').kind).toBe('invalid')
  })

  it('refuses what Date.parse would guess at', () => {
    for (const raw of [
      'yesterday',
      '1747213950000',
      '2026-05-14',
      'May 14 2026 09:00',
      '2026-13-40T99:99:99Z',
    ])
      expect(parseAtParam(raw), raw).toEqual({ kind: 'invalid', raw })
  })

  it('writes whole-second UTC and round-trips', () => {
    const ms = Date.UTC(2026, 4, 14, 9, 12, 30, 780)
    expect(formatAtParam(ms)).toBe('2026-05-14T09:12:30Z')
    expect(parseAtParam(formatAtParam(ms))).toEqual({ kind: 'at', ms: ms - 780 })
  })

  it('clamps to the span', () => {
    expect(clampAt(5, 10, 20)).toBe(10)
    expect(clampAt(25, 10, 20)).toBe(20)
    expect(clampAt(15, 10, 20)).toBe(15)
    expect(clampAt(15, 10, 5)).toBe(10)
  })

  it('speeds, steps and labels', () => {
    expect(parseSpeed('60')).toBe(60)
    expect(parseSpeed('7')).toBe(1)
    expect(parseSpeed(undefined)).toBe(1)
    expect(scrubStepMs(40 * 60_000)).toBe(12_000)
    expect(scrubStepMs(10_000)).toBe(1000)
    expect(offsetLabel(125_000, 0)).toBe('+2m 05s')
    expect(offsetLabel(3_725_000, 0)).toBe('+1h 02m 05s')
  })
})
