import { useState, type RefObject } from 'react'
import { SecretField } from './WizardFields.tsx'
import type { ObjectStorageKeys as Keys } from './wizardModel.ts'
import styles from './WizardScreen.module.css'

/**
 * The Sovereign bucket's S3 keys (optional: without them the backend uses the operator-level defaults).
 * Secrets: typed into uncontrolled password fields, copied into a ref the launch reads once, never into
 * React state, the draft or the markup. Coming back to this step shows that they are held, not what they are.
 */
export function ObjectStorageKeys({
  keysRef,
  held,
  onHeld,
}: {
  keysRef: RefObject<Keys>
  /** Keys were typed (the parent's flag: the values themselves stay in the ref). */
  held: boolean
  onHeld: (held: boolean) => void
}) {
  // Typing keeps the fields on screen; coming back to the step later shows only that keys are held.
  const [editing, setEditing] = useState(!held)
  const set = (patch: Partial<Keys>) => {
    keysRef.current = { ...keysRef.current, ...patch }
    onHeld(!!(keysRef.current.accessKey || keysRef.current.secretKey))
  }
  if (held && !editing)
    return (
      <div className={styles.fields}>
        <p role="status" className={styles.ok}>
          ✓ Object-storage keys held in memory for this launch only (not shown, never stored).
        </p>
        <div>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => {
              keysRef.current = { accessKey: '', secretKey: '' }
              onHeld(false)
              setEditing(true)
            }}
          >
            Replace object-storage keys
          </button>
        </div>
      </div>
    )
  return (
    <div className={styles.row}>
      <SecretField
        label="Object-storage access key"
        hint="Optional. Used once for the launch, never stored."
        onChange={(accessKey) => set({ accessKey })}
      />
      <SecretField
        label="Object-storage secret key"
        hint="Optional; both keys or neither."
        onChange={(secretKey) => set({ secretKey })}
      />
    </div>
  )
}
