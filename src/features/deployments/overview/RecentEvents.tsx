/**
 * The overview's "Recent events" card: the newest log events (raw OpenTofu and Helm lines on request).
 * Moved out of OverviewScreen.tsx to keep that file small; it shares the screen's CSS module.
 */
import { useMemo, useState } from 'react'
import { formatAbsolute, parseTime } from '../../../lib/time.ts'
import type { LogEvent } from './deploymentLog.ts'
import styles from './OverviewScreen.module.css'

const RAW_PHASES = new Set(['tofu', 'component-log'])

export function RecentEvents({ events, total }: { events: readonly LogEvent[]; total: number }) {
  const [showRaw, setShowRaw] = useState(false)
  const shown = useMemo(() => {
    const out: LogEvent[] = []
    for (let i = events.length - 1; i >= 0 && out.length < 200; i--) {
      const e = events[i]!
      if (showRaw || !RAW_PHASES.has(e.phase)) out.push(e)
    }
    return out
  }, [events, showRaw])
  return (
    <section className={`card ${styles.card} ${styles.events}`} aria-labelledby="events-title">
      <div className={styles.eventsHead}>
        <h2 id="events-title" className={styles.cardTitle}>
          Recent events
        </h2>
        <label className={styles.rawToggle}>
          <input type="checkbox" checked={showRaw} onChange={(e) => setShowRaw(e.target.checked)} /> Show raw
          OpenTofu and Helm lines
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="muted">No events yet.</p>
      ) : (
        <ol
          className={styles.eventList}
          aria-label="Recent events, newest first"
          // A scrollable region must be reachable by keyboard (WCAG 2.1.1).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
        >
          {shown.map((e) => (
            <li key={e.seq} className={styles.event} data-level={e.level}>
              <time
                dateTime={e.time}
                title={formatAbsolute(parseTime(e.time) ?? 0)}
                className={styles.eventTime}
              >
                {e.time.slice(11, 19)}
              </time>
              <span className={styles.level}>{e.level}</span>
              <span className={styles.eventPhase}>{e.phase}</span>
              <span className={styles.eventMessage}>
                {e.component ? <strong className={styles.component}>{e.component}</strong> : null}
                {e.message}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="faint">
        Showing the newest {shown.length} of {total} events.
      </p>
    </section>
  )
}
