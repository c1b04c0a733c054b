import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate, useRouter } from '@tanstack/react-router'
import {
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { cardStyles as styles } from '../../components/CenteredCard.tsx'
import { whoamiQueryOptions } from '../../entities/session/whoamiQueries.ts'
import { isApiError, isMockBackend, subscribeMockBackend } from '../../lib/http.ts'
import { useMode } from '../../lib/modeContext.tsx'
import { sanitiseNext } from '../../lib/safeNext.ts'
import { verifyPin } from '../../entities/session/signIn.ts'
import authStyles from './Auth.module.css'
import { landingAfterSignIn } from './landing.ts'
import { verifySearch } from '../../entities/session/loginSearch.ts'
import { MockPinHint } from './MockPinHint.tsx'
import { usePageSearch } from '../../lib/routeSearch.ts'

export const PIN_DIGITS = 6

/**
 * Puts `text`'s digits into the boxes from `index` on. A whole code (6+ digits, e.g. pasted or filled by
 * the OS's one-time-code autofill) always fills from the first box.
 */
export function fillDigits(current: readonly string[], index: number, text: string): string[] {
  const clean = text.replace(/\D/g, '')
  const out = [...current]
  const from = clean.length >= PIN_DIGITS ? 0 : index
  for (let k = 0; k < clean.length && from + k < PIN_DIGITS; k++) out[from + k] = clean[k]!
  return out
}

/** `/login/verify`: six paste-friendly boxes, auto-submit on the sixth digit, keyboard-only friendly. */
export function VerifyPinScreen() {
  const search = usePageSearch(verifySearch)
  const navigate = useNavigate()
  const router = useRouter()
  const queryClient = useQueryClient()
  const mode = useMode()
  const [digits, setDigits] = useState<string[]>(() => Array<string>(PIN_DIGITS).fill(''))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const inputs = useRef<(HTMLInputElement | null)[]>([])
  const mock = useSyncExternalStore(subscribeMockBackend, isMockBackend, () => false)
  // Any API answer tells whether this is the development mock (opened directly, this page made no call yet).
  useQuery(whoamiQueryOptions())
  const next = sanitiseNext(search.next)
  const instructionsId = useId()
  const errorId = useId()

  useEffect(() => {
    if (!search.email || !search.requestId) void navigate({ to: '/login', search: { next }, replace: true })
  }, [search.email, search.requestId, navigate, next])

  const focusBox = (i: number) => {
    const el = inputs.current[Math.max(0, Math.min(PIN_DIGITS - 1, i))]
    el?.focus()
    el?.select()
  }

  const submit = async (code: string) => {
    if (busy || !/^\d{6}$/.test(code) || !search.email || !search.requestId) return
    setBusy(true)
    setError(undefined)
    let failed = true
    try {
      await verifyPin(search.email, code, search.requestId)
      failed = false
      // A new session starts with an empty cache: nothing fetched for a previous (expired) user survives.
      queryClient.clear()
      await router.navigate({ href: landingAfterSignIn(mode.mode, next), replace: true })
    } catch (err) {
      if (isApiError(err) && err.status === 401) {
        const left = Number(err.body?.attemptsRemaining)
        setError(
          Number.isFinite(left)
            ? `Code incorrect. ${left} ${left === 1 ? 'attempt' : 'attempts'} remaining.`
            : 'Code incorrect.',
        )
        setDigits(Array<string>(PIN_DIGITS).fill(''))
      } else if (isApiError(err) && err.status === 410) {
        await navigate({
          to: '/login',
          search: { error: err.code ?? 'pin-expired', next, email: search.email },
          replace: true,
        })
        return
      } else if (isApiError(err) && err.status === 400) {
        setError('Enter the 6 digits from the email.')
      } else {
        setError(isApiError(err) ? err.message : 'Could not verify the code. Try again.')
      }
    } finally {
      setBusy(false)
    }
    if (failed) requestAnimationFrame(() => focusBox(0))
  }

  const setFrom = (index: number, text: string) => {
    const clean = text.replace(/\D/g, '')
    if (!clean) {
      setDigits((d) => d.map((x, i) => (i === index ? '' : x)))
      return
    }
    const filled = fillDigits(digits, index, clean)
    setDigits(filled)
    const end = clean.length >= PIN_DIGITS ? PIN_DIGITS - 1 : index + clean.length
    focusBox(end)
    const code = filled.join('')
    if (code.length === PIN_DIGITS) void submit(code)
  }

  const onKeyDown = (i: number, e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Backspace' && !digits[i] && i > 0) {
      e.preventDefault()
      setDigits((d) => d.map((x, k) => (k === i - 1 ? '' : x)))
      focusBox(i - 1)
    } else if (e.key === 'ArrowLeft' && i > 0) {
      e.preventDefault()
      focusBox(i - 1)
    } else if (e.key === 'ArrowRight' && i < PIN_DIGITS - 1) {
      e.preventDefault()
      focusBox(i + 1)
    } else if (e.key === 'Home') {
      e.preventDefault()
      focusBox(0)
    } else if (e.key === 'End') {
      e.preventDefault()
      focusBox(PIN_DIGITS - 1)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const code = digits.join('')
      if (code.length === PIN_DIGITS) void submit(code)
      else setError(`Enter all ${PIN_DIGITS} digits.`)
    }
  }

  const onPaste = (i: number, e: ClipboardEvent<HTMLInputElement>) => {
    e.preventDefault()
    setFrom(i, e.clipboardData.getData('text'))
  }

  const complete = digits.join('').length === PIN_DIGITS
  return (
    <div className={styles.page}>
      <main className={styles.card} aria-labelledby="verify-title">
        <h1 id="verify-title" tabIndex={-1} data-page-heading="">
          Enter your code
        </h1>
        <p className="muted" id={instructionsId}>
          We sent a 6-digit code to <strong>{search.email}</strong>. It expires in 10 minutes. You can paste
          it into the first box.
        </p>
        <div
          role="group"
          aria-label="6-digit code"
          aria-describedby={error ? `${instructionsId} ${errorId}` : instructionsId}
          className={styles.pin}
        >
          {digits.map((d, i) => (
            <input
              key={i}
              ref={(el) => {
                inputs.current[i] = el
              }}
              className={`input ${styles.digit}`}
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete={i === 0 ? 'one-time-code' : 'off'}
              aria-label={`Digit ${i + 1} of ${PIN_DIGITS}`}
              aria-invalid={error ? true : undefined}
              maxLength={PIN_DIGITS}
              value={d}
              readOnly={busy}
              autoFocus={i === 0}
              onFocus={(e) => e.currentTarget.select()}
              onChange={(e) => setFrom(i, e.target.value)}
              onKeyDown={(e) => onKeyDown(i, e)}
              onPaste={(e) => onPaste(i, e)}
            />
          ))}
        </div>
        {error ? (
          <p role="alert" id={errorId} className={styles.error}>
            {error}
          </p>
        ) : null}
        <div className={styles.row}>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            aria-disabled={!complete || undefined}
            onClick={() =>
              complete ? void submit(digits.join('')) : setError(`Enter all ${PIN_DIGITS} digits.`)
            }
          >
            {busy ? 'Verifying…' : 'Verify'}
          </button>
        </div>
        <div className={authStyles.links}>
          <AppLink to={{ page: 'login', next, email: search.email }}>
            Didn't get a code? Send a new one
          </AppLink>
          <AppLink to={{ page: 'login', next }}>Use a different email</AppLink>
        </div>
        {mock ? <MockPinHint email={search.email ?? ''} /> : null}
      </main>
    </div>
  )
}
