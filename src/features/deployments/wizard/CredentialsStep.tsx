import type { RefObject } from 'react'
import { Field, SecretField } from './WizardFields.tsx'
import { SshKeyField } from './SshKeyField.tsx'
import { ObjectStorageKeys } from './ObjectStorageKeys.tsx'
import {
  fqdnOf,
  tokenVerdictText,
  type ObjectStorageKeys as Keys,
  type StepErrors,
  type WizardDraft,
} from './wizardModel.ts'
import styles from './WizardScreen.module.css'

export type TokenState =
  { kind: 'none' } | { kind: 'checking' } | { kind: 'valid' } | { kind: 'invalid'; reason: string }

export function CredentialsStep({
  draft,
  update,
  errors,
  fieldRef,
  state,
  onValidate,
  onForget,
  objectStorageRef,
  keysHeld,
  onKeysHeld,
}: {
  draft: WizardDraft
  update: (p: Partial<WizardDraft>) => void
  errors: StepErrors
  fieldRef: RefObject<HTMLInputElement | null>
  state: TokenState
  onValidate: () => void
  onForget: () => void
  objectStorageRef: RefObject<Keys>
  keysHeld: boolean
  onKeysHeld: (held: boolean) => void
}) {
  return (
    <div className={styles.fields}>
      <p className="muted">
        Provider: Hetzner Cloud. The token needs read-write access to the target project.
      </p>
      <Field
        label="Hetzner project ID"
        error={errors.hetznerProjectID}
        hint="The number in the Hetzner Console address of the project (…/projects/1234567/…)."
      >
        {(p) => (
          <input
            {...p}
            className="input mono"
            value={draft.hetznerProjectID}
            autoComplete="off"
            spellCheck={false}
            inputMode="numeric"
            onChange={(e) => update({ hetznerProjectID: e.target.value })}
          />
        )}
      </Field>
      {state.kind === 'valid' ? (
        <div className={styles.fields}>
          <p role="status" className={styles.ok}>
            ✓ {tokenVerdictText({ valid: true, status: 200 })}
          </p>
          <p className="muted">
            It is held in memory for this launch only: never shown again, never stored, forgotten when you
            leave this page.
          </p>
          <div>
            <button type="button" className="btn btn-sm" onClick={onForget}>
              Replace token
            </button>
          </div>
        </div>
      ) : (
        <>
          <SecretField
            label="Hetzner API token"
            error={state.kind === 'invalid' ? state.reason : errors.token}
            hint="64 letters and digits. Validated with the provider, used once for the launch, never stored."
            inputRef={fieldRef}
            disabled={state.kind === 'checking'}
          />
          <div>
            <button type="button" className="btn" onClick={onValidate} disabled={state.kind === 'checking'}>
              {state.kind === 'checking' ? 'Validating…' : 'Validate token'}
            </button>
          </div>
        </>
      )}
      <ObjectStorageKeys keysRef={objectStorageRef} held={keysHeld} onHeld={onKeysHeld} />
      <SshKeyField
        value={draft.sshPublicKey}
        onChange={(sshPublicKey) => update({ sshPublicKey })}
        fqdn={fqdnOf(draft)}
        error={errors.sshPublicKey}
      />
    </div>
  )
}
