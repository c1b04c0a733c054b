import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useId, useState, type RefObject } from 'react'
import { deploymentKeys } from '../../../entities/deployment/deploymentKeys.ts'
import { useCan } from '../../../entities/session/permissions.ts'
import { PermissionNote } from '../../../components/PermissionNote.tsx'
import { errorMessage, isApiError } from '../../../lib/http.ts'
import { useLinks } from '../../../lib/modeContext.tsx'
import { createDeployment } from '../../../entities/deployment/deploymentActions.ts'
import {
  STEP_TITLES,
  buildDeploymentRequest,
  fqdnOf,
  regionKeys,
  type ObjectStorageKeys,
  type StepErrors,
  type WizardDraft,
  type WizardStep,
} from './wizardModel.ts'
import { WIZARD_DRAFT_KEY } from './wizardDraftStore.ts'
import styles from './WizardScreen.module.css'

/** `ssh-ed25519 AAAA…kKX catalyst@x` → the algorithm, the key's last characters and the comment. */
function sshKeySummary(key: string): string {
  const [alg, body, ...comment] = key.trim().split(/\s+/)
  if (!alg || !body) return 'Missing'
  return [alg, `…${body.slice(-8)}`, comment.join(' ')].filter(Boolean).join(' ')
}

export function ReviewStep({
  draft,
  email,
  errors,
  tokenValid,
  goTo,
  tokenRef,
  objectStorageRef,
  keysHeld,
}: {
  draft: WizardDraft
  email: string | undefined
  errors: StepErrors
  tokenValid: boolean
  goTo: (s: WizardStep) => void
  tokenRef: RefObject<string>
  objectStorageRef: RefObject<ObjectStorageKeys>
  keysHeld: boolean
}) {
  const navigate = useNavigate()
  const links = useLinks()
  const queryClient = useQueryClient()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | undefined>()
  const mayLaunch = useCan('deployment.launch')
  const reasonId = useId()
  const keys = regionKeys(draft.regions)
  const problems = Object.entries(errors) as [WizardStep, string][]
  const launch = async () => {
    if (busy || problems.length > 0 || !email || !mayLaunch.allowed) return
    setBusy(true)
    setFailure(undefined)
    try {
      const res = await createDeployment(
        buildDeploymentRequest(draft, email, tokenRef.current, objectStorageRef.current),
      )
      tokenRef.current = ''
      objectStorageRef.current = { accessKey: '', secretKey: '' }
      window.localStorage.removeItem(WIZARD_DRAFT_KEY)
      void queryClient.invalidateQueries({ queryKey: deploymentKeys.list() })
      await navigate({ to: links.to({ page: 'overview', deploymentId: res.id }) })
    } catch (e) {
      setFailure(
        mayLaunch.refusal(e) ??
          (isApiError(e) && e.code === 'subdomain-conflict'
            ? `${fqdnOf(draft)} was taken meanwhile. Choose another subdomain.`
            : isApiError(e) && e.status === 403
              ? 'The owner email must be your signed-in email. Sign in again and retry.'
              : `The launch failed: ${errorMessage(e)}`),
      )
      setBusy(false)
    }
  }
  return (
    <div className={styles.fields}>
      {problems.length > 0 ? (
        <div role="alert" className={styles.problems}>
          <strong>Before launching:</strong>
          <ul>
            {problems.map(([s, msg]) => (
              <li key={s}>
                {s === 'credentials' && !tokenValid
                  ? 'Enter and validate the provider token again (it is never stored).'
                  : msg}{' '}
                <button type="button" className="btn btn-sm" onClick={() => goTo(s)}>
                  Go to {STEP_TITLES[s]}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className={styles.summary}>
        <dt>Organisation</dt>
        <dd>{draft.orgName}</dd>
        <dt>Owner</dt>
        <dd>{email}</dd>
        <dt>FQDN</dt>
        <dd className="mono">
          {fqdnOf(draft)}{' '}
          <span className="muted">
            ({draft.domainMode === 'pool' ? 'pool subdomain' : 'your own domain'})
          </span>
        </dd>
        <dt>Topology</dt>
        <dd>
          {draft.regions.length === 1
            ? 'Single region'
            : `${draft.regions.length} regions, ${draft.bcp === 'active-active' ? 'active / active' : 'active / hot standby'}`}
        </dd>
        <dt>Credentials</dt>
        <dd>
          {tokenValid
            ? `Hetzner token validated for project ${draft.hetznerProjectID.trim() || '—'} — held in memory, not shown`
            : 'Missing'}
        </dd>
        <dt>Marketplace</dt>
        <dd>{draft.marketplaceEnabled ? 'Enabled' : 'Disabled'}</dd>
        <dt>Object storage</dt>
        <dd>
          {draft.objectStorageRegion}
          {keysHeld ? ' — your keys, held in memory, not shown' : ' — operator default keys'}
        </dd>
        <dt>SSH key</dt>
        <dd className="mono">{sshKeySummary(draft.sshPublicKey)}</dd>
      </dl>
      <table className={styles.table} aria-label="Regions to create">
        <thead>
          <tr>
            <th scope="col">Region key</th>
            <th scope="col">Provider region</th>
            <th scope="col">Control plane</th>
            <th scope="col">Workers</th>
          </tr>
        </thead>
        <tbody>
          {draft.regions.map((r, i) => (
            <tr key={i}>
              <th scope="row" className="mono">
                {keys[i]}
              </th>
              <td>{r.cloudRegion}</td>
              <td>{r.controlPlaneSize}</td>
              <td>
                {r.workerCount} × {r.workerSize}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {failure ? (
        <p role="alert" className="field-error">
          {failure}
        </p>
      ) : null}
      <PermissionNote id={reasonId} reason={mayLaunch.reason} />
      <div className={styles.footer}>
        <button type="button" className="btn" onClick={() => goTo('credentials')} disabled={busy}>
          Back
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || problems.length > 0 || !email || !mayLaunch.allowed}
          title={mayLaunch.reason}
          aria-describedby={mayLaunch.allowed ? undefined : reasonId}
          aria-busy={busy}
          onClick={() => void launch()}
        >
          {busy ? 'Launching…' : 'Launch deployment'}
        </button>
      </div>
    </div>
  )
}
