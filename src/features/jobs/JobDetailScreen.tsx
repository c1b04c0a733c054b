import { useQuery } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { LiveDuration } from '../../components/LiveDuration.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { PermissionNote } from '../../components/PermissionNote.tsx'
import { ReplayBar, ReplayButton } from '../../components/replay/ReplayBar.tsx'
import { useReplay } from '../../components/replay/useReplay.ts'
import { RelativeTime } from '../../components/RelativeTime.tsx'
import { ErrorState, Skeleton } from '../../components/States.tsx'
import { StatusBadge } from '../../components/StatusBadge.tsx'
import { splitJobId, type Job } from '../../contracts/jobs.ts'
import { deploymentQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { jobDetailQueryOptions, jobsQueryOptions } from '../../entities/job/jobQueries.ts'
import { useRetryJob } from '../../entities/job/useRetryJob.ts'
import { useCan } from '../../entities/session/permissions.ts'
import { executionsAsOf, jobsAsOf } from '../../graph/replayViews.ts'
import { errorMessage, isApiError } from '../../lib/http.ts'
import { bareJobName, type LinkTarget, type Search } from '../../lib/links.ts'
import { ReplayNowContext } from '../../lib/replayNow.ts'
import { NO_REGION, PRIMARY, phaseLabelOf, phaseOf, readableLabel, regionOf } from './jobRows.ts'
import { jobDetailSearch } from '../../entities/job/jobsSearch.ts'
import { LogSection, useReplaceJobSearch } from './JobLogSection.tsx'
import { compactSearch } from './useReplaceSearch.ts'
import styles from './JobDetailScreen.module.css'
import { RootCausePanel } from './rootCause/RootCausePanel.tsx'
import { usePageSearch } from '../../lib/routeSearch.ts'

/**
 * `/…/jobs/$jobId`: one job — header facts, executions (retry for failed jobs), dependencies and
 * dependents as links — then the log viewer for the selected execution or the deployment's global log.
 */
export function JobDetailScreen({
  deploymentId,
  jobName: rawName,
}: {
  deploymentId: string
  jobName: string
}) {
  // The URL may carry a full id (`<dep>:install-x`); the API wants the bare name.
  const jobName = bareJobName(deploymentId, rawName)
  const search = usePageSearch(jobDetailSearch)
  const detail = useQuery(jobDetailQueryOptions(deploymentId, jobName))
  const jobs = useQuery(jobsQueryOptions(deploymentId))
  const deployment = useQuery(deploymentQueryOptions(deploymentId))
  const replay = useReplay(deploymentId)
  const keep: Search = compactSearch({ depth: search.depth, folded: search.folded, at: search.at })
  const fromGraph = !!(search.depth || search.folded)
  const backTarget: LinkTarget = {
    page: 'jobs',
    deploymentId,
    ...(fromGraph
      ? { search: { view: 'graph', ...keep, focus: `${deploymentId}:${jobName}` } }
      : search.at
        ? { search: { at: search.at } }
        : {}),
  }
  const back = (
    <AppLink to={backTarget} className={styles.back}>
      ← Back to jobs
    </AppLink>
  )

  if (detail.isPending) {
    return (
      <>
        {back}
        <PageHeader title={jobName} />
        <Skeleton rows={8} label="Loading the job…" />
      </>
    )
  }
  if (detail.isError && !detail.data) {
    if (isApiError(detail.error) && detail.error.status === 404) {
      return (
        <>
          {back}
          <PageHeader title="Job not found" />
          <div className={styles.notFound} role="alert">
            <p>
              <code>{jobName}</code> is not part of this deployment. It may have been renamed, or the link is
              mistyped.
            </p>
            <AppLink to={{ page: 'jobs', deploymentId }} className="btn btn-primary">
              Back to jobs
            </AppLink>
          </div>
        </>
      )
    }
    return (
      <>
        {back}
        <PageHeader title={jobName} />
        <ErrorState
          title="The job could not be loaded"
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      </>
    )
  }

  // Replaying (`?at=`): the job, its neighbours and its executions as they were then.
  const snap = replay.snapshot
  const job = snap ? jobsAsOf([detail.data.job], snap)[0]! : detail.data.job
  const allJobs = snap ? jobsAsOf(jobs.data ?? [], snap) : (jobs.data ?? [])
  const executions = snap ? executionsAsOf(detail.data.executions, snap.atMs) : detail.data.executions
  const primaryKey =
    deployment.data?.regions.find((r) => r.primary)?.region ?? deployment.data?.region ?? undefined
  return (
    <ReplayNowContext.Provider value={replay.snapshot?.atMs}>
      <div className={styles.page}>
        {back}
        <ReplayBar replay={replay} />
        <JobHeader job={job} deploymentId={deploymentId} jobs={allJobs} primaryKey={primaryKey} keep={keep} />
        <ReplayButton replay={replay} />
        <RootCausePanel deploymentId={deploymentId} />
        <Relations job={job} allJobs={allJobs} deploymentId={deploymentId} keep={keep} />
        <LogSection
          job={job}
          executions={executions}
          search={search}
          deploymentId={deploymentId}
          replayMs={replay.committedMs}
        />
      </div>
    </ReplayNowContext.Provider>
  )
}

function JobHeader({
  job,
  deploymentId,
  jobs,
  primaryKey,
  keep,
}: {
  job: Job
  deploymentId: string
  jobs: readonly Job[]
  primaryKey: string | undefined
  keep: Search
}) {
  const phase = phaseOf(job)
  const region = job.type === 'group' ? NO_REGION : regionOf(job)
  const retry = useRetryJob(deploymentId, job.jobName)
  const mayRetry = useCan('job.retry')
  const reasonId = useId()
  const retryable = job.status === 'failed' && job.type !== 'group'
  const replace = useReplaceJobSearch(deploymentId, job.id)
  const search = usePageSearch(jobDetailSearch)
  // Follow the new (latest) execution.
  const onRetry = () => retry.start(() => replace({ ...search, exec: undefined }))
  const title = job.displayName ?? job.jobName
  return (
    <>
      <PageHeader
        title={title}
        description={
          <span className={styles.subtitle}>
            <StatusBadge status={job.status} />
            {job.displayName ? <code>{job.jobName}</code> : null}
            {job.type === 'group' ? <span className="muted">Phase group</span> : null}
          </span>
        }
        actions={
          <>
            {retryable ? (
              <button
                type="button"
                className="btn btn-primary"
                disabled={retry.isPending || !mayRetry.allowed}
                title={mayRetry.reason}
                aria-describedby={mayRetry.allowed ? undefined : reasonId}
                onClick={onRetry}
              >
                {retry.isPending ? 'Retrying…' : 'Retry'}
              </button>
            ) : null}
            <AppLink
              className="btn"
              to={{ page: 'jobs', deploymentId, search: { view: 'graph', ...keep, focus: job.id } }}
            >
              Show in graph
            </AppLink>
            <AppLink className="btn" to={{ page: 'jobsTimeline', deploymentId }}>
              Timeline
            </AppLink>
          </>
        }
      />
      {retryable ? <PermissionNote id={reasonId} reason={mayRetry.reason} /> : null}
      {retry.isError ? (
        <p className={styles.error} role="alert">
          {mayRetry.refusal(retry.error) ?? `Retry failed: ${errorMessage(retry.error)}`}
        </p>
      ) : null}
      <dl className={styles.facts}>
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={job.status} size="sm" />
          </dd>
        </div>
        <div>
          <dt>Phase</dt>
          <dd>{phaseLabelOf(phase, jobs)}</dd>
        </div>
        <div>
          <dt>Region</dt>
          <dd>
            {region === NO_REGION ? (
              'Deployment-wide'
            ) : region === PRIMARY ? (
              <>primary{primaryKey ? <span className="muted"> ({primaryKey})</span> : null}</>
            ) : (
              <span className="mono">{region}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <RelativeTime value={job.startedAt} fallback="Not started" />
          </dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>
            <RelativeTime value={job.finishedAt} fallback={job.startedAt ? 'Still running' : '—'} />
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>
            <LiveDuration start={job.startedAt} end={job.finishedAt} durationMs={job.durationMs} />
          </dd>
        </div>
      </dl>
    </>
  )
}

function Relations({
  job,
  allJobs,
  deploymentId,
  keep,
}: {
  job: Job
  allJobs: readonly Job[]
  deploymentId: string
  keep: Search
}) {
  const byId = useMemo(() => new Map(allJobs.map((j) => [j.id, j])), [allJobs])
  const dependents = useMemo(() => allJobs.filter((j) => j.dependsOn.includes(job.id)), [allJobs, job.id])
  const children = job.type === 'group' ? job.childIds : []
  const list = (ids: readonly string[], label: string, empty: string) => (
    <section className={styles.relation} aria-label={label}>
      <h2>{label}</h2>
      {ids.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {ids.map((id) => {
            const j = byId.get(id)
            const name = splitJobId(id).jobName
            return (
              <li key={id}>
                <AppLink to={{ page: 'job', deploymentId, jobId: id, search: keep }}>
                  {readableLabel(j, name)}
                </AppLink>{' '}
                <code className="muted">{name}</code> {j ? <StatusBadge status={j.status} size="sm" /> : null}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
  return (
    <div className={styles.relations}>
      {job.type === 'group'
        ? list(children, 'Jobs in this phase', 'No jobs in this phase yet.')
        : list(job.dependsOn, 'Depends on', 'No dependencies: it starts as soon as its phase does.')}
      {list(
        dependents.map((d) => d.id),
        'Needed by',
        'Nothing waits for this job.',
      )}
    </div>
  )
}
