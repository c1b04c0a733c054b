import { formatDuration, parseTime } from '../lib/time.ts'
import { useNow } from '../lib/useNow.ts'

/**
 * Elapsed time from `start` to `end`, ticking every second while `end` is absent. Only this element
 * re-renders on each tick.
 */
export function LiveDuration({
  start,
  end,
  durationMs,
}: {
  start: string | undefined
  end?: string | undefined
  durationMs?: number
}) {
  const s = parseTime(start)
  const e = parseTime(end)
  if (s === undefined) return <span className="faint">—</span>
  if (e !== undefined) return <span>{formatDuration(e - s)}</span>
  return <Ticking start={s} floor={durationMs} />
}

function Ticking({ start, floor }: { start: number; floor: number | undefined }) {
  const now = useNow(1000)
  return <span>{formatDuration(Math.max(floor ?? 0, now - start))}</span>
}
