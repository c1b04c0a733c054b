/**
 * Why a control is disabled or missing for this session, in words (from `useCan`). Give it the id the
 * disabled control points at with `aria-describedby`, so a screen reader reads the reason with the control.
 */
export function PermissionNote({ id, reason }: { id?: string; reason: string | undefined }) {
  if (!reason) return null
  return (
    <p id={id} className="muted" role="note" data-permission-note="">
      {reason}
    </p>
  )
}
