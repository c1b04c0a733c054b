import { useRef, useState } from 'react'
import { REGISTRARS, type Registrar } from '../../../contracts/wizard.ts'
import { errorMessage, isApiError } from '../../../lib/http.ts'
import { validateRegistrar } from '../../../entities/deployment/deploymentActions.ts'
import { SecretField, SelectField } from './WizardFields.tsx'
import { registrarVerdictText } from './wizardModel.ts'
import styles from './WizardScreen.module.css'

type Check = { kind: 'idle' } | { kind: 'checking' } | { kind: 'failed'; reason: string }

/**
 * BYO domain: the registrar and its API token, checked with `POST /registrar/{r}/validate` before Next. The
 * token lives only in an uncontrolled password field, is read once for the check and cleared right after
 * (the launch does not need it); only "this FQDN was validated" is kept, in memory.
 */
export function RegistrarCheck({
  registrar,
  domain,
  domainOk,
  validatedFor,
  error,
  onRegistrar,
  onValidated,
}: {
  registrar: Registrar
  domain: string
  /** The domain is syntactically valid (no check before that). */
  domainOk: boolean
  validatedFor: string | undefined
  error: string | undefined
  onRegistrar: (r: Registrar) => void
  onValidated: (fqdn: string | undefined) => void
}) {
  const tokenRef = useRef<HTMLInputElement>(null)
  const [check, setCheck] = useState<Check>({ kind: 'idle' })
  const validated = !!domain && validatedFor === domain

  const run = async () => {
    const token = tokenRef.current?.value ?? ''
    if (!token) {
      setCheck({ kind: 'failed', reason: registrarVerdictText('missing-token', registrar, domain) })
      return
    }
    setCheck({ kind: 'checking' })
    try {
      await validateRegistrar(registrar, domain, token)
      if (tokenRef.current) tokenRef.current.value = ''
      setCheck({ kind: 'idle' })
      onValidated(domain)
    } catch (e) {
      const reason =
        isApiError(e) && e.kind === 'http'
          ? registrarVerdictText(e.code, registrar, domain)
          : `Could not reach the registrar check: ${errorMessage(e)}`
      setCheck({ kind: 'failed', reason })
      onValidated(undefined)
    }
  }

  if (validated)
    return (
      <div className={styles.fields}>
        <p role="status" className={styles.ok}>
          ✓ {domain} is in the {registrar} account of the token you gave (the token was not kept).
        </p>
        <div>
          <button type="button" className="btn btn-sm" onClick={() => onValidated(undefined)}>
            Check again
          </button>
        </div>
      </div>
    )
  return (
    <div className={styles.row}>
      <SelectField
        label="Registrar"
        value={registrar}
        options={REGISTRARS.map((r) => ({ id: r, label: r }))}
        onChange={(v) => {
          onRegistrar(v as Registrar)
          setCheck({ kind: 'idle' })
        }}
      />
      <SecretField
        label="Registrar API token"
        error={check.kind === 'failed' ? check.reason : error}
        hint="Checked once with the registrar, never stored."
        inputRef={tokenRef}
        disabled={check.kind === 'checking'}
      />
      <div>
        <button
          type="button"
          className="btn"
          disabled={!domainOk || check.kind === 'checking'}
          onClick={() => void run()}
        >
          {check.kind === 'checking' ? 'Checking…' : 'Validate with registrar'}
        </button>
      </div>
    </div>
  )
}
