import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { Dialog } from '../../../components/Dialog.tsx'
import type { DeploymentSummary } from '../../../contracts/deployments.ts'
import { deploymentKeys } from '../../../entities/deployment/deploymentQueries.ts'
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
} from './deleteRules.ts'
import { markWiped } from '../list/recentlyWiped.ts'
import { useAnswerDeadline } from './useAnswerDeadline.ts'
import { DeleteReport, type DeleteReportData } from './DeleteReport.tsx'
import { NoAnswerNotice } from './NoAnswerNotice.tsx'
import { RecordOnlyPanel, WipePreviewPanel } from './DeletePreviewPanels.tsx'
import styles from './DeleteDeploymentDialog.module.css'

export interface DeleteTarget {
  id: string
  fqdn: string
  /** Status when the dialog was opened (the row may go stale; the API has the last word). */
  status: string
}

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
  const [report, setReport] = useState<DeleteReportData | undefined>()
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

  if (report) return <DeleteReport report={report} target={target} preview={preview} onDone={onClose} />

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
              // Chromium ignores `off` on password fields; `new-password` keeps saved passwords out.
              autoComplete="new-password"
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
