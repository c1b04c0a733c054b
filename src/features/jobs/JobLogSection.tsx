import { useRouterState } from '@tanstack/react-router'
import { useCallback } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { LiveDuration } from '../../components/LiveDuration.tsx'
import { StatusBadge } from '../../components/StatusBadge.tsx'
import type { Execution, Job } from '../../contracts/jobs.ts'
import type { LinkTarget } from '../../lib/links.ts'
import { formatRelative, parseTime } from '../../lib/time.ts'
import { useNow } from '../../lib/useNow.ts'
import type { JobDetailSearch } from '../../entities/job/jobsSearch.ts'
import { LogViewer } from './log/LogViewer.tsx'
import { useExecutionLog, useGlobalLog, useReplayLog } from './log/useLogSource.ts'
import { compactSearch, useReplaceSearch } from './useReplaceSearch.ts'
import styles from './JobDetailScreen.module.css'

/** `#L120` → 120. */
export function parseLineHash(hash: string | undefined): number | undefined {
  const m = /^#?L(\d{1,9})$/.exec(hash ?? '')
  return m ? Number(m[1]) : undefined
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

/** The job page's logs: this job's executions (one selected) or the deployment's global log. */
export function LogSection({
  job,
  executions,
  search,
  deploymentId,
  replayMs,
}: {
  job: Job
  executions: readonly Execution[]
  search: JobDetailSearch
  deploymentId: string
  /** Replaying: logs show only the lines written by this instant. */
  replayMs?: number | undefined
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
        <GlobalLog deploymentId={deploymentId} deepLink={deepLink} replayMs={replayMs} />
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
          replayMs={replayMs}
        />
      ) : (
        <p className={styles.noExecution} role="status">
          No execution {replayMs !== undefined ? 'at this instant' : 'yet'} — this job{' '}
          {replayMs !== undefined ? 'was' : 'is'} {job.status}
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
  replayMs,
}: {
  execution: Execution
  latest: boolean
  jobName: string
  deepLink: { line: number | undefined; setLine: (n: number) => void }
  replayMs: number | undefined
}) {
  const replaying = replayMs !== undefined
  const live = useExecutionLog(replaying ? undefined : execution.id, execution.lineCount)
  const past = useReplayLog({ executionId: execution.id }, replayMs)
  const source = replaying ? past : live
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
  replayMs,
}: {
  deploymentId: string
  deepLink: { line: number | undefined; setLine: (n: number) => void }
  replayMs: number | undefined
}) {
  const replaying = replayMs !== undefined
  const live = useGlobalLog(replaying ? undefined : deploymentId)
  const past = useReplayLog({ deploymentId }, replayMs)
  const source = replaying ? past : live
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
export function useReplaceJobSearch(deploymentId: string, jobId: string) {
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
