/**
 * The app detail's "Recent log lines" section: the tail of one install job's latest execution, with a
 * picker when the app has several install jobs. Moved out of AppDetailScreen.tsx to keep that file small;
 * it shares the screen's CSS module.
 */
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { ErrorState, Skeleton } from '../../components/States.tsx'
import type { Job } from '../../contracts/jobs.ts'
import { APP_LOG_TAIL_LINES, appLogTailQueryOptions } from '../../entities/execution-log/logTailQueries.ts'
import { jobDetailQueryOptions } from '../../entities/job/jobQueries.ts'
import styles from './AppDetailScreen.module.css'

/** The last lines of the primary install job's latest execution, as plain text (ANSI stripped). */
export function RecentLog({
  deploymentId,
  jobs,
  defaultJob,
}: {
  deploymentId: string
  jobs: readonly Job[]
  defaultJob: Job | undefined
}) {
  // The primary install by default; any other install of the app (a failed secondary…) on request.
  const [chosen, setChosen] = useState<string | undefined>()
  const job = jobs.find((j) => j.id === chosen) ?? defaultJob
  const selectId = useId()
  const detail = useQuery(jobDetailQueryOptions(deploymentId, job?.jobName ?? ''))
  // Newest first; never a synthetic `<job>:latest` id (regression 19).
  const execution = detail.data?.executions[0]
  const tail = useQuery(
    appLogTailQueryOptions(execution?.id ?? '', execution?.lineCount ?? 0, execution?.status === 'running'),
  )
  let body
  if (!job) body = <p className="muted">No install job yet.</p>
  else if (detail.isPending) body = <Skeleton rows={3} label="Loading the log…" />
  else if (detail.isError)
    body = (
      <ErrorState
        title="The job could not be loaded"
        error={detail.error}
        onRetry={() => void detail.refetch()}
      />
    )
  else if (!execution) body = <p className="muted">No execution recorded yet.</p>
  else if (tail.isPending) body = <Skeleton rows={3} label="Loading the log…" />
  else if (tail.isError)
    body = (
      <ErrorState title="Failed to load log lines" error={tail.error} onRetry={() => void tail.refetch()} />
    )
  else if (tail.data.lines.length === 0)
    body = (
      <p className="muted">
        {tail.data.finished ? 'Execution finished — no log lines were emitted.' : 'No log lines yet.'}
      </p>
    )
  else
    body = (
      <>
        <p className={styles.logMeta}>
          {tail.data.total > tail.data.lines.length
            ? `Last ${tail.data.lines.length} of ${tail.data.total} lines`
            : `${tail.data.total} line${tail.data.total === 1 ? '' : 's'}`}
          {tail.data.finished ? '' : ' · still running'}
        </p>
        {/* A scrollable region must be reachable by keyboard (axe: scrollable-region-focusable). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <pre className={styles.log} role="log" aria-label={`Recent log lines of ${job.jobName}`} tabIndex={0}>
          {tail.data.lines.map((l) => (
            <span key={l.lineNumber} className={styles.logLine} data-level={l.level}>
              <span className={styles.lineNo}>{l.lineNumber}</span>
              <span className={styles.level}>{l.level.padEnd(5)}</span>
              {l.message}
              {'\n'}
            </span>
          ))}
        </pre>
      </>
    )
  return (
    <section className={styles.section} aria-labelledby="app-log">
      <div className={styles.sectionHead}>
        <h2 id="app-log">Recent log lines</h2>
        {jobs.length > 1 && job ? (
          <span className={styles.logPicker}>
            <label htmlFor={selectId}>Log of</label>
            <select
              id={selectId}
              className="select"
              value={job.id}
              onChange={(e) => setChosen(e.target.value)}
            >
              {jobs.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.jobName} ({j.status})
                </option>
              ))}
            </select>
          </span>
        ) : null}
        {job ? (
          <AppLink to={{ page: 'job', deploymentId, jobId: job.id }}>Full log of {job.jobName} →</AppLink>
        ) : null}
      </div>
      {job ? (
        <p className="faint">
          The last {APP_LOG_TAIL_LINES} lines of the latest execution of{' '}
          <span className="mono">{job.jobName}</span>.
        </p>
      ) : null}
      {body}
    </section>
  )
}
