import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useId, useState, useSyncExternalStore, type FormEvent } from 'react'
import { cardStyles as styles } from '../../components/CenteredCard.tsx'
import authStyles from './Auth.module.css'
import { whoamiQueryOptions } from '../../entities/session/whoamiQueries.ts'
import { isApiError, isMockBackend, subscribeMockBackend } from '../../lib/http.ts'
import { absoluteHref } from '../../lib/links.ts'
import { useMode } from '../../lib/modeContext.tsx'
import { sanitiseNext } from '../../lib/safeNext.ts'
import { issuePin } from '../../entities/session/signIn.ts'
import { landingAfterSignIn } from './landing.ts'
import { loginSearch } from '../../entities/session/loginSearch.ts'
import { MockPinHint } from './MockPinHint.tsx'
import { useCountdown } from './useCountdown.ts'
import { usePageSearch } from '../../lib/routeSearch.ts'

/** Why the user is back on the sign-in page (`?error=`), in words. */
export const LOGIN_ERROR_COPY: Record<string, string> = {
  'pin-expired': 'That code expired. Request a new one.',
  'attempts-exceeded': 'Too many wrong codes. Request a new one.',
  'pin-invalid': 'That code was not valid. Request a new one.',
  flow_changed: 'Sign-in changed: we now send a 6-digit code by email.',
  'session-expired': 'Your session ended. Sign in again to continue.',
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The local instant `sec` seconds from now (the 429 carries a duration, measured on this clock). */
function deadlineIn(sec: number): number {
  return Date.now() + sec * 1000
}

/** `/login`: email → a 6-digit code by email, then the code screen. */
export function LoginScreen() {
  const search = usePageSearch(loginSearch)
  const navigate = useNavigate()
  const mode = useMode()
  const next = sanitiseNext(search.next)
  const [email, setEmail] = useState(search.email ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>(
    search.error ? (LOGIN_ERROR_COPY[search.error] ?? 'Sign-in failed. Try again.') : undefined,
  )
  const [wait, setWait] = useState<{ email: string; until: number; seconds: number } | undefined>()
  const waiting = wait && wait.email === email.trim().toLowerCase() ? wait : undefined
  const waitLeft = useCountdown(waiting?.until)
  const mock = useSyncExternalStore(subscribeMockBackend, isMockBackend, () => false)
  // Who is signed in already (a valid cookie needs no second sign-in). It also tells us, before any submit,
  // whether the API is the development mock — then the page says where the code is.
  const me = useQuery({ ...whoamiQueryOptions(), staleTime: 0 })
  const emailId = useId()
  const hintId = useId()
  const landing = landingAfterSignIn(mode.mode, next)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const address = email.trim()
    if (busy) return
    if (waiting && waitLeft > 0) return
    if (!EMAIL.test(address)) {
      setError('Enter a valid email address.')
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      const res = await issuePin(address)
      await navigate({ to: '/login/verify', search: { email: address, requestId: res.requestId, next } })
    } catch (err) {
      if (isApiError(err) && err.status === 429) {
        const sec = Math.max(1, Math.ceil(Number(err.body?.retryAfterSec ?? 60)) || 60)
        setWait({ email: address.toLowerCase(), until: deadlineIn(sec), seconds: sec })
        setError(undefined)
      } else if (isApiError(err) && err.status === 400) setError('Enter a valid email address.')
      else setError(isApiError(err) ? err.message : 'Could not send a code. Try again.')
    } finally {
      setBusy(false)
    }
  }

  const where = mode.mode === 'sovereign' ? mode.sovereignFQDN : 'Catalyst'
  return (
    <div className={styles.page}>
      <main className={styles.card} aria-labelledby="login-title">
        <h1 id="login-title" tabIndex={-1} data-page-heading="">
          Sign in to {where}
        </h1>
        <p className={authStyles.host}>
          {mode.mode === 'sovereign' ? 'Sovereign console' : 'Mothership console'} ·{' '}
          <span className="mono">{window.location.host}</span>
        </p>
        {me.data ? (
          <div className={authStyles.signedIn} role="status">
            <p>
              You are already signed in as <strong>{me.data.email}</strong>.
            </p>
            <a
              className="btn btn-primary"
              href={absoluteHref(mode.basepath, landing)}
              onClick={(e) => {
                e.preventDefault()
                void navigate({ href: landing, replace: true })
              }}
            >
              Continue
            </a>
          </div>
        ) : null}
        <p className="muted">We email you a 6-digit code. No password.</p>
        {next ? (
          <p className={styles.next}>
            We'll take you to <code>{next}</code> after you sign in.
          </p>
        ) : null}
        <form onSubmit={submit} className={styles.form} noValidate>
          <div className="field">
            <label htmlFor={emailId}>Email</label>
            <input
              id={emailId}
              className="input"
              type="email"
              name="email"
              autoComplete="email"
              required
              value={email}
              aria-invalid={error === 'Enter a valid email address.' || undefined}
              aria-describedby={error || waiting ? hintId : undefined}
              onChange={(e) => setEmail(e.target.value)}
              autoFocus
            />
          </div>
          <div id={hintId}>
            {waiting && waitLeft > 0 ? (
              <p className={styles.error}>
                <span className="sr-only" role="alert">
                  Too many requests. Please wait {waiting.seconds} seconds before requesting another code.
                </span>
                <span aria-hidden="true" data-countdown={waitLeft}>
                  Please wait {waitLeft} {waitLeft === 1 ? 'second' : 'seconds'} before requesting another
                  code.
                </span>
              </p>
            ) : waiting ? (
              <p className="muted" role="status">
                You can request a new code now.
              </p>
            ) : null}
            {error ? (
              <p role="alert" className={styles.error}>
                {error}
              </p>
            ) : null}
          </div>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy}
            aria-disabled={(waiting && waitLeft > 0) || undefined}
          >
            {busy ? 'Sending…' : 'Send code'}
          </button>
        </form>
        {mock ? <MockPinHint email={email.trim()} /> : null}
      </main>
    </div>
  )
}
