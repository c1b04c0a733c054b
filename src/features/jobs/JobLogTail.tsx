import { useQuery } from '@tanstack/react-query'
import { AppLink } from '../../components/AppLink.tsx'
import { ErrorState, Skeleton } from '../../components/States.tsx'
import { StatusBadge } from '../../components/StatusBadge.tsx'
import { jobDetailQueryOptions } from '../../entities/job/jobQueries.ts'
import { isApiError } from '../../lib/http.ts'
import { bareJobName } from '../../lib/links.ts'
import { LogViewer } from './log/LogViewer.tsx'
import { useExecutionLog } from './log/useLogSource.ts'
import styles from './JobLogTail.module.css'

/**
 * A compact live tail of a job's latest execution — the same viewer as the job page, fewer controls. Meant
 * for side panels (the flow graph's): the route composes it in, since features never import each other.
 */
export function JobLogTail({
  deploymentId,
  jobName,
  height = 320,
}: {
  deploymentId: string
  /** Bare job name or full `<dep>:<jobName>` id. */
  jobName: string
  /** Height of the log area: pixels, or any CSS length. */
  height?: number | string
}) {
  const name = bareJobName(deploymentId, jobName)
  const detail = useQuery(jobDetailQueryOptions(deploymentId, name))
  const latest = detail.data?.executions[0]
  const source = useExecutionLog(latest?.id, latest?.lineCount ?? 0)
  if (detail.isPending) return <Skeleton rows={4} label="Loading the log…" />
  if (detail.isError && !detail.data) {
    if (isApiError(detail.error) && detail.error.status === 404)
      return <p className="muted">No job named {name} in this deployment.</p>
    return (
      <ErrorState
        title="The log could not be loaded"
        error={detail.error}
        onRetry={() => void detail.refetch()}
      />
    )
  }
  const { job } = detail.data
  return (
    <div className={styles.tail}>
      <div className={styles.header}>
        <StatusBadge status={latest?.status ?? job.status} size="sm" />
        <span className="muted">{latest ? 'Latest execution' : 'No execution yet'}</span>
        <AppLink to={{ page: 'job', deploymentId, jobId: job.id }} className={styles.open}>
          Open full log
        </AppLink>
      </div>
      {latest ? (
        <LogViewer
          key={latest.id}
          source={source}
          label={`Log of ${job.jobName}`}
          downloadName={`${job.jobName}.log`}
          compact
          height={typeof height === 'number' ? `${height}px` : height}
        />
      ) : job.type === 'group' ? (
        <p className="muted">A phase group has no log of its own.</p>
      ) : (
        <p className="muted" role="status">
          This job is {job.status}; its log appears here as soon as it starts.
        </p>
      )}
    </div>
  )
}
