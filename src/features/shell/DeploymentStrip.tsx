import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { LiveDuration } from '../../components/LiveDuration.tsx'
import { StatusBadge, statusLabel } from '../../components/StatusBadge.tsx'
import { isInFlightStatus } from '../../contracts/deployments.ts'
import { deploymentQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { jobsQueryOptions } from '../../entities/job/jobQueries.ts'
import { linkTo } from '../../lib/links.ts'
import { useMode } from '../../lib/modeContext.tsx'
import { notify } from '../../lib/notifications.ts'
import { jobProgress } from './jobProgress.ts'
import styles from './AppShell.module.css'

/**
 * The deployment in scope, always visible above the page: FQDN (link to its overview), status pill,
 * finished/total jobs with a bar, and the elapsed clock (ticking only while in flight). Uses the shared
 * deployment and jobs queries, so it costs no extra requests on pages that show them too.
 */
export function DeploymentStrip({ deploymentId }: { deploymentId: string }) {
  const mode = useMode()
  const deployment = useQuery(deploymentQueryOptions(deploymentId))
  const jobs = useQuery(jobsQueryOptions(deploymentId))
  const state = deployment.data
  const fqdn = state?.sovereignFQDN || mode.sovereignFQDN || `deployment ${deploymentId.slice(0, 8)}`
  useStatusNotifications(deploymentId, state?.status, fqdn, mode.mode)

  if (!deploymentId || (deployment.isError && !state)) return null
  const progress = jobProgress(jobs.data)
  const inFlight = state ? isInFlightStatus(state.status) : false
  const label = `${progress.finished} of ${progress.total} jobs finished`
  // Settled runs show how long they took; a settled record without an end time shows no clock at all.
  const end = inFlight ? undefined : (state?.finishedAt ?? state?.phase1FinishedAt)
  return (
    <section className={styles.strip} aria-label="Deployment status">
      <span className={styles.stripKind}>{mode.mode === 'sovereign' ? 'Sovereign' : 'Deployment'}</span>
      <AppLink to={{ page: 'overview', deploymentId }} className={styles.stripFqdn}>
        {fqdn}
      </AppLink>
      {state ? (
        <StatusBadge status={state.status} size="sm" />
      ) : (
        <span className="muted">Loading status…</span>
      )}
      {jobs.data ? (
        <>
          <div
            className={styles.progress}
            role="progressbar"
            aria-label="Jobs finished"
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.finished}
            aria-valuetext={label}
          >
            <span
              className={styles.progressFill}
              data-tone={progress.failed > 0 ? 'failed' : progress.rollup}
              style={{ width: `${progress.percent}%` }}
            />
          </div>
          <span className={styles.stripCount} title={label}>
            {progress.finished}/{progress.total} jobs
          </span>
          {progress.failed > 0 ? (
            <AppLink
              to={{ page: 'jobs', deploymentId, search: { status: 'failed' } }}
              className={styles.stripFailed}
            >
              {progress.failed} failed
            </AppLink>
          ) : null}
        </>
      ) : null}
      {state && (inFlight || end) ? (
        <span className={styles.stripElapsed}>
          {inFlight ? 'Elapsed ' : 'Took '}
          <LiveDuration start={state.startedAt} end={end} />
        </span>
      ) : null}
    </section>
  )
}

/** Raises one notification per deployment when a run this tab was watching settles (ready, failed…). */
function useStatusNotifications(
  deploymentId: string,
  status: string | undefined,
  fqdn: string,
  mode: 'mothership' | 'sovereign',
): void {
  const previous = useRef<{ id: string; status: string | undefined }>({ id: deploymentId, status })
  useEffect(() => {
    const prev = previous.current
    previous.current = { id: deploymentId, status }
    if (!status || prev.id !== deploymentId || !prev.status || prev.status === status) return
    if (!isInFlightStatus(prev.status) || isInFlightStatus(status)) return
    const failed = status === 'failed' || status === 'partial-failure'
    notify({
      id: `deployment-status:${deploymentId}`,
      level: failed ? 'error' : status === 'wiped' ? 'info' : 'success',
      title: `${fqdn}: ${statusLabel(status)}`,
      body: failed ? 'The run stopped with a failure. Open the jobs to see which step failed.' : undefined,
      href: linkTo(
        mode,
        failed
          ? { page: 'jobs', deploymentId, search: { status: 'failed' } }
          : { page: 'overview', deploymentId },
      ),
      hrefLabel: failed ? 'Show failed jobs' : 'Open',
    })
  }, [deploymentId, status, fqdn, mode])
}
