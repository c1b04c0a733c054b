import { useQuery } from '@tanstack/react-query'
import { useRouterState, useSearch } from '@tanstack/react-router'
import { useCallback, useMemo, useRef } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { LiveDuration } from '../../components/LiveDuration.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { RelativeTime } from '../../components/RelativeTime.tsx'
import { ErrorState, Skeleton } from '../../components/States.tsx'
import { StatusBadge } from '../../components/StatusBadge.tsx'
import { splitJobId, type Execution, type Job } from '../../contracts/jobs.ts'
import { deploymentQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { jobDetailQueryOptions, jobsQueryOptions } from '../../entities/job/jobQueries.ts'
import { errorMessage, isApiError } from '../../lib/http.ts'
import { bareJobName, type LinkTarget, type Search } from '../../lib/links.ts'
import { notify } from '../../lib/notifications.ts'
import { formatRelative, parseTime } from '../../lib/time.ts'
import { useNow } from '../../lib/useNow.ts'
import { useRetryJob } from '../../entities/job/useRetryJob.ts'
import { NO_REGION, PRIMARY, phaseLabelOf, phaseOf, readableLabel, regionOf } from './jobRows.ts'
import type { JobDetailSearch } from './jobsSearch.ts'
import { LogViewer } from './log/LogViewer.tsx'
import { useExecutionLog, useGlobalLog } from './log/useLogSource.ts'
import { compactSearch, useReplaceSearch } from './useReplaceSearch.ts'
import styles from './JobDetailScreen.module.css'
import { RootCausePanel } from './rootCause/RootCausePanel.tsx'

/** `#L120` → 120. */
export function parseLineHash(hash: string | undefined): number | undefined {
  const m = /^#?L(\d{1,9})$/.exec(hash ?? '')
  return m ? Number(m[1]) : undefined
}

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
  const search = useSearch({ strict: false }) as JobDetailSearch
  const detail = useQuery(jobDetailQueryOptions(deploymentId, jobName))
  const jobs = useQuery(jobsQueryOptions(deploymentId))
  const deployment = useQuery(deploymentQueryOptions(deploymentId))
  const keep: Search = compactSearch({ depth: search.depth, folded: search.folded })
  const fromGraph = !!(search.depth || search.folded)
  const backTarget: LinkTarget = {
    page: 'jobs',
    deploymentId,
    ...(fromGraph ? { search: { view: 'graph', ...keep, focus: `${deploymentId}:${jobName}` } } : {}),
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

  const { job, executions } = detail.data
  const allJobs = jobs.data ?? []
  const primaryKey =
    deployment.data?.regions.find((r) => r.primary)?.region ?? deployment.data?.region ?? undefined
  return (
    <div className={styles.page}>
      {back}
      <JobHeader job={job} deploymentId={deploymentId} jobs={allJobs} primaryKey={primaryKey} keep={keep} />
      <RootCausePanel deploymentId={deploymentId} />
      <Relations job={job} allJobs={allJobs} deploymentId={deploymentId} keep={keep} />
      <LogSection job={job} executions={executions} search={search} deploymentId={deploymentId} />
    </div>
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
  const replace = useReplaceJobSearch(deploymentId, job.id)
  const search = useSearch({ strict: false }) as JobDetailSearch
  // The button is disabled once React Query reports the mutation pending, which is a task later: a
  // double click lands both clicks before that, so the guard is synchronous.
  const retrying = useRef(false)
  const onRetry = () => {
    if (retrying.current) return
    retrying.current = true
    retry.mutate(undefined, {
      onSettled: () => {
        retrying.current = false
      },
      onSuccess: (execution) => {
        notify({
          id: `retry:${job.id}`,
          level: 'info',
          title: `Retrying ${job.jobName}`,
          body: `A new execution started (${execution.id.slice(0, 8)}…).`,
        })
        // Follow the new (latest) execution.
        replace({ ...search, exec: undefined })
      },
    })
  }
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
            {job.status === 'failed' && job.type !== 'group' ? (
              <button type="button" className="btn btn-primary" disabled={retry.isPending} onClick={onRetry}>
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
      {retry.isError ? (
        <p className={styles.error} role="alert">
          Retry failed: {errorMessage(retry.error)}
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

function executionLabel(e: Execution, index: number, count: number, now: number): string {
  const started = parseTime(e.startedAt)
  return `Execution ${count - index}${index === 0 ? ' (latest)' : ''} · ${e.status}${
    started !== undefined ? ` · started ${formatRelative(started, now)}` : ''
  }`
}

function Executions({
  job,
  executions,
  search,
  deploymentId,
}: {
  job: Job
  executions: readonly Execution[]
  search: JobDetailSearch
  deploymentId: string
}) {
  const replace = useReplaceJobSearch(deploymentId, job.id)
  const now = useNow(15_000)
  if (job.type === 'group') return null
  if (executions.length === 0) return null
  const selected = executions.find((e) => e.id === search.exec) ?? executions[0]!
  return (
    <div className={styles.executionRow} role="group" aria-label="Executions">
      <label className={styles.field}>
        <span className="sr-only">Execution</span>
        <select
          className="select"
          aria-label="Execution"
          value={selected.id}
          onChange={(e) =>
            replace({ ...search, exec: e.target.value === executions[0]!.id ? undefined : e.target.value })
          }
        >
          {executions.map((e, i) => (
            <option key={e.id} value={e.id}>
              {executionLabel(e, i, executions.length, now)}
            </option>
          ))}
        </select>
      </label>
      <StatusBadge status={selected.status} size="sm" />
      <span className="muted">
        {selected.lineCount.toLocaleString('en-US')} lines ·{' '}
        <LiveDuration start={selected.startedAt} end={selected.finishedAt} />
      </span>
      {search.exec && search.exec !== selected.id ? (
        <span className={styles.error}>The execution in the link no longer exists; showing the latest.</span>
      ) : null}
    </div>
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

function LogSection({
  job,
  executions,
  search,
  deploymentId,
}: {
  job: Job
  executions: readonly Execution[]
  search: JobDetailSearch
  deploymentId: string
}) {
  const global = search.log === 'global'
  const hash = useRouterState({ select: (s) => s.location.hash })
  const line = parseLineHash(hash)
  const replace = useReplaceJobSearch(deploymentId, job.id)
  const deepLink = { line, setLine: (n: number) => replace(search, `L${n}`) }
  const selected = executions.find((e) => e.id === search.exec) ?? executions[0]
  return (
    <section className={styles.logs} aria-labelledby="logs-heading">
      <div className={styles.logsHeader}>
        <h2 id="logs-heading">Logs</h2>
        <nav className={styles.tabs} aria-label="Log source">
          <AppLink
            to={{
              page: 'job',
              deploymentId,
              jobId: job.id,
              search: compactSearch({ ...search, log: undefined }),
            }}
            aria-current={!global ? 'page' : undefined}
            className={`btn btn-sm ${!global ? styles.active : ''}`}
          >
            This job
          </AppLink>
          <AppLink
            to={{
              page: 'job',
              deploymentId,
              jobId: job.id,
              search: compactSearch({ ...search, log: 'global' }),
            }}
            aria-current={global ? 'page' : undefined}
            className={`btn btn-sm ${global ? styles.active : ''}`}
          >
            All jobs (global log)
          </AppLink>
        </nav>
        {!global ? (
          <Executions job={job} executions={executions} search={search} deploymentId={deploymentId} />
        ) : null}
      </div>
      {global ? (
        <GlobalLog deploymentId={deploymentId} deepLink={deepLink} />
      ) : job.type === 'group' ? (
        <p className={styles.noExecution}>
          A phase group has no log of its own. Open one of its jobs, or switch to the global log.
        </p>
      ) : selected ? (
        <ExecutionLog
          key={selected.id}
          execution={selected}
          latest={selected === executions[0]}
          jobName={job.jobName}
          deepLink={deepLink}
        />
      ) : (
        <p className={styles.noExecution} role="status">
          No execution yet — this job is {job.status}
          {job.dependsOn.length ? ' and waits for its dependencies' : ''}. Its log appears here as soon as it
          starts.
        </p>
      )}
    </section>
  )
}

function ExecutionLog({
  execution,
  latest,
  jobName,
  deepLink,
}: {
  execution: Execution
  latest: boolean
  jobName: string
  deepLink: { line: number | undefined; setLine: (n: number) => void }
}) {
  const source = useExecutionLog(execution.id, execution.lineCount)
  return (
    <LogViewer
      source={source}
      label="Job logs"
      downloadName={latest ? `${jobName}.log` : `${jobName}.${execution.id.slice(0, 8)}.log`}
      deepLink={deepLink}
    />
  )
}

function GlobalLog({
  deploymentId,
  deepLink,
}: {
  deploymentId: string
  deepLink: { line: number | undefined; setLine: (n: number) => void }
}) {
  const source = useGlobalLog(deploymentId)
  return (
    <LogViewer
      source={source}
      label="Job logs"
      downloadName={`${deploymentId}-global.log`}
      deepLink={deepLink}
      emptyFinishedText="This deployment has not logged anything yet."
    />
  )
}

/** Replaces this job page's search (and optionally its `#L…` hash) in place, keeping the job's URL. */
function useReplaceJobSearch(deploymentId: string, jobId: string) {
  return useReplaceSearch<JobDetailSearch>(
    useCallback(
      (s: JobDetailSearch, h?: string): LinkTarget => ({
        page: 'job',
        deploymentId,
        jobId,
        search: compactSearch(s),
        ...(h ? { hash: h } : {}),
      }),
      [deploymentId, jobId],
    ),
  )
}
