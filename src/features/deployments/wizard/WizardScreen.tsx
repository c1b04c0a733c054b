import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { PermissionNote } from '../../../components/PermissionNote.tsx'
import { wizardKeys } from '../../../entities/deployment/deploymentKeys.ts'
import { useCan } from '../../../entities/session/permissions.ts'
import { whoamiQueryOptions } from '../../../entities/session/whoamiQueries.ts'
import { errorMessage } from '../../../lib/http.ts'
import { checkSubdomain, validateCredentials } from '../../../entities/deployment/deploymentActions.ts'
import {
  STEP_TITLES,
  SUBDOMAIN,
  WIZARD_STEPS,
  applyDraftPatch,
  normaliseSubdomain,
  tokenVerdictText,
  validateStep,
  type ObjectStorageKeys,
  type StepErrors,
  type WizardDraft,
  type WizardStep,
} from './wizardModel.ts'
import { loadDraft, saveDraft } from './wizardDraftStore.ts'
import { OrganisationStep } from './OrganisationStep.tsx'
import { DomainStep } from './DomainStep.tsx'
import { TopologyStep } from './TopologyStep.tsx'
import { CredentialsStep, type TokenState } from './CredentialsStep.tsx'
import { ReviewStep } from './ReviewStep.tsx'
import { InFlightNotice } from './InFlightNotice.tsx'
import { useQueryCacheProbe } from '../useQueryCacheProbe.ts'
import styles from './WizardScreen.module.css'

export { WIZARD_DRAFT_KEY } from './wizardDraftStore.ts'

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
  const mayLaunch = useCan('deployment.launch')
  const [draft, setDraft] = useState<WizardDraft>(loadDraft)
  const [showErrors, setShowErrors] = useState(false)
  const stepHeading = useRef<HTMLHeadingElement>(null)
  const [focusStep, setFocusStep] = useState(false)

  // The provider token: held in memory for the one launch request, never rendered, never stored.
  const tokenRef = useRef('')
  const objectStorageRef = useRef<ObjectStorageKeys>({ accessKey: '', secretKey: '' })
  const [keysHeld, setKeysHeld] = useState(false)
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

  // Only "this FQDN's registrar credentials were accepted": the registrar token itself is never kept.
  const [registrarValidatedFor, setRegistrarValidatedFor] = useState<string | undefined>()
  const ctx = {
    email,
    subdomainCheck,
    tokenValidated: tokenState.kind === 'valid',
    registrarValidatedFor,
  }
  const step = draft.step
  const stepIndex = WIZARD_STEPS.indexOf(step)
  const errors: StepErrors = validateStep(step, draft, ctx)
  const visibleErrors: StepErrors = showErrors ? errors : {}

  const update = (patch: Partial<WizardDraft>) => setDraft((d) => applyDraftPatch(d, patch))
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
      objectStorageRef.current = { accessKey: '', secretKey: '' }
    },
    [],
  )

  return (
    <>
      <PageHeader title="New deployment" description="Provision a new Sovereign in a few steps." />
      <InFlightNotice email={email} />
      {/* Said before the five steps, not only at Launch: the draft can still be filled in and kept. */}
      <PermissionNote reason={mayLaunch.reason} />
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
              byoOk={!errors.byoDomain}
              registrarValidatedFor={registrarValidatedFor}
              onRegistrarValidated={setRegistrarValidatedFor}
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
              objectStorageRef={objectStorageRef}
              keysHeld={keysHeld}
              onKeysHeld={setKeysHeld}
            />
          ) : (
            <ReviewStep
              draft={draft}
              email={email}
              errors={errors}
              tokenValid={tokenState.kind === 'valid'}
              goTo={goTo}
              tokenRef={tokenRef}
              objectStorageRef={objectStorageRef}
              keysHeld={keysHeld}
              setLaunch={(launch) => setDraft((d) => ({ ...d, launch }))}
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
