import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react'
import { AppLink } from '../../../components/AppLink.tsx'
import { NotifyRunButton } from '../../../components/NotifyRunButton.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { PermissionNote } from '../../../components/PermissionNote.tsx'
import { RelativeTime } from '../../../components/RelativeTime.tsx'
import { ErrorState, Skeleton } from '../../../components/States.tsx'
import { StatusBadge } from '../../../components/StatusBadge.tsx'
import { isInFlightStatus, type DeploymentState } from '../../../contracts/deployments.ts'
import { deploymentQueryOptions } from '../../../entities/deployment/deploymentQueries.ts'
import { useCan } from '../../../entities/session/permissions.ts'
import { useDeploymentId } from '../../../lib/deploymentScope.ts'
import { isApiError } from '../../../lib/http.ts'
import { sovereignConsoleUrl } from '../../../lib/links.ts'
import { formatAbsolute, parseTime } from '../../../lib/time.ts'
import { DeleteDeploymentDialog, type DeleteTarget } from '../delete/DeleteDeploymentDialog.tsx'
import { wipeBlockReason } from '../delete/deleteRules.ts'
import type { LogEvent } from './deploymentLog.ts'
import { HandoverBanner } from '../../../components/HandoverBanner.tsx'
import {
  derivePhaseTimeline,
  type RegionProgress,
  type StepStatus,
  type TimelineStep,
} from './phaseTimeline.ts'
import { useDeploymentLog, type DeploymentLogView } from './useDeploymentLog.ts'
import { useQueryCacheProbe } from '../useQueryCacheProbe.ts'
import styles from './OverviewScreen.module.css'

/** Poll the record: often while in flight, then while waiting for the handover to be offered. */
function pollInterval(s: DeploymentState | undefined): number | false {
  if (!s) return false
  if (isInFlightStatus(s.status)) return 5_000
  if (s.status === 'ready') return s.handoverFiredAt || s.handoverOffered ? 60_000 : 3_000
  // A failed deployment can run again (a retried job): look now and then.
  if (s.status === 'failed' || s.status === 'partial-failure') return 15_000
  return false
}

type DeleteRequest = { target: DeleteTarget; mode: 'record' | 'wipe' }

/**
 * `/provision/$deploymentId` (mothership): live status of one deployment. The delete dialog lives outside
 * the content, so it keeps showing its report even when the record it deleted is gone.
 */
export function OverviewScreen({ insights }: { insights?: ReactNode }) {
  useQueryCacheProbe()
  const navigate = useNavigate()
  const [deleteRequest, setDeleteRequest] = useState<DeleteRequest | undefined>()
  return (
    <>
      <OverviewContent onDelete={setDeleteRequest} insights={insights} />
      <DeleteDeploymentDialog
        target={deleteRequest?.target}
        initialMode={deleteRequest?.mode}
        onClose={() => setDeleteRequest(undefined)}
        onRemoved={() => void navigate({ to: '/deployments' })}
      />
    </>
  )
}

function OverviewContent({
  onDelete,
  insights,
}: {
  onDelete: (r: DeleteRequest) => void
  /** What the route composes in from other features (root cause, run notifications). */
  insights: ReactNode
}) {
  const id = useDeploymentId()
  const state = useQuery({
    ...deploymentQueryOptions(id),
    refetchInterval: (q) => pollInterval(q.state.data),
  })
  const mayDelete = useCan('deployment.delete')
  const deleteReasonId = useId()
  const data = state.data
  const adopted = data?.status === 'adopted' || (!!data?.adoptedAt && data.status !== 'wiped')

  // The stream ends with `done`; if the deployment runs again (a retried job), open it again.
  const [restartKey, setRestartKey] = useState(0)
  const live = useDeploymentLog(id, !!data && !adopted, restartKey)
  if (live.finished && data && isInFlightStatus(data.status)) setRestartKey((k) => k + 1)
  // The stream ended with `done`, but a ready deployment keeps logging (cutover, DNS, handover): every
  // record poll backfills the log, so this page never falls behind a fresh load.
  const { finished, backfill } = live
  const polledAt = state.dataUpdatedAt
  useEffect(() => {
    if (finished && polledAt) backfill()
  }, [finished, backfill, polledAt])

  const fqdn = data?.sovereignFQDN || id
  const consoleUrl =
    data && typeof window !== 'undefined' ? sovereignConsoleUrl(data.sovereignFQDN, window.location) : ''

  // Adopted: the customer owns it; the bare overview URL goes to its own console.
  useEffect(() => {
    if (adopted && consoleUrl) window.location.replace(consoleUrl)
  }, [adopted, consoleUrl])

  if (state.isPending) return <Skeleton rows={8} label="Loading the deployment…" />
  if (state.isError && !data) {
    const notFound = isApiError(state.error) && state.error.status === 404
    return (
      <>
        <PageHeader title={notFound ? 'Deployment not found' : 'Deployment'} />
        <ErrorState
          title={notFound ? 'No such deployment' : 'Could not load the deployment'}
          error={
            notFound
              ? new Error(
                  `There is no deployment ${id} on this mothership (it may have been deleted or wiped).`,
                )
              : state.error
          }
          onRetry={notFound ? undefined : () => void state.refetch()}
        />
        <p className={styles.center}>
          <AppLink to={{ page: 'deployments' }}>Back to all deployments</AppLink>
        </p>
      </>
    )
  }
  if (!data) return null
  if (adopted) {
    return (
      <>
        <PageHeader title={fqdn} description="Adopted by the customer." />
        <p role="status" className={styles.center}>
          {consoleUrl ? (
            <>
              This Sovereign now belongs to its customer — taking you to its console:{' '}
              <a href={consoleUrl}>{consoleUrl}</a>
            </>
          ) : (
            'This Sovereign now belongs to its customer; its address is not a valid host name, so there is no console to open.'
          )}
        </p>
      </>
    )
  }

  // Offered by the stream's handover-ready frame or the record; the link itself is minted on the click.
  const handoverOffered = !!live.handover || data.handoverOffered
  const inFlight = isInFlightStatus(data.status)
  const wipeBlocked = wipeBlockReason(data.status)
  const target: DeleteTarget = { id: data.id, fqdn, status: data.status }

  return (
    <>
      <PageHeader
        title={fqdn}
        description={
          <>
            <span className="mono">{data.id}</span>
            {data.orgName ? <> · {data.orgName}</> : null}
            {data.ownerEmail ? <> · {data.ownerEmail}</> : null} · started{' '}
            <RelativeTime value={data.startedAt} />
            {data.finishedAt ? (
              <>
                {' '}
                · finished <RelativeTime value={data.finishedAt} />
              </>
            ) : null}
          </>
        }
        actions={
          <div className={styles.headerActions}>
            <span className={styles.bigStatus} aria-label={`Status: ${data.status}`}>
              <StatusBadge status={data.status} />
            </span>
            <NotifyRunButton deploymentId={data.id} status={data.status} />
            {inFlight ? (
              <button
                type="button"
                className="btn btn-danger"
                disabled={!!wipeBlocked || !mayDelete.allowed}
                aria-describedby={mayDelete.allowed ? undefined : deleteReasonId}
                onClick={() => onDelete({ target, mode: 'wipe' })}
              >
                Cancel and wipe…
              </button>
            ) : (
              <button
                type="button"
                className="btn"
                disabled={!mayDelete.allowed}
                aria-describedby={mayDelete.allowed ? undefined : deleteReasonId}
                onClick={() => onDelete({ target, mode: 'record' })}
              >
                Delete…
              </button>
            )}
          </div>
        }
      />
      <PermissionNote id={deleteReasonId} reason={mayDelete.reason} />
      {handoverOffered && data.status === 'ready' ? (
        <HandoverBanner deploymentId={data.id} fqdn={fqdn} afterPrompt="button" />
      ) : null}
      <StreamLine live={live} inFlight={inFlight} status={data.status} />
      {data.status === 'failed' || data.status === 'partial-failure' ? (
        <div className={styles.failure} role="alert">
          <strong>Provisioning failed.</strong>{' '}
          {data.error ?? data.phase1Outcome ?? 'See the jobs for details.'}{' '}
          <AppLink to={{ page: 'jobs', deploymentId: data.id, search: { status: 'failed' } }}>
            Show failed jobs
          </AppLink>
        </div>
      ) : null}
      {insights}
      <nav aria-label="Deployment pages" className={styles.links}>
        <AppLink to={{ page: 'jobs', deploymentId: data.id }} className="btn btn-sm">
          Jobs
        </AppLink>
        <AppLink
          to={{ page: 'jobs', deploymentId: data.id, search: { view: 'graph' } }}
          className="btn btn-sm"
        >
          Flow
        </AppLink>
        <AppLink to={{ page: 'dashboard', deploymentId: data.id }} className="btn btn-sm">
          Dashboard
        </AppLink>
        <AppLink to={{ page: 'cloud', deploymentId: data.id }} className="btn btn-sm">
          Cloud
        </AppLink>
      </nav>
      <OverviewBody record={data} live={live} />
    </>
  )
}

function StreamLine({
  live,
  inFlight,
  status,
}: {
  live: DeploymentLogView
  inFlight: boolean
  status: string
}) {
  const s = live.stream
  let text: string
  let tone: 'ok' | 'warn' | 'idle'
  if (live.finished) {
    text = `Log complete (${live.log.total} events).`
    tone = 'idle'
  } else if (s.state === 'open') {
    text = `Live — ${live.log.total} events.`
    tone = 'ok'
  } else if (s.state === 'reconnecting') {
    text = `Reconnecting to the live log${s.attempt > 1 ? ` (attempt ${s.attempt})` : ''}… ${
      inFlight
        ? `The deployment is still running (${status === 'phase1-watching' ? 'installing' : status}); nothing is lost.`
        : 'Nothing is lost.'
    }`
    tone = 'warn'
  } else if (s.state === 'closed') {
    text = 'Live log closed.'
    tone = 'idle'
  } else {
    text = 'Connecting to the live log…'
    tone = 'idle'
  }
  return (
    <div className={`${styles.stream} ${styles[`stream-${tone}`]}`} role="status" aria-label="Live log">
      <span className={styles.streamDot} aria-hidden="true" />
      <span>{text}</span>
      {s.state === 'reconnecting' && !live.finished ? (
        <button type="button" className="btn btn-sm" onClick={live.reconnect}>
          Retry now
        </button>
      ) : null}
    </div>
  )
}

const STEP_WORD: Record<StepStatus, string> = {
  done: 'done',
  running: 'in progress',
  pending: 'pending',
  failed: 'failed',
  degraded: 'degraded',
  stopped: 'stopped',
}

function StepIcon({ status }: { status: StepStatus }) {
  const glyph = { done: '✓', running: '●', pending: '○', failed: '✕', degraded: '!', stopped: '■' }[status]
  return (
    <span className={`${styles.stepIcon} ${styles[`step-${status}`]}`} aria-hidden="true">
      {glyph}
    </span>
  )
}

function Step({ step }: { step: TimelineStep }) {
  return (
    <li
      className={styles.step}
      data-status={step.status}
      aria-label={`${step.label}: ${STEP_WORD[step.status]}${step.detail ? `, ${step.detail}` : ''}`}
    >
      <StepIcon status={step.status} />
      <span className={styles.stepLabel}>{step.label}</span>
      <span className={styles.stepState}>
        {STEP_WORD[step.status]}
        {step.detail ? ` · ${step.detail}` : ''}
      </span>
    </li>
  )
}

/** Phase 1 as a whole: failed > running > stopped > pending; all settled → done (degraded if a secondary is). */
function rollupRegions(regions: RegionProgress[]): StepStatus {
  const st = regions.map((r) => r.status)
  if (st.length === 0) return 'pending'
  if (st.includes('failed')) return 'failed'
  if (st.every((s) => s === 'done' || s === 'degraded')) return st.includes('degraded') ? 'degraded' : 'done'
  if (st.includes('running')) return 'running'
  if (st.includes('stopped')) return 'stopped'
  return st.some((s) => s === 'done' || s === 'degraded') ? 'running' : 'pending'
}

function OverviewBody({ record, live }: { record: DeploymentState; live: DeploymentLogView }) {
  const log = live.log
  const timeline = useMemo(() => derivePhaseTimeline(record, log), [record, log])
  const phase1Status = rollupRegions(timeline.regions)
  const ready = timeline.regions.reduce((s, r) => s + r.ready, 0)
  const total = timeline.regions.reduce((s, r) => s + r.total, 0)
  return (
    <div className={styles.grid}>
      <div className={styles.column}>
        <section className={`card ${styles.card}`} aria-labelledby="timeline-title">
          <h2 id="timeline-title" className={styles.cardTitle}>
            Progress
          </h2>
          <ol className={styles.timeline} aria-label="Phase timeline">
            <li className={styles.phase}>
              <h3 className={styles.phaseTitle}>Phase 0 — infrastructure</h3>
              <ol className={styles.steps}>
                {timeline.phase0.map((s) => (
                  <Step key={s.id} step={s} />
                ))}
              </ol>
            </li>
            <li className={styles.phase}>
              <h3 className={styles.phaseTitle}>
                Phase 1 — install the platform{' '}
                <span className={styles.stepState}>
                  {STEP_WORD[phase1Status]}
                  {total ? ` · ${ready}/${total} ready` : ''}
                </span>
              </h3>
              <ol className={styles.steps} aria-label="Install progress per region">
                {timeline.regions.map((r) => (
                  <li
                    key={r.key}
                    className={styles.step}
                    data-status={r.status}
                    aria-label={`${r.key} (${r.primary ? 'primary' : 'secondary'}): ${
                      r.total ? `${r.ready}/${r.total} ready, ` : ''
                    }${STEP_WORD[r.status]}`}
                  >
                    <StepIcon status={r.status} />
                    <span className={styles.stepLabel}>
                      <span className="mono">{r.key}</span>
                      <span className="muted"> {r.primary ? 'primary' : 'secondary'}</span>
                    </span>
                    <span className={styles.stepState}>
                      {r.total ? `${r.ready}/${r.total} ready` : STEP_WORD[r.status]}
                    </span>
                  </li>
                ))}
              </ol>
            </li>
            <li className={styles.phase}>
              <ol className={styles.steps}>
                <Step step={timeline.cutover} />
                <Step step={timeline.handover} />
              </ol>
            </li>
          </ol>
        </section>
        <RegionHealthView regions={timeline.regions} />
      </div>
      <RecentEvents events={live.log.events} total={live.log.total} />
    </div>
  )
}

function RegionHealthView({ regions }: { regions: RegionProgress[] }) {
  return (
    <section className={`card ${styles.card}`} aria-labelledby="regions-title">
      <h2 id="regions-title" className={styles.cardTitle}>
        Region health
      </h2>
      <ul className={styles.regions}>
        {regions.map((r) => (
          <li
            key={r.key}
            className={styles.region}
            aria-label={`Region ${r.key}`}
            data-degraded={r.degraded || undefined}
          >
            <div className={styles.regionHead}>
              <span className="mono">{r.key}</span>
              <span className="muted">{r.primary ? 'primary' : 'secondary'}</span>
              {r.degraded ? <StatusBadge status="degraded" label="Degraded" size="sm" /> : null}
              {r.primary && r.failed > 0 ? <StatusBadge status="failed" label="Failing" size="sm" /> : null}
            </div>
            <div
              className={styles.bar}
              role="progressbar"
              aria-label={`${r.key} installs`}
              aria-valuemin={0}
              aria-valuemax={Math.max(1, r.total)}
              aria-valuenow={r.ready}
              aria-valuetext={`${r.ready} of ${r.total} ready`}
            >
              <span style={{ width: `${r.total ? (100 * r.ready) / r.total : 0}%` }} />
            </div>
            <div className={styles.regionFacts}>
              <span>
                {r.ready}/{r.total} components ready
              </span>
              {r.nodesRequested ? (
                <span>
                  {r.nodesJoined ?? 0}/{r.nodesRequested} nodes
                </span>
              ) : null}
            </div>
            {r.degraded ? (
              <p className={styles.degradedNote}>
                {r.failed} component{r.failed === 1 ? '' : 's'} failed in this secondary region. The Sovereign
                keeps running on the other regions.
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

const RAW_PHASES = new Set(['tofu', 'component-log'])

function RecentEvents({ events, total }: { events: readonly LogEvent[]; total: number }) {
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
