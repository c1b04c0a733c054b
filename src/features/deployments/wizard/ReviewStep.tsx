import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useId, useState, type RefObject } from 'react'
import { deploymentKeys } from '../../../entities/deployment/deploymentKeys.ts'
import { deploymentsQueryOptions } from '../../../entities/deployment/deploymentQueries.ts'
import { useCan } from '../../../entities/session/permissions.ts'
import { PermissionNote } from '../../../components/PermissionNote.tsx'
import { errorMessage, isApiError } from '../../../lib/http.ts'
import { useLinks } from '../../../lib/modeContext.tsx'
import { notify } from '../../../lib/notifications.ts'
import { serverNow } from '../../../lib/serverClock.ts'
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
import { forgetWizardDraft, saveDraft } from './wizardDraftStore.ts'
import {
  classifyLaunchFailure,
  findOwnLaunch,
  needsLookup,
  newLaunchAttempt,
  type LaunchAttempt,
  type LaunchFailure,
} from './launchRecovery.ts'
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
  setLaunch,
}: {
  draft: WizardDraft
  email: string | undefined
  errors: StepErrors
  tokenValid: boolean
  goTo: (s: WizardStep) => void
  tokenRef: RefObject<string>
  objectStorageRef: RefObject<ObjectStorageKeys>
  keysHeld: boolean
  /** Starts (or, with null, ends) the launch attempt kept in the draft. */
  setLaunch: (launch: LaunchAttempt | null) => void
}) {
  const navigate = useNavigate()
  const links = useLinks()
  const queryClient = useQueryClient()
  const [busy, setBusy] = useState<false | 'launching' | 'checking'>(false)
  const [failure, setFailure] = useState<string | undefined>()
  /** The outcome is unknown and no deployment of this attempt was found: a retry (same key) is offered. */
  const [retryOffered, setRetryOffered] = useState(false)
  const mayLaunch = useCan('deployment.launch')
  const reasonId = useId()
  const keys = regionKeys(draft.regions)
  const problems = Object.entries(errors) as [WizardStep, string][]
  const landOn = async (id: string, recovered: boolean) => {
    tokenRef.current = ''
    objectStorageRef.current = { accessKey: '', secretKey: '' }
    forgetWizardDraft()
    void queryClient.invalidateQueries({ queryKey: deploymentKeys.list() })
    const to = links.to({ page: 'overview', deploymentId: id })
    if (recovered) {
      notify({
        id: `launch-recovered:${id}`,
        deploymentId: id,
        deploymentLabel: fqdnOf(draft),
        level: 'info',
        title: `${fqdnOf(draft)} was launched`,
        body: 'The answer to the launch was lost on the way back. The console found the deployment this launch created and opened it; nothing was launched twice.',
        href: to,
        hrefLabel: 'Open the deployment',
      })
    }
    await navigate({ to })
  }

  /** After an unknown outcome or a 409: this attempt's own deployment, if the list holds one. */
  const lookForOwn = async (attempt: LaunchAttempt) => {
    const rows = await queryClient.fetchQuery({ ...deploymentsQueryOptions(), staleTime: 0, retry: false })
    return findOwnLaunch(rows, { email: email ?? '', fqdn: fqdnOf(draft) }, attempt)
  }

  const explain = (kind: LaunchFailure, e: unknown, lookupError?: unknown): string => {
    const fqdn = fqdnOf(draft)
    if (lookupError !== undefined)
      return `The launch of ${fqdn} may have gone through: its answer was lost and the check for it failed too (${errorMessage(lookupError)}). Retry: it sends the same request again and cannot start a second deployment.`
    if (kind === 'unknown')
      return `The answer to the launch was lost (${errorMessage(e)}), and no deployment of ${fqdn} from this launch exists. Retry: it sends the same request again and cannot start a second deployment.`
    if (kind === 'taken') return `${fqdn} was taken meanwhile. Choose another subdomain.`
    if (kind === 'key-reused')
      return 'The request changed since the last try (a different token or keys). Launch again to send it as a new request.'
    return isApiError(e) && e.status === 403
      ? 'The owner email must be your signed-in email. Sign in again and retry.'
      : `The launch failed: ${errorMessage(e)}`
  }

  const launch = async () => {
    if (busy || problems.length > 0 || !email || !mayLaunch.allowed) return
    // One key per attempt, kept (in the draft, across reloads) for every retry of it.
    const attempt = draft.launch ?? newLaunchAttempt(serverNow())
    if (!draft.launch) {
      setLaunch(attempt)
      saveDraft({ ...draft, launch: attempt })
    }
    setBusy('launching')
    setFailure(undefined)
    setRetryOffered(false)
    try {
      const res = await createDeployment(
        buildDeploymentRequest(draft, email, tokenRef.current, objectStorageRef.current),
        attempt.key,
      )
      await landOn(res.id, false)
    } catch (e) {
      // The server refused this session the launch: say so in its words, nothing to look for.
      const refusal = mayLaunch.refusal(e)
      if (refusal) {
        setFailure(refusal)
        setBusy(false)
        return
      }
      const kind = classifyLaunchFailure(e)
      if (needsLookup(kind)) {
        setBusy('checking')
        try {
          const own = await lookForOwn(attempt)
          if (own) return await landOn(own.id, true)
        } catch (lookupError) {
          setFailure(explain(kind, e, lookupError))
          setRetryOffered(true)
          setBusy(false)
          return
        }
      }
      // Nothing of this attempt exists: a changed request needs a new key; an unknown outcome keeps it.
      if (kind === 'key-reused') setLaunch(null)
      setRetryOffered(kind === 'unknown')
      setFailure(explain(kind, e))
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
        <button type="button" className="btn" onClick={() => goTo('credentials')} disabled={!!busy}>
          Back
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!!busy || problems.length > 0 || !email || !mayLaunch.allowed}
          title={mayLaunch.reason}
          aria-describedby={mayLaunch.allowed ? undefined : reasonId}
          aria-busy={!!busy}
          onClick={() => void launch()}
        >
          {busy === 'launching'
            ? 'Launching…'
            : busy === 'checking'
              ? 'Checking whether it launched…'
              : retryOffered
                ? 'Retry launch'
                : 'Launch deployment'}
        </button>
      </div>
    </div>
  )
}
