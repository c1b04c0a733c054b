import { useRef } from 'react'
import { TypedConfirmDialog } from '../../../components/TypedConfirmDialog.tsx'
import { isApiError, errorMessage } from '../../../lib/http.ts'
import type { ConsoleMode } from '../../../lib/mode.ts'
import { useDeleteUserAccess } from '../../../entities/user-access/useDeleteUserAccess.ts'
import { describeRefusal } from '../userAccessModel.ts'

/**
 * Deleting a record removes the person's role bindings on the Sovereign: the same typed-confirmation
 * pattern as deleting a deployment (type the record name), never a native `confirm`.
 */
export function DeleteUserAccessDialog({
  mode,
  deploymentId,
  name,
  onClose,
  onDeleted,
}: {
  mode: ConsoleMode
  deploymentId: string
  /** The record to delete; the dialog is open while set. */
  name: string | undefined
  onClose: () => void
  /** Awaited before the record leaves the cache (e.g. navigate away from its page). */
  onDeleted?: (name: string) => Promise<unknown> | void
}) {
  const del = useDeleteUserAccess(mode, deploymentId, { onDeleted })
  // The button is disabled once React Query reports the mutation pending, which is a task later: a
  // double click lands both clicks before that (the second DELETE then 404s), so the guard is synchronous.
  const deleting = useRef(false)
  const close = () => {
    del.reset()
    onClose()
  }
  return (
    <TypedConfirmDialog
      // A fresh dialog per record: the typed text never carries over to the next one.
      key={name ?? ''}
      open={name !== undefined}
      onOpenChange={(open) => {
        if (!open) close()
      }}
      title="Delete user access"
      description={
        <>
          This removes every role binding the record <strong className="mono">{name}</strong> created. The
          user keeps their account but loses this access at once.
        </>
      }
      confirmText={name ?? ''}
      confirmLabel="Delete user access"
      busy={del.isPending}
      error={
        del.isError
          ? isApiError(del.error)
            ? describeRefusal(del.error, name ?? '')
            : errorMessage(del.error)
          : undefined
      }
      onConfirm={() => {
        if (!name || deleting.current) return
        deleting.current = true
        del.mutate(name, {
          onSettled: () => {
            deleting.current = false
          },
          onSuccess: () => {
            del.reset()
            onClose()
          },
        })
      }}
    />
  )
}
