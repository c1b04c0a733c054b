import type { Dispatch, SetStateAction } from 'react'
import { LOG_LEVELS, type LogLevel } from '../../../contracts/jobs.ts'
import styles from './LogViewer.module.css'

/**
 * The log viewer's level filter: one toggle per level, pressed while the level is shown. Hiding every
 * level shows them all again (an empty log by filter would look like a broken one).
 */
export function LevelToggles({
  hidden,
  onChange,
}: {
  hidden: ReadonlySet<LogLevel>
  onChange: Dispatch<SetStateAction<ReadonlySet<LogLevel>>>
}) {
  return (
    <div className={styles.group} role="group" aria-label="Levels shown">
      {LOG_LEVELS.map((level) => (
        <button
          key={level}
          type="button"
          className={`btn btn-sm ${styles.toggle} ${styles.level}`}
          data-level={level}
          aria-pressed={!hidden.has(level)}
          onClick={() =>
            onChange((prev) => {
              const next = new Set(prev)
              if (next.has(level)) next.delete(level)
              else next.add(level)
              return next.size === LOG_LEVELS.length ? new Set() : next
            })
          }
        >
          {level}
        </button>
      ))}
    </div>
  )
}
