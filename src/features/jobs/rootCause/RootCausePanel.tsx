import { useQuery } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { AppLink } from '../../../components/AppLink.tsx'
import { PermissionNote } from '../../../components/PermissionNote.tsx'
import { RelativeTime } from '../../../components/RelativeTime.tsx'
import { ErrorState } from '../../../components/States.tsx'
import { rootCause, type RootCause } from '../../../graph/rootCause.ts'
import { NO_REGION, PRIMARY } from '../../../graph/runData.ts'
import { deploymentQueryOptions } from '../../../entities/deployment/deploymentQueries.ts'
import { jobDetailQueryOptions, jobsQueryOptions } from '../../../entities/job/jobQueries.ts'
import { errorMessage } from '../../../lib/http.ts'
import { bareJobName } from '../../../lib/links.ts'
import { sanitiseLine, stripSgr } from '../log/ansi.ts'
import { useRetryJob } from '../../../entities/job/useRetryJob.ts'
import { useCan } from '../../../entities/session/permissions.ts'
import { executionTailQueryOptions, lastErrorLines } from './rootCauseTail.ts'
import styles from './RootCausePanel.module.css'

function regionName(key: string): string {
  if (key === PRIMARY) return 'the primary region'
  if (key === NO_REGION) return 'deployment-wide steps'
  return `region ${key}`
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/**
 * "Why it failed": the root-cause job of a failed or degraded deployment (the first failure upstream of
 * the others, `graph/rootCause.ts`), what it holds back per region, its last error lines, and the two
 * things an operator does next — retry it, or see it in the graph. Renders nothing while nothing failed.
 */
export function RootCausePanel({ deploymentId }: { deploymentId: string }) {
  const jobs = useQuery(jobsQueryOptions(deploymentId))
  const deployment = useQuery(deploymentQueryOptions(deploymentId))
  const report = useMemo(
    () => (jobs.data ? rootCause(jobs.data, deployment.data) : undefined),
    [jobs.data, deployment.data],
  )
  // The pages that mount this show the jobs error themselves; a failing jobs list here is said once more
  // only if the page has nothing else (it always does), so stay silent until there is data.
  if (!report || report.causes.length === 0) return null
  const [first, ...others] = report.causes
  return (
    <section className={styles.panel} aria-labelledby="root-cause-heading">
      <h2 id="root-cause-heading" className={styles.heading}>
        Why it failed
      </h2>
      <RootCauseItem deploymentId={deploymentId} cause={first!} />
      {others.length ? (
        <details className={styles.more}>
          <summary>{plural(others.length, 'other independent failure')}</summary>
          {others.map((c) => (
            <RootCauseItem key={c.jobId} deploymentId={deploymentId} cause={c} />
          ))}
        </details>
      ) : null}
    </section>
  )
}

function RootCauseItem({ deploymentId, cause }: { deploymentId: string; cause: RootCause }) {
  const jobName = bareJobName(deploymentId, cause.jobId)
  const retry = useRetryJob(deploymentId, jobName)
  const mayRetry = useCan('job.retry')
  const reasonId = useId()
  const onRetry = () => retry.start()
  const { blockedCount, downstreamFailedCount, impact } = cause.explanation
  const canRetry = cause.explanation.evidence === 'job-failed'
  return (
    <article className={styles.cause} aria-label={`Root cause: ${cause.label}`}>
      <p className={styles.lead}>
        <AppLink to={{ page: 'job', deploymentId, jobId: cause.jobId }} className={styles.job}>
          {cause.label}
        </AppLink>{' '}
        {cause.explanation.evidence === 'component-degraded' ? 'is degraded' : 'failed'} in{' '}
        {regionName(cause.region)}
        {cause.failedAtMs !== undefined ? (
          <>
            {' '}
            (<RelativeTime value={cause.failedAtMs} />)
          </>
        ) : null}
        {impact === 'region' ? ' — only that region is affected.' : ' — the deployment cannot finish.'}
      </p>
      <p>
        It blocks {plural(blockedCount, 'pending job')}
        {downstreamFailedCount ? ` and explains ${plural(downstreamFailedCount, 'later failure')}` : ''}.
      </p>
      {cause.blockedByRegion.length ? (
        <ul className={styles.regions} aria-label="Blocked jobs per region">
          {cause.blockedByRegion.map((r) => (
            <li key={r.region}>
              {r.region === PRIMARY ? 'Primary' : r.region === NO_REGION ? 'Deployment-wide' : r.region}:{' '}
              <strong>{r.count}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      <LastErrorLines deploymentId={deploymentId} jobName={jobName} label={cause.label} />
      <div className={styles.actions}>
        {canRetry ? (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={retry.isPending || !mayRetry.allowed}
            title={mayRetry.reason}
            aria-describedby={mayRetry.allowed ? undefined : reasonId}
            onClick={onRetry}
            // Named after its job: the job page has its own "Retry", and the two must stay distinguishable.
            aria-label={`${retry.isPending ? 'Retrying' : 'Retry'} ${jobName}`}
          >
            {retry.isPending ? 'Retrying…' : 'Retry'}
          </button>
        ) : null}
        <AppLink
          className="btn btn-sm"
          to={{ page: 'jobs', deploymentId, search: { view: 'graph', focus: cause.jobId } }}
        >
          Show in graph
        </AppLink>
      </div>
      {canRetry ? <PermissionNote id={reasonId} reason={mayRetry.reason} /> : null}
      {retry.isError ? (
        <p className={styles.error} role="alert">
          {mayRetry.refusal(retry.error) ?? `Retry failed: ${errorMessage(retry.error)}`}
        </p>
      ) : null}
    </article>
  )
}

function LastErrorLines({
  deploymentId,
  jobName,
  label,
}: {
  deploymentId: string
  jobName: string
  label: string
}) {
  const detail = useQuery(jobDetailQueryOptions(deploymentId, jobName))
  // Executions come newest first: the one that failed last.
  const exec = detail.data?.executions[0]
  const tail = useQuery(executionTailQueryOptions(exec?.id ?? '', exec?.lineCount ?? 0))
  const error = detail.error ?? tail.error
  if (error)
    return (
      <ErrorState
        title="The last log lines could not be loaded"
        error={error}
        onRetry={() => void (detail.error ? detail.refetch() : tail.refetch())}
      />
    )
  if (detail.isPending || (exec && tail.isPending))
    return <p className="muted">Loading the last log lines…</p>
  const lines = lastErrorLines(tail.data?.lines ?? [])
  if (!lines.length) return <p className="muted">The job wrote no log lines.</p>
  return (
    <pre className={styles.log} aria-label={`Last error lines of ${label}`}>
      {lines.map((l) => (
        <span key={l.lineNumber} className={styles.line} data-level={l.level}>
          {stripSgr(sanitiseLine(l.message))}
          {'\n'}
        </span>
      ))}
    </pre>
  )
}
