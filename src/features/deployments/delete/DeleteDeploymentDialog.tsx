import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { Dialog } from '../../../components/Dialog.tsx'
import { Skeleton } from '../../../components/States.tsx'
import type { DeleteResult, DeploymentSummary, WipeResult } from '../../../contracts/deployments.ts'
import { deploymentKeys, deploymentQueryOptions } from '../../../entities/deployment/deploymentQueries.ts'
import { topologyQueryOptions } from '../../../entities/topology/topologyQueries.ts'
import { errorMessage, isApiError } from '../../../lib/http.ts'
import { notify } from '../../../lib/notifications.ts'
import { deleteDeploymentRecord, wipeDeployment } from '../../../entities/deployment/deploymentActions.ts'
import {
  MIN_TOKEN_LENGTH,
  explainDeleteFailure,
  humanSeconds,
  modeAvailability,
  wipePreview,
  type DeleteMode,
  type FailureExplanation,
  type WipePreview,
} from './deleteRules.ts'
import { markWiped } from '../list/recentlyWiped.ts'
import { ANSWER_TIMEOUT_MS, useAnswerDeadline } from './useAnswerDeadline.ts'
import styles from './DeleteDeploymentDialog.module.css'

export interface DeleteTarget {
  id: string
  fqdn: string
  /** Status when the dialog was opened (the row may go stale; the API has the last word). */
  status: string
}

type Report =
  { kind: 'record'; result: DeleteResult } | { kind: 'wipe'; result: WipeResult } | { kind: 'gone' }

export interface DeleteDeploymentDialogProps {
  target: DeleteTarget | undefined
  /** Preselected mode (the overview's "Cancel and wipe…" opens in wipe mode). */
  initialMode?: DeleteMode | undefined
  onClose: () => void
  /** The deployment is gone (deleted, wiped or already deleted); called when the operator closes the report. */
  onRemoved?: ((id: string) => void) | undefined
}

/**
 * One dialog, two clearly different modes: delete the mothership's record only (the cloud keeps running),
 * or wipe the infrastructure and delete the record (with a preview of everything that will be destroyed).
 * Both need the FQDN typed exactly; the destructive button is never the default and Enter never submits;
 * while busy nothing can be clicked twice and the dialog cannot close. The provider token lives only in an
 * uncontrolled password field (never React state, never the value attribute), is read once for the
 * request, and disappears with the dialog.
 */
export function DeleteDeploymentDialog({
  target,
  initialMode,
  onClose,
  onRemoved,
}: DeleteDeploymentDialogProps) {
  const [busy, setBusy] = useState(false)
  const [removed, setRemoved] = useState(false)
  /** `afterCancel`: the body aborted its request (Cancel while waiting) and may close although busy. */
  const close = (afterCancel = false) => {
    if (busy && !afterCancel) return
    if (removed && target) onRemoved?.(target.id)
    setRemoved(false)
    onClose()
  }
  return (
    <Dialog
      open={!!target}
      onOpenChange={(open) => {
        if (!open) close()
      }}
      title={target ? `Delete ${target.fqdn}` : 'Delete deployment'}
      busy={busy}
      width="lg"
    >
      {target ? (
        <DeleteBody
          key={target.id}
          target={target}
          initialMode={initialMode}
          busy={busy}
          setBusy={setBusy}
          onRemovedChange={setRemoved}
          onClose={() => close()}
          onCloseAfterCancel={() => close(true)}
        />
      ) : null}
    </Dialog>
  )
}

function DeleteBody({
  target,
  initialMode,
  busy,
  setBusy,
  onRemovedChange,
  onClose,
  onCloseAfterCancel,
}: {
  target: DeleteTarget
  initialMode: DeleteMode | undefined
  busy: boolean
  setBusy: (b: boolean) => void
  onRemovedChange: (removed: boolean) => void
  onClose: () => void
  onCloseAfterCancel: () => void
}) {
  const queryClient = useQueryClient()
  const { record: recordBlocked, wipe: wipeBlocked, preferred } = modeAvailability(target.status)
  const [mode, setMode] = useState<DeleteMode>(initialMode ?? preferred)
  const [typed, setTyped] = useState('')
  const [tokenLength, setTokenLength] = useState(0)
  const tokenRef = useRef<HTMLInputElement>(null)
  const [failure, setFailure] = useState<FailureExplanation | undefined>()
  const [force, setForce] = useState(false)
  const [report, setReport] = useState<Report | undefined>()
  /** The request was not answered within ANSWER_TIMEOUT_MS: aborted, outcome unknown. */
  const [noAnswer, setNoAnswer] = useState(false)
  const deadline = useAnswerDeadline()
  const topology = useQuery(topologyQueryOptions(target.id))
  const preview = topology.data ? wipePreview(topology.data, target.fqdn) : undefined
  const ids = {
    legend: useId(),
    recordHelp: useId(),
    wipeHelp: useId(),
    token: useId(),
    tokenHint: useId(),
    confirm: useId(),
    confirmHint: useId(),
    force: useId(),
  }

  // The token never outlives the dialog body: wiped from the field when it unmounts.
  useEffect(() => {
    const field = tokenRef
    return () => {
      if (field.current) field.current.value = ''
    }
  }, [])

  const matches = typed === target.fqdn
  const tokenOk = tokenLength >= MIN_TOKEN_LENGTH
  const modeBlocked = mode === 'record' ? recordBlocked : wipeBlocked
  const needsForce = mode === 'wipe' && failure?.kind === 'too-young'
  const canConfirm =
    matches && !busy && !modeBlocked && (mode === 'record' || tokenOk) && (!needsForce || force)

  const clearToken = () => {
    if (tokenRef.current) tokenRef.current.value = ''
    setTokenLength(0)
  }

  const removeRow = () => {
    queryClient.setQueryData<DeploymentSummary[]>(deploymentKeys.list(), (rows) =>
      rows?.filter((r) => r.id !== target.id),
    )
    void queryClient.invalidateQueries({ queryKey: deploymentKeys.all })
    onRemovedChange(true)
  }

  /** No answer (timed out or cancelled): the secret goes, and what the server did is read again. */
  const forgetAndReread = () => {
    clearToken()
    void queryClient.invalidateQueries({ queryKey: deploymentKeys.scope(target.id) })
    void queryClient.invalidateQueries({ queryKey: deploymentKeys.list() })
  }

  const explainError = (e: unknown) => {
    if (!isApiError(e) || e.kind !== 'http') {
      setFailure({ kind: 'other', title: 'The request failed', message: errorMessage(e) })
      return
    }
    // The session ended: sign-in takes over (the router is leaving), and the secret must not wait in
    // the field while the sign-in page loads.
    if (e.status === 401) {
      clearToken()
      return
    }
    const why = explainDeleteFailure(mode, e, target.fqdn)
    if (why.kind === 'gone') {
      clearToken()
      setReport({ kind: 'gone' })
      removeRow()
      return
    }
    setFailure(why)
    // The deployment changed under us (in flight again, adopted, wiped): refresh what the list shows.
    if (why.kind !== 'other' && why.kind !== 'token-missing')
      void queryClient.invalidateQueries({ queryKey: deploymentKeys.all })
  }

  const confirm = async () => {
    if (!canConfirm) return
    setBusy(true)
    setFailure(undefined)
    setNoAnswer(false)
    try {
      if (mode === 'record') {
        const out = await deadline.run((signal) => deleteDeploymentRecord(target.id, signal))
        if (out.kind === 'answer') {
          setReport({ kind: 'record', result: out.value })
          removeRow()
          return
        }
        return settleWithoutAnswer(out)
      }
      const token = tokenRef.current?.value ?? ''
      const out = await deadline.run((signal) => wipeDeployment(target.id, token, force, signal))
      if (out.kind === 'answer') {
        clearToken()
        markWiped(target.id)
        setReport({ kind: 'wipe', result: out.value })
        removeRow()
        return
      }
      settleWithoutAnswer(out)
    } finally {
      setBusy(false)
    }
  }

  const settleWithoutAnswer = (
    out: { kind: 'failed'; error: unknown } | { kind: 'no-answer' | 'cancelled' },
  ) => {
    if (out.kind === 'failed') return explainError(out.error)
    forgetAndReread()
    if (out.kind === 'no-answer') return setNoAnswer(true)
    // Cancelled while waiting: the server may still act on it, so the bell says where to look.
    notify({
      id: `delete-cancelled:${target.id}`,
      deploymentId: target.id,
      deploymentLabel: target.fqdn,
      level: 'warn',
      title: `${mode === 'wipe' ? 'Wipe' : 'Delete'} of ${target.fqdn}: stopped waiting`,
      body: 'You cancelled before the API answered. The request may still be carried out: check the deployment’s status.',
    })
    onCloseAfterCancel()
  }

  const swallowEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') e.preventDefault()
  }

  if (report) return <ReportView report={report} target={target} preview={preview} onDone={onClose} />

  const confirmLabel = busy
    ? mode === 'record'
      ? 'Deleting…'
      : 'Wiping…'
    : mode === 'record'
      ? 'Delete record only'
      : force
        ? 'Force wipe and delete record'
        : 'Wipe infrastructure and delete record'

  return (
    <>
      <p className={styles.lead}>Choose what to remove. Nothing happens until you confirm.</p>
      <fieldset className={styles.modes} role="radiogroup" aria-labelledby={ids.legend} disabled={busy}>
        <legend id={ids.legend} className={styles.legend}>
          What to delete
        </legend>
        <div className={`${styles.mode} ${mode === 'record' ? styles.modeOn : ''}`}>
          <input
            type="radio"
            id={`${ids.recordHelp}-radio`}
            name={`delete-mode-${target.id}`}
            value="record"
            checked={mode === 'record'}
            disabled={!!recordBlocked}
            aria-describedby={ids.recordHelp}
            onChange={() => {
              setMode('record')
              setFailure(undefined)
              setForce(false)
              clearToken()
            }}
          />
          <div>
            <label htmlFor={`${ids.recordHelp}-radio`} className={styles.modeTitle}>
              Delete record only
            </label>
            <p id={ids.recordHelp} className={styles.modeHelp}>
              {recordBlocked ? (
                <span className={styles.blocked}>
                  {recordBlocked}: the API refuses to delete the record of a running deployment. Wipe it
                  instead, or wait until it finishes.
                </span>
              ) : (
                <>
                  Removes the mothership&rsquo;s record of {target.fqdn}. Its cloud resources are{' '}
                  <strong>not touched and keep running</strong> (and keep costing money) in your provider
                  project.
                </>
              )}
            </p>
          </div>
        </div>
        <div className={`${styles.mode} ${styles.danger} ${mode === 'wipe' ? styles.modeOn : ''}`}>
          <input
            type="radio"
            id={`${ids.wipeHelp}-radio`}
            name={`delete-mode-${target.id}`}
            value="wipe"
            checked={mode === 'wipe'}
            disabled={!!wipeBlocked}
            aria-describedby={ids.wipeHelp}
            onChange={() => {
              setMode('wipe')
              setFailure(undefined)
            }}
          />
          <div>
            <label htmlFor={`${ids.wipeHelp}-radio`} className={styles.modeTitle}>
              Wipe infrastructure and delete record
            </label>
            <p id={ids.wipeHelp} className={styles.modeHelp}>
              {wipeBlocked ? (
                <span className={styles.blocked}>{wipeBlocked}</span>
              ) : (
                <>
                  Destroys every cloud resource of this Sovereign (OpenTofu destroy, then a purge of anything
                  left by label), releases its DNS name, then deletes the record.{' '}
                  <strong>This cannot be undone.</strong>
                </>
              )}
            </p>
          </div>
        </div>
      </fieldset>

      {mode === 'record' ? (
        <RecordOnlyPanel preview={preview} loading={topology.isPending} fqdn={target.fqdn} />
      ) : (
        <>
          <WipePreviewPanel
            preview={preview}
            loading={topology.isPending}
            error={topology.error}
            onRetry={() => void topology.refetch()}
            fqdn={target.fqdn}
          />
          <div className="field">
            <label htmlFor={ids.token}>Hetzner API token</label>
            <input
              ref={tokenRef}
              id={ids.token}
              className="input mono"
              type="password"
              autoComplete="off"
              spellCheck={false}
              disabled={busy}
              aria-describedby={ids.tokenHint}
              aria-invalid={tokenLength > 0 && !tokenOk}
              onChange={(e) => setTokenLength(e.currentTarget.value.length)}
              onKeyDown={swallowEnter}
            />
            <span id={ids.tokenHint} className="field-hint">
              A read-write token of the project that holds this Sovereign (at least {MIN_TOKEN_LENGTH}{' '}
              characters). Used once for this wipe; never stored.
            </span>
          </div>
        </>
      )}

      <div className="field">
        <label htmlFor={ids.confirm}>
          Type <strong className={styles.target}>{target.fqdn}</strong> to confirm
        </label>
        <input
          id={ids.confirm}
          className="input mono"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          disabled={busy}
          aria-describedby={ids.confirmHint}
          aria-invalid={typed.length > 0 && !matches}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={swallowEnter}
        />
        <span id={ids.confirmHint} className="field-hint">
          {typed.length > 0 && !matches ? 'Does not match yet.' : 'Must match exactly.'}
        </span>
      </div>

      {noAnswer ? <NoAnswerNotice target={target} mode={mode} /> : null}

      {failure ? (
        <div role="alert" className={styles.failure}>
          <strong>{failure.title}</strong>
          <p>{failure.message}</p>
          {failure.kind === 'in-flight' && mode === 'record' && !wipeBlocked ? (
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => {
                setMode('wipe')
                setFailure(undefined)
              }}
            >
              Wipe instead…
            </button>
          ) : null}
          {failure.kind === 'too-young' ? (
            <div className={styles.force}>
              <input
                type="checkbox"
                id={ids.force}
                checked={force}
                disabled={busy}
                onChange={(e) => setForce(e.target.checked)}
              />
              <label htmlFor={ids.force}>
                Force the wipe now, although {target.fqdn} is younger than{' '}
                {humanSeconds(failure.minLifeSec ?? 1800)} and still installing
              </label>
            </div>
          ) : null}
        </div>
      ) : null}

      <div className={styles.actions}>
        {/* Never disabled: while waiting, Cancel stops waiting (the request is aborted). */}
        <button type="button" className="btn" onClick={busy ? deadline.cancel : onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-danger"
          disabled={!canConfirm}
          aria-busy={busy}
          onClick={() => void confirm()}
        >
          {confirmLabel}
        </button>
      </div>
    </>
  )
}

/** The request timed out: said in words, with the deployment's status read again. */
function NoAnswerNotice({ target, mode }: { target: DeleteTarget; mode: DeleteMode }) {
  const state = useQuery(deploymentQueryOptions(target.id))
  const minutes = Math.round(ANSWER_TIMEOUT_MS / 60_000)
  return (
    <div role="alert" className={styles.failure}>
      <strong>The server did not answer</strong>
      <p>
        The {mode === 'wipe' ? 'wipe' : 'delete'} request for {target.fqdn} got no answer within {minutes}{' '}
        minutes and was stopped. Whether it was carried out is unknown. The token was cleared from the field.
      </p>
      <p>
        {state.isPending
          ? 'Reading its current status…'
          : state.error
            ? isApiError(state.error) && state.error.status === 404
              ? 'Its record no longer exists: it was deleted.'
              : `Its current status could not be read: ${errorMessage(state.error)}`
            : `Its status now: ${state.data.status}.`}
      </p>
    </div>
  )
}

function RecordOnlyPanel({
  preview,
  loading,
  fqdn,
}: {
  preview: WipePreview | undefined
  loading: boolean
  fqdn: string
}) {
  const t = preview?.totals
  return (
    <section className={styles.panel} aria-label="What deleting the record does">
      <h3 className={styles.panelTitle}>Removed</h3>
      <ul className={styles.list}>
        <li>The deployment record on the mothership</li>
        <li>Its local OpenTofu working directory and kubeconfigs</li>
        <li>The pool subdomain reservation (pool domains only)</li>
      </ul>
      <h3 className={styles.panelTitle}>Keeps running</h3>
      {loading ? (
        <p className="muted">Counting the cloud resources…</p>
      ) : t && !preview.nothingCreated ? (
        <p>
          {t.servers} server{t.servers === 1 ? '' : 's'}, {t.loadBalancers} load balancer
          {t.loadBalancers === 1 ? '' : 's'}, {t.networks} network{t.networks === 1 ? '' : 's'}, {t.volumes}{' '}
          volume{t.volumes === 1 ? '' : 's'}
          {preview.buckets.length ? ', the object-storage bucket' : ''} and the DNS records of {fqdn} stay in
          your provider project. Wipe them there if you no longer need them.
        </p>
      ) : (
        <p>Everything {fqdn} created in the cloud stays as it is.</p>
      )}
    </section>
  )
}

function WipePreviewPanel({
  preview,
  loading,
  error,
  onRetry,
  fqdn,
}: {
  preview: WipePreview | undefined
  loading: boolean
  error: unknown
  onRetry: () => void
  fqdn: string
}) {
  return (
    <section className={`${styles.panel} ${styles.dangerPanel}`} aria-label="What the wipe destroys">
      <h3 className={styles.panelTitle}>Will be destroyed</h3>
      {loading ? (
        <Skeleton rows={3} label="Loading what the wipe will destroy…" />
      ) : error ? (
        <div role="alert">
          <p>Could not load the topology: {errorMessage(error)}</p>
          <p className="muted">
            The wipe still destroys everything labelled for this deployment; only the preview is missing.
          </p>
          <button type="button" className="btn btn-sm" onClick={onRetry}>
            Retry
          </button>
        </div>
      ) : preview ? (
        preview.nothingCreated ? (
          <p>
            OpenTofu has not created anything for {fqdn} yet. The wipe stops the run, purges anything labelled
            for it and deletes the record.
          </p>
        ) : (
          <>
            <table className={styles.preview} aria-label="Resources destroyed per region">
              <thead>
                <tr>
                  <th scope="col">Region</th>
                  <th scope="col">Servers</th>
                  <th scope="col">Load balancers</th>
                  <th scope="col">Networks</th>
                  <th scope="col">Volumes</th>
                </tr>
              </thead>
              <tbody>
                {preview.regions.map((r, i) => (
                  <tr key={r.key}>
                    <th scope="row">
                      <span className="mono">{r.key}</span>
                      {i === 0 ? <span className="muted"> · primary</span> : null}
                    </th>
                    <td>{r.servers}</td>
                    <td>{r.loadBalancers}</td>
                    <td>
                      {r.networks}
                      {r.firewalls ? <span className="muted"> (+{r.firewalls} firewall)</span> : null}
                    </td>
                    <td>{r.volumes}</td>
                  </tr>
                ))}
              </tbody>
              {preview.regions.length > 1 ? (
                <tfoot>
                  <tr>
                    <th scope="row">Total</th>
                    <td>{preview.totals.servers}</td>
                    <td>{preview.totals.loadBalancers}</td>
                    <td>{preview.totals.networks}</td>
                    <td>{preview.totals.volumes}</td>
                  </tr>
                </tfoot>
              ) : null}
            </table>
            <dl className={styles.extra}>
              <dt>DNS records</dt>
              <dd>
                {preview.dnsRecords.length} records under <span className="mono">{fqdn}</span> (
                {preview.dnsRecords
                  .slice(0, 4)
                  .map((d) => d.slice(0, d.length - fqdn.length - 1))
                  .join(', ')}
                , …) — the name is released.
              </dd>
              <dt>Object storage</dt>
              <dd>
                {preview.buckets.length ? (
                  preview.buckets.map((b) => (
                    <span key={b} className="mono">
                      bucket {b}
                    </span>
                  ))
                ) : (
                  <span className="muted">no bucket</span>
                )}
              </dd>
            </dl>
          </>
        )
      ) : null}
    </section>
  )
}

const PURGE_ROWS: [keyof WipeResult['hetznerPurge'], string][] = [
  ['servers', 'Servers'],
  ['load_balancers', 'Load balancers'],
  ['networks', 'Networks'],
  ['firewalls', 'Firewalls'],
  ['ssh_keys', 'SSH keys'],
  ['volumes', 'Volumes'],
  ['primary_ips', 'Primary IPs'],
  ['floating_ips', 'Floating IPs'],
  ['s3_buckets', 'Object storage buckets'],
]

function ReportView({
  report,
  target,
  preview,
  onDone,
}: {
  report: Report
  target: DeleteTarget
  preview: WipePreview | undefined
  onDone: () => void
}) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  const yes = (b: boolean | undefined, no = 'no') => (b ? 'yes' : no)
  return (
    <section className={styles.report} aria-labelledby="delete-report-title" role="status">
      {report.kind === 'gone' ? (
        <>
          <h3 id="delete-report-title" ref={headingRef} tabIndex={-1}>
            Already deleted
          </h3>
          <p>
            The record of {target.fqdn} no longer exists on the mothership — it was already deleted (perhaps
            from another tab). Nothing else to do.
          </p>
        </>
      ) : report.kind === 'record' ? (
        <>
          <h3 id="delete-report-title" ref={headingRef} tabIndex={-1}>
            Record deleted
          </h3>
          <dl className={styles.reportList}>
            <dt>Record removed from the mothership</dt>
            <dd>{yes(report.result.storeDeleted)}</dd>
            <dt>Local files and kubeconfigs cleaned</dt>
            <dd>{yes(report.result.localCleaned)}</dd>
            <dt>Pool subdomain released</dt>
            <dd>
              {report.result.pdmReleased === undefined ? 'not applicable' : yes(report.result.pdmReleased)}
            </dd>
          </dl>
          <p className={styles.warn}>
            The cloud resources of {target.fqdn}
            {preview && !preview.nothingCreated
              ? ` (${preview.totals.servers} servers, ${preview.totals.loadBalancers} load balancers, ${preview.totals.networks} networks, ${preview.totals.volumes} volumes)`
              : ''}{' '}
            were not touched and keep running.
          </p>
          {report.result.note ? <p className="muted">{report.result.note}</p> : null}
        </>
      ) : (
        <>
          <h3 id="delete-report-title" ref={headingRef} tabIndex={-1}>
            Deployment wiped
          </h3>
          <table className={styles.preview} aria-label="Destroyed resources">
            <tbody>
              {PURGE_ROWS.map(([key, label]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{String(report.result.hetznerPurge[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className={styles.reportList}>
            <dt>OpenTofu destroy</dt>
            <dd>{report.result.tofuDestroyed ? 'completed' : 'did not complete'}</dd>
            <dt>DNS released</dt>
            <dd>{yes(report.result.pdmReleased)}</dd>
            <dt>Record and local files removed</dt>
            <dd>{yes(report.result.localCleaned)}</dd>
          </dl>
          {report.result.errors.length || report.result.hetznerPurge.errors.length ? (
            <div className={styles.failure}>
              <strong>Some resources need attention</strong>
              <ul>
                {[...report.result.errors, ...report.result.hetznerPurge.errors].map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      )}
      <div className={styles.actions}>
        <button type="button" className="btn btn-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  )
}
