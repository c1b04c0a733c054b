import { useReplayNow } from '../lib/replayNow.ts'
import { formatDuration, parseTime } from '../lib/time.ts'
import { useNow } from '../lib/useNow.ts'

/**
 * Elapsed time from `start` to `end`, ticking every second while `end` is absent (or, on a replayed page,
 * up to the replayed instant). Only this element re-renders on each tick.
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
  const replayNow = useReplayNow()
  const s = parseTime(start)
  const e = parseTime(end)
  if (s === undefined) return <span className="faint">—</span>
  if (e !== undefined) return <span>{formatDuration(e - s)}</span>
  // Replaying: the duration so far at the replayed instant, frozen (not the time since, ticking).
  if (replayNow !== undefined) return <span>{formatDuration(Math.max(0, replayNow - s))}</span>
  return <Ticking start={s} floor={durationMs} />
}

function Ticking({ start, floor }: { start: number; floor: number | undefined }) {
  const now = useNow(1000)
  return <span>{formatDuration(Math.max(floor ?? 0, now - start))}</span>
}
