import { useNavigate, useSearch } from '@tanstack/react-router'
import { useId, useState, useSyncExternalStore, type FormEvent } from 'react'
import { isApiError, isMockBackend, subscribeMockBackend } from '../../lib/http.ts'
import { sanitiseNext } from '../../lib/safeNext.ts'
import { useMode } from '../../lib/modeContext.tsx'
import { serverNow } from '../../lib/serverClock.ts'
import { useNow } from '../../lib/useNow.ts'
import { issuePin } from './api/signIn.ts'
import type { LoginSearch } from './loginSearch.ts'
import { cardStyles as styles } from '../../components/CenteredCard.tsx'

const ERROR_COPY: Record<string, string> = {
  'pin-expired': 'That code expired. Request a new one.',
  'attempts-exceeded': 'Too many wrong codes. Request a new one.',
  flow_changed: 'Sign-in changed: we now send a 6-digit code by email.',
  'session-expired': 'Your session ended. Sign in again to continue.',
}

/** `/login`: email → PIN issue, then the code screen. */
export function LoginScreen() {
  const search = useSearch({ strict: false }) as LoginSearch
  const navigate = useNavigate()
  const mode = useMode()
  const next = sanitiseNext(search.next)
  const [email, setEmail] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>(
    search.error ? (ERROR_COPY[search.error] ?? 'Sign-in failed. Try again.') : undefined,
  )
  const [waitUntil, setWaitUntil] = useState<number | undefined>()
  const mock = useSyncExternalStore(subscribeMockBackend, isMockBackend, () => false)
  const emailId = useId()
  const now = useNow(1000)
  const waitSec = waitUntil ? Math.max(0, Math.ceil((waitUntil - now) / 1000)) : 0

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy || waitSec > 0) return
    setBusy(true)
    setError(undefined)
    try {
      const res = await issuePin(email.trim())
      await navigate({ to: '/login/verify', search: { email: email.trim(), requestId: res.requestId, next } })
    } catch (err) {
      if (isApiError(err) && err.status === 429) {
        const sec = Number(err.body?.retryAfterSec ?? 60)
        setWaitUntil(serverNow() + sec * 1000)
        setError(`Please wait ${sec} seconds before requesting another code.`)
      } else if (isApiError(err) && err.status === 400) setError('Enter a valid email address.')
      else setError(isApiError(err) ? err.message : 'Could not send a code. Try again.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className={styles.page}>
      <main className={styles.card} aria-labelledby="login-title">
        <h1 id="login-title" tabIndex={-1} data-page-heading="">
          Sign in to {mode.mode === 'sovereign' ? mode.sovereignFQDN : 'Catalyst'}
        </h1>
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
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoFocus
            />
          </div>
          {error ? (
            <p role="alert" className={styles.error}>
              {waitSec > 0 ? `Please wait ${waitSec} seconds before requesting another code.` : error}
            </p>
          ) : null}
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || waitSec > 0 || email.trim() === ''}
          >
            {busy ? 'Sending…' : 'Send code'}
          </button>
        </form>
        {mock ? (
          <p className={styles.devHint} role="note">
            Mock API: the code is printed in the dev-server terminal, and{' '}
            <code>GET /api/__mock/pin?email=&lt;email&gt;</code> returns it.
          </p>
        ) : null}
      </main>
    </div>
  )
}
