import { useId } from 'react'
import { errorMessage } from '../../../lib/http.ts'
import { Field, SelectField } from './WizardFields.tsx'
import { RegistrarCheck } from './RegistrarCheck.tsx'
import {
  POOL_DOMAINS,
  fqdnOf,
  subdomainReasonText,
  type StepErrors,
  type WizardDraft,
} from './wizardModel.ts'
import styles from './WizardScreen.module.css'

export function DomainStep({
  draft,
  errors,
  update,
  checking,
  checkError,
  check,
  syntaxOk,
  byoOk,
  registrarValidatedFor,
  onRegistrarValidated,
}: {
  draft: WizardDraft
  errors: StepErrors
  update: (p: Partial<WizardDraft>) => void
  checking: boolean
  checkError: unknown
  check: { fqdn: string; available: boolean; reason?: string | undefined } | undefined
  syntaxOk: boolean
  byoOk: boolean
  registrarValidatedFor: string | undefined
  onRegistrarValidated: (fqdn: string | undefined) => void
}) {
  const name = useId()
  const fqdn = fqdnOf(draft)
  return (
    <div className={styles.fields}>
      <fieldset className={styles.choice}>
        <legend className="field-label">Domain</legend>
        <label>
          <input
            type="radio"
            name={name}
            checked={draft.domainMode === 'pool'}
            onChange={() => update({ domainMode: 'pool' })}
          />{' '}
          Pool subdomain
        </label>
        <label>
          <input
            type="radio"
            name={name}
            checked={draft.domainMode === 'byo'}
            onChange={() => update({ domainMode: 'byo' })}
          />{' '}
          Your own domain
        </label>
      </fieldset>
      {draft.domainMode === 'pool' ? (
        <>
          <div className={styles.row}>
            <Field
              label="Subdomain"
              error={errors.subdomain === 'Checking availability…' ? undefined : errors.subdomain}
            >
              {(p) => (
                <input
                  {...p}
                  className="input mono"
                  value={draft.subdomain}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => update({ subdomain: e.target.value })}
                />
              )}
            </Field>
            <SelectField
              label="Pool domain"
              value={draft.poolDomain}
              options={POOL_DOMAINS.map((d) => ({ id: d, label: d }))}
              onChange={(v) => update({ poolDomain: v as WizardDraft['poolDomain'] })}
            />
          </div>
          <p role="status" aria-label="Availability" className={styles.availability}>
            {!draft.subdomain.trim() || !syntaxOk ? (
              <span className="muted">Type a subdomain to check its availability.</span>
            ) : checkError ? (
              <span className="field-error">Could not check availability: {errorMessage(checkError)}</span>
            ) : checking || !check || check.fqdn !== fqdn ? (
              <span className="muted">Checking {fqdn}…</span>
            ) : check.available ? (
              <span className={styles.ok}>✓ {fqdn} is available</span>
            ) : (
              <span className="field-error">✕ {subdomainReasonText(check.reason, fqdn)}</span>
            )}
          </p>
        </>
      ) : (
        <Field
          label="Your domain"
          error={errors.byoDomain}
          hint="You will delegate its NS records to the Sovereign's PowerDNS after launch."
        >
          {(p) => (
            <input
              {...p}
              className="input mono"
              value={draft.byoDomain}
              autoComplete="off"
              spellCheck={false}
              placeholder="sovereign.example.com"
              onChange={(e) => update({ byoDomain: e.target.value })}
            />
          )}
        </Field>
      )}
      {draft.domainMode === 'byo' ? (
        <RegistrarCheck
          registrar={draft.registrar}
          domain={fqdn}
          domainOk={byoOk}
          validatedFor={registrarValidatedFor}
          error={errors.registrarToken}
          onRegistrar={(registrar) => {
            update({ registrar })
            onRegistrarValidated(undefined)
          }}
          onValidated={onRegistrarValidated}
        />
      ) : null}
    </div>
  )
}
