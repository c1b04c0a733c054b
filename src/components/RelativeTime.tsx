import { useNow } from '../lib/useNow.ts'
import { formatAbsolute, formatRelative, parseTime } from '../lib/time.ts'

/** "5m ago" with the absolute time on hover (and in `dateTime` for assistive technology). */
export function RelativeTime({
  value,
  fallback = '—',
}: {
  value: string | number | undefined | null
  fallback?: string
}) {
  const now = useNow(15_000)
  const ms = typeof value === 'number' ? value : parseTime(value)
  if (ms === undefined) return <span className="faint">{fallback}</span>
  const absolute = formatAbsolute(ms)
  return (
    <time dateTime={new Date(ms).toISOString()} title={absolute} aria-label={absolute}>
      {formatRelative(ms, now)}
    </time>
  )
}
