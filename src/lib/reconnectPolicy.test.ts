import { describe, expect, it } from 'vitest'
import { attemptAfterClose, backoffCeiling, backoffDelay, DEFAULT_BACKOFF } from './reconnectPolicy.ts'

describe('reconnect policy', () => {
  it('doubles the ceiling per attempt up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => backoffCeiling(n, DEFAULT_BACKOFF))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ])
  })

  it('spreads delays uniformly over [0, ceiling] (full jitter), never above the ceiling', () => {
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0)).toBe(0)
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0.5)).toBe(4000)
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0.999)).toBe(7992)
    // A thousand tabs dropped together: their delays are spread, not one wave.
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    const delays = Array.from({ length: 1000 }, () => backoffDelay(4, DEFAULT_BACKOFF, random))
    expect(Math.max(...delays)).toBeLessThanOrEqual(16_000)
    const buckets = new Set(delays.map((d) => Math.floor(d / 1600)))
    expect(buckets.size).toBe(10)
  })

  it('resets the attempt count only after a stable connection', () => {
    expect(attemptAfterClose(4, 200, DEFAULT_BACKOFF)).toBe(4) // accept-then-close: keep backing off
    expect(attemptAfterClose(4, 9_999, DEFAULT_BACKOFF)).toBe(4)
    expect(attemptAfterClose(4, 10_000, DEFAULT_BACKOFF)).toBe(0)
  })
})
