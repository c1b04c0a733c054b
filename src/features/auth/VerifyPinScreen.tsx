import { useQueryClient } from '@tanstack/react-query'
import { useNavigate, useRouter, useSearch } from '@tanstack/react-router'
import {
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { whoamiQueryOptions } from '../../lib/api/whoamiQueryOptions.ts'
import { isApiError, isMockBackend, subscribeMockBackend } from '../../lib/http.ts'
import { useMode } from '../../lib/modeContext.tsx'
import { sanitiseNext } from '../../lib/safeNext.ts'
import { verifyPin } from './api/signIn.ts'
import type { VerifySearch } from './loginSearch.ts'
import { cardStyles as styles } from '../../components/CenteredCard.tsx'

const DIGITS = 6

/** `/login/verify`: six paste-friendly boxes, auto-submit on the sixth digit. */
export function VerifyPinScreen() {
  const search = useSearch({ strict: false }) as VerifySearch
  const navigate = useNavigate()
  const router = useRouter()
  const queryClient = useQueryClient()
  const mode = useMode()
  const [digits, setDigits] = useState<string[]>(() => Array(DIGITS).fill(''))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const inputs = useRef<(HTMLInputElement | null)[]>([])
  const mock = useSyncExternalStore(subscribeMockBackend, isMockBackend, () => false)
  const next = sanitiseNext(search.next)

  useEffect(() => {
    if (!search.email || !search.requestId) void navigate({ to: '/login', search: { next }, replace: true })
  }, [search.email, search.requestId, navigate, next])

  const submit = async (code: string) => {
    if (busy || code.length !== DIGITS || !search.email || !search.requestId) return
    setBusy(true)
    setError(undefined)
    try {
      await verifyPin(search.email, code, search.requestId)
      await queryClient.invalidateQueries({ queryKey: whoamiQueryOptions().queryKey })
      const landing = next ?? (mode.mode === 'sovereign' ? '/dashboard' : '/wizard')
      await router.navigate({ href: landing, replace: true })
    } catch (err) {
      if (isApiError(err) && err.status === 401) {
        const left = Number(err.body?.attemptsRemaining ?? 0)
        setError(`Code incorrect. ${left} attempt${left === 1 ? '' : 's'} remaining.`)
        setDigits(Array(DIGITS).fill(''))
        inputs.current[0]?.focus()
      } else if (isApiError(err) && err.status === 410) {
        await navigate({ to: '/login', search: { error: err.code ?? 'pin-expired', next }, replace: true })
      } else {
        setError(isApiError(err) ? err.message : 'Could not verify the code. Try again.')
      }
    } finally {
      setBusy(false)
    }
  }

  const setFrom = (index: number, value: string) => {
    const clean = value.replace(/\D/g, '')
    if (!clean) {
      setDigits((d) => d.map((x, i) => (i === index ? '' : x)))
      return
    }
    const nextDigits = [...digits]
    for (let k = 0; k < clean.length && index + k < DIGITS; k++) nextDigits[index + k] = clean[k]!
    setDigits(nextDigits)
    const focusAt = Math.min(DIGITS - 1, index + clean.length)
    inputs.current[focusAt]?.focus()
    const code = nextDigits.join('')
    if (code.length === DIGITS) void submit(code)
  }

  const onKeyDown = (i: number, e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Backspace' && !digits[i] && i > 0) inputs.current[i - 1]?.focus()
    else if (e.key === 'ArrowLeft' && i > 0) inputs.current[i - 1]?.focus()
    else if (e.key === 'ArrowRight' && i < DIGITS - 1) inputs.current[i + 1]?.focus()
    else if (e.key === 'Enter') void submit(digits.join(''))
  }

  const onPaste = (i: number, e: ClipboardEvent<HTMLInputElement>) => {
    e.preventDefault()
    setFrom(i, e.clipboardData.getData('text'))
  }

  return (
    <div className={styles.page}>
      <main className={styles.card} aria-labelledby="verify-title">
        <h1 id="verify-title" tabIndex={-1} data-page-heading="">
          Enter your code
        </h1>
        <p className="muted">
          We sent a 6-digit code to <strong>{search.email}</strong>. It expires in 10 minutes.
        </p>
        <div role="group" aria-label="6-digit code" className={styles.pin}>
          {digits.map((d, i) => (
            <input
              key={i}
              ref={(el) => {
                inputs.current[i] = el
              }}
              className={`input ${styles.digit}`}
              inputMode="numeric"
              autoComplete={i === 0 ? 'one-time-code' : 'off'}
              aria-label={`Digit ${i + 1} of ${DIGITS}`}
              maxLength={DIGITS}
              value={d}
              disabled={busy}
              autoFocus={i === 0}
              onChange={(e) => setFrom(i, e.target.value)}
              onKeyDown={(e) => onKeyDown(i, e)}
              onPaste={(e) => onPaste(i, e)}
            />
          ))}
        </div>
        {error ? (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        ) : null}
        <div className={styles.row}>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || digits.join('').length !== DIGITS}
            onClick={() => void submit(digits.join(''))}
          >
            {busy ? 'Verifying…' : 'Verify'}
          </button>
          <AppLink to={{ page: 'login', next }}>Didn't get a code? Send a new one</AppLink>
        </div>
        {mock ? (
          <p className={styles.devHint} role="note">
            Mock API: the code is printed in the dev-server terminal, and{' '}
            <code>GET /api/__mock/pin?email={search.email}</code> returns it.
          </p>
        ) : null}
      </main>
    </div>
  )
}
