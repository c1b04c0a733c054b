import { useId, useState, type ReactNode } from 'react'
import { Dialog } from './Dialog.tsx'
import styles from './TypedConfirmDialog.module.css'

export interface TypedConfirmDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: ReactNode
  /** The exact text the operator must type (an FQDN, a record name). */
  confirmText: string
  /** Label of the destructive button, e.g. "Delete record". */
  confirmLabel: string
  busy?: boolean
  /** Extra requirement besides the typed text (e.g. a token entered). */
  canConfirm?: boolean
  onConfirm: () => void
  error?: ReactNode
  children?: ReactNode
}

/**
 * The destructive-action pattern used everywhere: type the name to confirm. The destructive button is
 * never the default — Enter in the confirmation field does nothing — and stays disabled until the text
 * matches exactly; while busy nothing can be clicked twice and the dialog cannot be closed.
 */
export function TypedConfirmDialog(props: TypedConfirmDialogProps) {
  const {
    open,
    onOpenChange,
    title,
    description,
    confirmText,
    confirmLabel,
    busy = false,
    canConfirm = true,
    onConfirm,
    error,
    children,
  } = props
  const [typed, setTyped] = useState('')
  const inputId = useId()
  const hintId = useId()
  const matches = typed === confirmText
  const close = (next: boolean) => {
    if (!next) setTyped('')
    onOpenChange(next)
  }
  return (
    <Dialog open={open} onOpenChange={close} title={title} description={description} busy={busy}>
      {children}
      <div className="field">
        <label htmlFor={inputId}>
          Type <strong className={styles.target}>{confirmText}</strong> to confirm
        </label>
        <input
          id={inputId}
          className="input mono"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          disabled={busy}
          aria-describedby={hintId}
          aria-invalid={typed.length > 0 && !matches}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault()
          }}
        />
        <span id={hintId} className="field-hint">
          {typed.length > 0 && !matches ? 'Does not match yet.' : 'Must match exactly.'}
        </span>
      </div>
      {error ? (
        <div role="alert" className={styles.error}>
          {error}
        </div>
      ) : null}
      <div className={styles.actions}>
        <button type="button" className="btn" onClick={() => close(false)} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-danger"
          disabled={!matches || !canConfirm || busy}
          aria-busy={busy}
          onClick={onConfirm}
        >
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
