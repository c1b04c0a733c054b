import { memo, useState } from 'react'
import { formatAbsolute, formatDuration } from '../../../lib/time.ts'
import { NO_REGION, PRIMARY } from '../jobRows.ts'
import type { TimelineRow } from './timelineModel.ts'
import styles from './TimelineTable.module.css'

type JobTimelineRow = Extract<TimelineRow, { kind: 'job' }>

/**
 * The timeline as a table, for assistive technology and for reading exact times. Collapsed by default;
 * its rows exist only while it is open, so a scrubbed replay does not re-render a table nobody reads.
 */
export function TimelineTable({ rows }: { rows: readonly TimelineRow[] }) {
  const [open, setOpen] = useState(false)
  return (
    <details className={styles.tableFallback} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Timeline as a table</summary>
      {open ? (
        <table>
          <caption className="sr-only">Jobs by phase with start, finish and duration</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Phase</th>
              <th scope="col">Region</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Finished</th>
              <th scope="col">Duration</th>
              <th scope="col">Critical path</th>
            </tr>
          </thead>
          <tbody>{rows.map((r) => (r.kind === 'job' ? <TableRow key={r.row.id} r={r} /> : null))}</tbody>
        </table>
      ) : null}
    </details>
  )
}

const TableRow = memo(function TableRow({ r }: { r: JobTimelineRow }) {
  const { row } = r
  return (
    <tr>
      <td>{row.jobName}</td>
      <td>{row.phaseLabel}</td>
      <td>{row.region === NO_REGION ? '—' : row.region === PRIMARY ? 'primary' : row.region}</td>
      <td>{row.status}</td>
      <td>{r.startMs !== undefined ? formatAbsolute(r.startMs) : '—'}</td>
      <td>{row.finishedAt !== undefined ? formatAbsolute(row.finishedAt) : '—'}</td>
      <td>{r.startMs !== undefined ? formatDuration((r.endMs ?? r.startMs) - r.startMs) : '—'}</td>
      <td>{r.critical ? 'yes' : ''}</td>
    </tr>
  )
})
