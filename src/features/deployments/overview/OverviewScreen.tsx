import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useEffect, useId, useState, type ReactNode } from 'react'
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
import { DeleteDeploymentDialog, type DeleteTarget } from '../delete/DeleteDeploymentDialog.tsx'
import { wipeBlockReason } from '../delete/deleteRules.ts'
import { HandoverBanner } from '../../../components/HandoverBanner.tsx'
import { OverviewBody } from './OverviewBody.tsx'
import { StreamLine } from './StreamLine.tsx'
import { useDeploymentLog } from './useDeploymentLog.ts'
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
