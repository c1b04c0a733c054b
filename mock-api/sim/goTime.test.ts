import { describe, expect, it } from 'vitest'
import { rfc3339, rfc3339Nano } from './goTime.ts'

describe('Go timestamp formats', () => {
  const t = Date.UTC(2026, 4, 14, 9, 0, 7, 250)
  it('RFC3339 truncates to the second', () => {
    expect(rfc3339(t)).toBe('2026-05-14T09:00:07Z')
    expect(rfc3339(t + 749)).toBe('2026-05-14T09:00:07Z')
  })
  it('RFC3339Nano trims trailing zeros, and the whole fraction on a whole second', () => {
    expect(rfc3339Nano(t)).toBe('2026-05-14T09:00:07.25Z')
    expect(rfc3339Nano(t + 3)).toBe('2026-05-14T09:00:07.253Z')
    expect(rfc3339Nano(t - 250)).toBe('2026-05-14T09:00:07Z')
    expect(rfc3339Nano(t - 150)).toBe('2026-05-14T09:00:07.1Z')
  })
})
