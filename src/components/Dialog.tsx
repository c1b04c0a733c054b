import * as RadixDialog from '@radix-ui/react-dialog'
import type { ReactNode } from 'react'
import styles from './Dialog.module.css'

export interface DialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: ReactNode
  children: ReactNode
  /** While busy the dialog cannot be closed (Escape, outside click and the close button are ignored). */
  busy?: boolean
  width?: 'sm' | 'md' | 'lg'
  /**
   * Where focus goes on close. Radix returns it to a `Dialog.Trigger`; a dialog opened without one (a
   * keyboard shortcut) calls `event.preventDefault()` here and focuses the element that opened it.
   */
  onCloseAutoFocus?: (event: Event) => void
}

/**
 * Accessible modal dialog (Radix): focus trapped, Escape closes, focus returns to the opener, title and
 * description wired to aria-labelledby/-describedby.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  busy = false,
  width = 'md',
  onCloseAutoFocus,
}: DialogProps) {
  const guard = (next: boolean) => {
    if (!next && busy) return
    onOpenChange(next)
  }
  return (
    <RadixDialog.Root open={open} onOpenChange={guard}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={styles.overlay} />
        <RadixDialog.Content
          className={`${styles.content} ${styles[width]}`}
          onEscapeKeyDown={(e) => busy && e.preventDefault()}
          onPointerDownOutside={(e) => busy && e.preventDefault()}
          onInteractOutside={(e) => busy && e.preventDefault()}
          onCloseAutoFocus={onCloseAutoFocus}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className={styles.header}>
            <RadixDialog.Title className={styles.title}>{title}</RadixDialog.Title>
            <RadixDialog.Close className="btn btn-ghost btn-icon" aria-label="Close dialog" disabled={busy}>
              ✕
            </RadixDialog.Close>
          </div>
          {description ? (
            <RadixDialog.Description className={styles.description}>{description}</RadixDialog.Description>
          ) : null}
          <div className={styles.body}>{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}
