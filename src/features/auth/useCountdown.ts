import { useEffect, useState } from 'react'

/**
 * Whole seconds left until `untilMs` (local clock: the server sends a duration, `retryAfterSec`, so the
 * wait is measured here, not against the server's — possibly virtual — time). Ticks once a second and
 * stops at 0.
 */
export function useCountdown(untilMs: number | undefined): number {
  const [now, setNow] = useState(() => Date.now())
  const left = untilMs === undefined ? 0 : Math.max(0, Math.ceil((untilMs - now) / 1000))
  useEffect(() => {
    if (untilMs === undefined) return
    const timer = setInterval(() => {
      const t = Date.now()
      setNow(t)
      if (t >= untilMs) clearInterval(timer)
    }, 250)
    return () => clearInterval(timer)
  }, [untilMs])
  return left
}
