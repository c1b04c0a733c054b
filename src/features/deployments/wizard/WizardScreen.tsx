import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { deploymentKeys, wizardKeys } from '../../../entities/deployment/deploymentKeys.ts'
import { whoamiQueryOptions } from '../../../entities/session/whoamiQueries.ts'
import { errorMessage, isApiError } from '../../../lib/http.ts'
import { useLinks } from '../../../lib/modeContext.tsx'
import {
  checkSubdomain,
  createDeployment,
  validateCredentials,
} from '../../../entities/deployment/deploymentActions.ts'
import {
  HETZNER_REGIONS,
  HETZNER_SKUS,
  MAX_REGIONS,
  MAX_WORKERS,
  MIN_WORKERS,
  POOL_DOMAINS,
  STEP_TITLES,
  SUBDOMAIN,
  WIZARD_STEPS,
  buildDeploymentRequest,
  defaultDraft,
  defaultRegion,
  fqdnOf,
  normaliseSubdomain,
  parseDraft,
  regionKeys,
  serialiseDraft,
  subdomainReasonText,
  tokenVerdictText,
  validateStep,
  type RegionDraft,
  type StepErrors,
  type WizardDraft,
  type WizardStep,
} from './wizardModel.ts'
import { SshKeyField } from './SshKeyField.tsx'
import { useQueryCacheProbe } from '../useQueryCacheProbe.ts'
import styles from './WizardScreen.module.css'

export const WIZARD_DRAFT_KEY = 'catalyst:wizard-draft:v1'

function loadDraft(): WizardDraft {
  try {
    return parseDraft(window.localStorage.getItem(WIZARD_DRAFT_KEY))
  } catch {
    return defaultDraft()
  }
}

function saveDraft(d: WizardDraft): void {
  try {
    window.localStorage.setItem(WIZARD_DRAFT_KEY, serialiseDraft(d))
  } catch {
    // storage unavailable: the wizard still works, it just will not survive a reload
  }
}

const SUBDOMAIN_SYNTAX = SUBDOMAIN

/**
 * `/wizard`: organisation → domain → topology → credentials → review and launch. Every step validates before
 * Next; the draft (never the token) survives a reload; all of it works with the keyboard alone (focus moves
 * to each step's heading, Enter submits the step).
 */
export function WizardScreen() {
  // Non-production only: lets e2e prove a generated private key is in no cache.
  useQueryCacheProbe()
  const me = useQuery(whoamiQueryOptions())
  const email = me.data?.email
  const [draft, setDraft] = useState<WizardDraft>(loadDraft)
  const [showErrors, setShowErrors] = useState(false)
  const stepHeading = useRef<HTMLHeadingElement>(null)
  const [focusStep, setFocusStep] = useState(false)

  // The provider token: held in memory for the one launch request, never rendered, never stored.
  const tokenRef = useRef('')
  const [tokenState, setTokenState] = useState<TokenState>({ kind: 'none' })

  useEffect(() => saveDraft(draft), [draft])
  useEffect(() => {
    if (focusStep) stepHeading.current?.focus()
  }, [focusStep, draft.step])

  // Live availability of the pool subdomain (debounced; only for syntactically valid names).
  const sub = normaliseSubdomain(draft.subdomain)
  const [debouncedSub, setDebouncedSub] = useState(sub)
  useEffect(() => {
    const t = setTimeout(() => setDebouncedSub(sub), 300)
    return () => clearTimeout(t)
  }, [sub])
  const checkable = draft.domainMode === 'pool' && SUBDOMAIN_SYNTAX.test(debouncedSub) && debouncedSub === sub
  const availability = useQuery({
    queryKey: wizardKeys.subdomainCheck(draft.poolDomain, debouncedSub),
    queryFn: ({ signal }) => checkSubdomain(debouncedSub, draft.poolDomain, signal),
    enabled: checkable,
    staleTime: 10_000,
  })
  const subdomainCheck =
    checkable && availability.data
      ? {
          fqdn: `${debouncedSub}.${draft.poolDomain}`,
          available: availability.data.available,
          reason: availability.data.reason,
        }
      : undefined

  const ctx = { email, subdomainCheck, tokenValidated: tokenState.kind === 'valid' }
  const step = draft.step
  const stepIndex = WIZARD_STEPS.indexOf(step)
  const errors: StepErrors = validateStep(step, draft, ctx)
  const visibleErrors: StepErrors = showErrors ? errors : {}

  const update = (patch: Partial<WizardDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const goTo = (s: WizardStep) => {
    setShowErrors(false)
    setFocusStep(true)
    update({ step: s })
  }
  const next = () => {
    if (Object.keys(errors).length > 0) {
      setShowErrors(true)
      // Focus the first field that needs attention.
      requestAnimationFrame(() => {
        const first = document.querySelector<HTMLElement>('[data-wizard-step] [aria-invalid="true"]')
        first?.focus()
      })
      return
    }
    const nextStep = WIZARD_STEPS[stepIndex + 1]
    if (nextStep) goTo(nextStep)
  }

  const onSubmitStep = (e: FormEvent) => {
    e.preventDefault()
    if (step === 'credentials' && tokenState.kind !== 'valid') {
      void runValidation()
      return
    }
    if (step !== 'review') next()
  }

  const tokenField = useRef<HTMLInputElement>(null)
  const runValidation = async () => {
    const value = tokenField.current?.value.trim() ?? ''
    if (!value) {
      setTokenState({ kind: 'invalid', reason: 'Enter the token first.' })
      return
    }
    setTokenState({ kind: 'checking' })
    try {
      const verdict = await validateCredentials(value)
      if (verdict.valid) {
        tokenRef.current = value
        if (tokenField.current) tokenField.current.value = ''
        setTokenState({ kind: 'valid' })
      } else setTokenState({ kind: 'invalid', reason: tokenVerdictText(verdict) })
    } catch (e) {
      setTokenState({ kind: 'invalid', reason: errorMessage(e) })
    }
  }
  const forgetToken = () => {
    tokenRef.current = ''
    setTokenState({ kind: 'none' })
  }
  // Leaving the wizard forgets the token.
  useEffect(
    () => () => {
      tokenRef.current = ''
    },
    [],
  )

  return (
    <>
      <PageHeader title="New deployment" description="Provision a new Sovereign in a few steps." />
      <div className={styles.layout}>
        <nav aria-label="Wizard steps" className={styles.stepsNav}>
          <ol>
            {WIZARD_STEPS.map((s, i) => (
              <li key={s}>
                <button
                  type="button"
                  className={styles.stepButton}
                  aria-current={s === step ? 'step' : undefined}
                  disabled={i > stepIndex}
                  onClick={() => goTo(s)}
                >
                  <span className={styles.stepNumber} aria-hidden="true">
                    {i < stepIndex ? '✓' : i + 1}
                  </span>
                  {STEP_TITLES[s]}
                  {i < stepIndex ? <span className="sr-only"> (done)</span> : null}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <form className={`card ${styles.card}`} onSubmit={onSubmitStep} noValidate data-wizard-step={step}>
          <h2 ref={stepHeading} tabIndex={-1} className={styles.stepTitle}>
            Step {stepIndex + 1} of {WIZARD_STEPS.length}: {STEP_TITLES[step]}
          </h2>
          {step === 'organisation' ? (
            <OrganisationStep draft={draft} email={email} errors={visibleErrors} update={update} />
          ) : step === 'domain' ? (
            <DomainStep
              draft={draft}
              errors={visibleErrors}
              update={update}
              checking={checkable && availability.isFetching}
              checkError={availability.error}
              check={subdomainCheck}
              syntaxOk={SUBDOMAIN_SYNTAX.test(sub)}
            />
          ) : step === 'topology' ? (
            <TopologyStep draft={draft} errors={visibleErrors} update={update} />
          ) : step === 'credentials' ? (
            <CredentialsStep
              draft={draft}
              update={update}
              errors={visibleErrors}
              fieldRef={tokenField}
              state={tokenState}
              onValidate={() => void runValidation()}
              onForget={forgetToken}
            />
          ) : (
            <ReviewStep
              draft={draft}
              email={email}
              errors={errors}
              tokenValid={tokenState.kind === 'valid'}
              goTo={goTo}
              tokenRef={tokenRef}
            />
          )}
          {step !== 'review' ? (
            <div className={styles.footer}>
              <button
                type="button"
                className="btn"
                disabled={stepIndex === 0}
                onClick={() => goTo(WIZARD_STEPS[stepIndex - 1]!)}
              >
                Back
              </button>
              {showErrors && Object.keys(errors).length > 0 ? (
                <span role="alert" className={styles.footerError}>
                  Fix the highlighted fields to continue.
                </span>
              ) : null}
              <button type="submit" className="btn btn-primary">
                Next
              </button>
            </div>
          ) : null}
        </form>
      </div>
    </>
  )
}

function Field({
  label,
  error,
  hint,
  children,
  id,
}: {
  label: string
  error?: string | undefined
  hint?: ReactNode
  children: (p: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode
  id?: string
}) {
  const auto = useId()
  const fieldId = id ?? auto
  const hintId = `${fieldId}-hint`
  const errId = `${fieldId}-error`
  const describedBy = [hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {children({ id: fieldId, 'aria-invalid': !!error, 'aria-describedby': describedBy })}
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  )
}

const BCP_OPTIONS = [
  { id: 'active-hotstandby', label: 'Active / hot standby' },
  { id: 'active-active', label: 'Active / active' },
] as const

/** A labelled `<select>` over a fixed option list (regions, SKUs, pool domains). */
function SelectField({
  label,
  error,
  value,
  options,
  onChange,
}: {
  label: string
  error?: string | undefined
  value: string
  options: readonly { id: string; label: string }[]
  onChange: (value: string) => void
}) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <select {...p} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

function OrganisationStep({
  draft,
  email,
  errors,
  update,
}: {
  draft: WizardDraft
  email: string | undefined
  errors: StepErrors
  update: (p: Partial<WizardDraft>) => void
}) {
  return (
    <div className={styles.fields}>
      <Field label="Organisation name" error={errors.orgName} hint="The customer this Sovereign is for.">
        {(p) => (
          <input
            {...p}
            className="input"
            value={draft.orgName}
            autoComplete="organization"
            onChange={(e) => update({ orgName: e.target.value })}
          />
        )}
      </Field>
      <Field
        label="Owner email"
        error={errors.orgEmail}
        hint="Your signed-in email. It becomes the Sovereign's owner account and receives the handover."
      >
        {(p) => <input {...p} className="input" value={email ?? ''} readOnly />}
      </Field>
    </div>
  )
}

function DomainStep({
  draft,
  errors,
  update,
  checking,
  checkError,
  check,
  syntaxOk,
}: {
  draft: WizardDraft
  errors: StepErrors
  update: (p: Partial<WizardDraft>) => void
  checking: boolean
  checkError: unknown
  check: { fqdn: string; available: boolean; reason?: string | undefined } | undefined
  syntaxOk: boolean
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
    </div>
  )
}

function TopologyStep({
  draft,
  errors,
  update,
}: {
  draft: WizardDraft
  errors: StepErrors
  update: (p: Partial<WizardDraft>) => void
}) {
  const keys = regionKeys(draft.regions)
  const setRegion = (i: number, patch: Partial<RegionDraft>) =>
    update({ regions: draft.regions.map((r, j) => (j === i ? { ...r, ...patch } : r)) })
  const unused = HETZNER_REGIONS.find((h) => !draft.regions.some((r) => r.cloudRegion === h.id))?.id ?? 'fsn1'
  return (
    <div className={styles.fields}>
      <p className="muted">
        The first region is the primary (control plane of the Sovereign&rsquo;s console); the others are
        secondaries. Region keys name each region in jobs, logs and dashboards.
      </p>
      {draft.regions.map((r, i) => (
        <fieldset key={i} className={styles.region}>
          <legend>
            Region {i + 1} ({i === 0 ? 'primary' : 'secondary'})
          </legend>
          <p className={styles.regionKey}>
            Region key: <output className="mono">{keys[i]}</output>
          </p>
          <div className={styles.regionGrid}>
            <SelectField
              label="Provider region"
              error={errors[`regions.${i}.cloudRegion`]}
              value={r.cloudRegion}
              options={HETZNER_REGIONS}
              onChange={(v) => setRegion(i, { cloudRegion: v })}
            />
            <SelectField
              label="Control-plane server"
              error={errors[`regions.${i}.controlPlaneSize`]}
              value={r.controlPlaneSize}
              options={HETZNER_SKUS}
              onChange={(v) => setRegion(i, { controlPlaneSize: v })}
            />
            <SelectField
              label="Worker server"
              error={errors[`regions.${i}.workerSize`]}
              value={r.workerSize}
              options={HETZNER_SKUS}
              onChange={(v) => setRegion(i, { workerSize: v })}
            />
            <Field label="Workers" error={errors[`regions.${i}.workerCount`]}>
              {(p) => (
                <input
                  {...p}
                  className="input"
                  type="number"
                  inputMode="numeric"
                  min={MIN_WORKERS}
                  max={MAX_WORKERS}
                  value={Number.isFinite(r.workerCount) ? r.workerCount : ''}
                  onChange={(e) =>
                    setRegion(i, { workerCount: e.target.value === '' ? NaN : Number(e.target.value) })
                  }
                />
              )}
            </Field>
          </div>
          {i > 0 ? (
            <button
              type="button"
              className="btn btn-sm btn-ghost"
              onClick={() => update({ regions: draft.regions.filter((_, j) => j !== i) })}
            >
              Remove region {i + 1}
            </button>
          ) : null}
        </fieldset>
      ))}
      {errors.regions ? <p className="field-error">{errors.regions}</p> : null}
      <div className={styles.row}>
        <button
          type="button"
          className="btn"
          disabled={draft.regions.length >= MAX_REGIONS}
          onClick={() =>
            update({ regions: [...draft.regions, { ...defaultRegion(unused), workerCount: 2 }] })
          }
        >
          Add region
        </button>
        {draft.regions.length > 1 ? (
          <SelectField
            label="Business continuity"
            value={draft.bcp}
            options={BCP_OPTIONS}
            onChange={(v) => update({ bcp: v as WizardDraft['bcp'] })}
          />
        ) : (
          <span className="muted">One region: single-region (no failover).</span>
        )}
      </div>
    </div>
  )
}

/** `ssh-ed25519 AAAA…kKX catalyst@x` → the algorithm, the key's last characters and the comment. */
function sshKeySummary(key: string): string {
  const [alg, body, ...comment] = key.trim().split(/\s+/)
  if (!alg || !body) return 'Missing'
  return [alg, `…${body.slice(-8)}`, comment.join(' ')].filter(Boolean).join(' ')
}

type TokenState =
  { kind: 'none' } | { kind: 'checking' } | { kind: 'valid' } | { kind: 'invalid'; reason: string }

function CredentialsStep({
  draft,
  update,
  errors,
  fieldRef,
  state,
  onValidate,
  onForget,
}: {
  draft: WizardDraft
  update: (p: Partial<WizardDraft>) => void
  errors: StepErrors
  fieldRef: React.RefObject<HTMLInputElement | null>
  state: TokenState
  onValidate: () => void
  onForget: () => void
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
          <Field
            label="Hetzner API token"
            error={state.kind === 'invalid' ? state.reason : errors.token}
            hint="64 letters and digits. Validated with the provider, used once for the launch, never stored."
          >
            {(p) => (
              <input
                {...p}
                ref={fieldRef}
                className="input mono"
                type="password"
                autoComplete="off"
                spellCheck={false}
                disabled={state.kind === 'checking'}
              />
            )}
          </Field>
          <div>
            <button type="button" className="btn" onClick={onValidate} disabled={state.kind === 'checking'}>
              {state.kind === 'checking' ? 'Validating…' : 'Validate token'}
            </button>
          </div>
        </>
      )}
      <SshKeyField
        value={draft.sshPublicKey}
        onChange={(sshPublicKey) => update({ sshPublicKey })}
        fqdn={fqdnOf(draft)}
        error={errors.sshPublicKey}
      />
    </div>
  )
}

function ReviewStep({
  draft,
  email,
  errors,
  tokenValid,
  goTo,
  tokenRef,
}: {
  draft: WizardDraft
  email: string | undefined
  errors: StepErrors
  tokenValid: boolean
  goTo: (s: WizardStep) => void
  tokenRef: React.RefObject<string>
}) {
  const navigate = useNavigate()
  const links = useLinks()
  const queryClient = useQueryClient()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | undefined>()
  const keys = regionKeys(draft.regions)
  const problems = Object.entries(errors) as [WizardStep, string][]
  const launch = async () => {
    if (busy || problems.length > 0 || !email) return
    setBusy(true)
    setFailure(undefined)
    try {
      const res = await createDeployment(buildDeploymentRequest(draft, email, tokenRef.current))
      tokenRef.current = ''
      window.localStorage.removeItem(WIZARD_DRAFT_KEY)
      void queryClient.invalidateQueries({ queryKey: deploymentKeys.list() })
      await navigate({ to: links.to({ page: 'overview', deploymentId: res.id }) })
    } catch (e) {
      setFailure(
        isApiError(e) && e.code === 'subdomain-conflict'
          ? `${fqdnOf(draft)} was taken meanwhile. Choose another subdomain.`
          : isApiError(e) && e.status === 403
            ? 'The owner email must be your signed-in email. Sign in again and retry.'
            : `The launch failed: ${errorMessage(e)}`,
      )
      setBusy(false)
    }
  }
  return (
    <div className={styles.fields}>
      {problems.length > 0 ? (
        <div role="alert" className={styles.problems}>
          <strong>Before launching:</strong>
          <ul>
            {problems.map(([s, msg]) => (
              <li key={s}>
                {s === 'credentials' && !tokenValid
                  ? 'Enter and validate the provider token again (it is never stored).'
                  : msg}{' '}
                <button type="button" className="btn btn-sm" onClick={() => goTo(s)}>
                  Go to {STEP_TITLES[s]}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className={styles.summary}>
        <dt>Organisation</dt>
        <dd>{draft.orgName}</dd>
        <dt>Owner</dt>
        <dd>{email}</dd>
        <dt>FQDN</dt>
        <dd className="mono">
          {fqdnOf(draft)}{' '}
          <span className="muted">
            ({draft.domainMode === 'pool' ? 'pool subdomain' : 'your own domain'})
          </span>
        </dd>
        <dt>Topology</dt>
        <dd>
          {draft.regions.length === 1
            ? 'Single region'
            : `${draft.regions.length} regions, ${draft.bcp === 'active-active' ? 'active / active' : 'active / hot standby'}`}
        </dd>
        <dt>Credentials</dt>
        <dd>
          {tokenValid
            ? `Hetzner token validated for project ${draft.hetznerProjectID.trim() || '—'} — held in memory, not shown`
            : 'Missing'}
        </dd>
        <dt>SSH key</dt>
        <dd className="mono">{sshKeySummary(draft.sshPublicKey)}</dd>
      </dl>
      <table className={styles.table} aria-label="Regions to create">
        <thead>
          <tr>
            <th scope="col">Region key</th>
            <th scope="col">Provider region</th>
            <th scope="col">Control plane</th>
            <th scope="col">Workers</th>
          </tr>
        </thead>
        <tbody>
          {draft.regions.map((r, i) => (
            <tr key={i}>
              <th scope="row" className="mono">
                {keys[i]}
              </th>
              <td>{r.cloudRegion}</td>
              <td>{r.controlPlaneSize}</td>
              <td>
                {r.workerCount} × {r.workerSize}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {failure ? (
        <p role="alert" className="field-error">
          {failure}
        </p>
      ) : null}
      <div className={styles.footer}>
        <button type="button" className="btn" onClick={() => goTo('credentials')} disabled={busy}>
          Back
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || problems.length > 0 || !email}
          aria-busy={busy}
          onClick={() => void launch()}
        >
          {busy ? 'Launching…' : 'Launch deployment'}
        </button>
      </div>
    </div>
  )
}
