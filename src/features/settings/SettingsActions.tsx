import { useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { PermissionNote } from '../../components/PermissionNote.tsx'
import { RelativeTime } from '../../components/RelativeTime.tsx'
import type { DeploymentState, RefreshWatchResponse } from '../../contracts/deployments.ts'
import { refreshWatch } from '../../entities/deployment/componentsStateQueries.ts'
import { mintErrorText, mintHandoverLink } from '../../entities/deployment/mintHandoverLink.ts'
import { deploymentKeys } from '../../entities/deployment/deploymentKeys.ts'
import { refreshWatchErrorText } from './settingsModel.ts'
import { useCan } from '../../entities/session/permissions.ts'
import styles from './SettingsScreen.module.css'

/** `POST /refresh-watch`: re-attach the Phase-1 watcher (after a catalyst-api restart or a finished watch). */
export function RefreshWatchAction({ deploymentId }: { deploymentId: string }) {
  const queryClient = useQueryClient()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: RefreshWatchResponse } | { error: string } | undefined>()
  const may = useCan('watch.refresh')
  const reasonId = useId()

  const run = async () => {
    if (busy || !may.allowed) return
    setBusy(true)
    setOutcome(undefined)
    try {
      const ok = await refreshWatch(deploymentId)
      setOutcome({ ok })
      void queryClient.invalidateQueries({ queryKey: deploymentKeys.componentsState(deploymentId) })
      void queryClient.invalidateQueries({ queryKey: deploymentKeys.detail(deploymentId) })
    } catch (e) {
      setOutcome({ error: may.refusal(e) ?? refreshWatchErrorText(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className={styles.action}>
      <div className={styles.actionHead}>
        <h3 className={styles.actionTitle}>Install watch</h3>
        <button
          type="button"
          className="btn btn-sm"
          disabled={busy || !may.allowed}
          title={may.reason}
          aria-describedby={may.allowed ? undefined : reasonId}
          aria-busy={busy || undefined}
          onClick={() => void run()}
        >
          {busy ? 'Refreshing the watch…' : 'Refresh watch'}
        </button>
      </div>
      <PermissionNote id={reasonId} reason={may.reason} />
      <p className={styles.text}>
        Re-attaches the watcher that follows every HelmRelease of the Sovereign — after a catalyst-api
        restart, or to look again once a run has finished. It answers once the cluster&apos;s first listing is
        in.
      </p>
      {outcome && 'ok' in outcome ? (
        <p className={styles.result} role="status">
          {outcome.ok.alreadyActive
            ? `A watcher is already attached: ${outcome.ok.components.length} components are being watched.`
            : `Watch re-attached: ${outcome.ok.components.length} components listed.`}
          {outcome.ok.seededAt ? (
            <>
              {' '}
              Listed <RelativeTime value={outcome.ok.seededAt} />.
            </>
          ) : null}
        </p>
      ) : null}
      {outcome && 'error' in outcome ? (
        <p className={styles.alert} role="alert">
          <span>{outcome.error}</span>
          {may.allowed ? (
            <button type="button" className="btn btn-sm" onClick={() => void run()}>
              Retry
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  )
}

/**
 * Re-mint the handover link while the customer has not adopted the Sovereign (mothership only). The link
 * carries a single-use 5-minute token: it is shown once, in this component's state only (never a query,
 * a mutation cache or storage), and goes when the page is left or "Hide" is pressed. A 409 (not ready yet,
 * or adopted and so single use spent) is said in words.
 */
export function HandoverAction({ deployment }: { deployment: DeploymentState }) {
  const [busy, setBusy] = useState(false)
  const [link, setLink] = useState<string | undefined>()
  const [error, setError] = useState<string | undefined>()
  const adopted = deployment.status === 'adopted' || !!deployment.adoptedAt
  const ready = deployment.status === 'ready' && !adopted
  const may = useCan('handover.mint')
  const reasonId = useId()

  const mint = async () => {
    if (busy || !may.allowed) return
    setBusy(true)
    setError(undefined)
    setLink(undefined)
    try {
      const minted = await mintHandoverLink(deployment.id, deployment.sovereignFQDN || deployment.id)
      if (minted.ok) setLink(minted.url)
      else setError(minted.reason)
    } catch (e) {
      setError(may.refusal(e) ?? mintErrorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className={styles.action}>
      <div className={styles.actionHead}>
        <h3 className={styles.actionTitle}>Handover</h3>
        {ready ? (
          <button
            type="button"
            className="btn btn-sm"
            disabled={busy || !may.allowed}
            title={may.reason}
            aria-describedby={may.allowed ? undefined : reasonId}
            aria-busy={busy || undefined}
            onClick={() => void mint()}
          >
            {busy ? 'Minting…' : 'Mint a new handover link'}
          </button>
        ) : null}
      </div>
      {ready ? <PermissionNote id={reasonId} reason={may.reason} /> : null}
      <p className={styles.text}>
        {adopted ? (
          <>
            The customer took this Sovereign over
            {deployment.adoptedAt ? (
              <>
                {' '}
                <RelativeTime value={deployment.adoptedAt} />
              </>
            ) : null}
            : handover links are spent and no new one can be minted.
          </>
        ) : ready ? (
          'A fresh single-use link that signs the customer in to their Sovereign console and makes them its owner. It is valid for 5 minutes and shown here once.'
        ) : (
          'A handover link can be minted once the deployment is ready.'
        )}
      </p>
      {link ? (
        <div className={styles.result} role="status" aria-label="New handover link">
          <p className={styles.text}>
            New handover link (single use, valid 5 minutes):{' '}
            <a href={link} rel="noreferrer">
              Open the handover link
            </a>
          </p>
          <button type="button" className="btn btn-sm" onClick={() => setLink(undefined)}>
            Hide the link
          </button>
        </div>
      ) : null}
      {error ? (
        <p className={styles.alert} role="alert">
          <span>{error}</span>
          {ready && may.allowed ? (
            <button type="button" className="btn btn-sm" onClick={() => void mint()}>
              Retry
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  )
}
