import { useEffect, useRef, useState } from 'react'
import { mintErrorText, mintHandoverLink } from '../entities/deployment/mintHandoverLink.ts'
import { markHandoverPrompted, wasHandoverPrompted } from '../lib/handoverPrompted.ts'
import { isApiError } from '../lib/http.ts'
import { sovereignConsoleUrl } from '../lib/links.ts'
import styles from './HandoverBanner.module.css'

export const HANDOVER_REDIRECT_SECONDS = 5

/**
 * Once a handover is on offer: "Open your Sovereign console" at once, and an automatic redirect after 5 s
 * that "Stay on this page" cancels (regression 51). The redirect is offered once per deployment in a tab,
 * wherever the operator first sees it (overview, Apps, Jobs): afterwards the overview keeps the button
 * without a countdown (`afterPrompt="button"`) and the other pages show nothing (`afterPrompt="hide"`).
 * The link signs its holder in as the Sovereign's owner, so none is kept before the operator acts: the
 * button (or the redirect firing) mints one, follows it only when it is this deployment's own console
 * (`checkHandoverLink`), and otherwise says why in words with Retry — or, when the customer has already
 * adopted the Sovereign (409 `already-adopted`), with its console's own sign-in instead (no token). Render
 * it inside `<OnlyIn surface="handover">`.
 */
export function HandoverBanner({
  deploymentId,
  fqdn,
  afterPrompt,
}: {
  deploymentId: string
  fqdn: string
  afterPrompt: 'button' | 'hide'
}) {
  // Decided once when the banner appears: a later mark (by this very banner) must not hide it.
  const [firstPrompt] = useState(() => !wasHandoverPrompted(deploymentId))
  const [stayed, setStayed] = useState(!firstPrompt)
  const [secondsLeft, setSecondsLeft] = useState(HANDOVER_REDIRECT_SECONDS)
  const [leaving, setLeaving] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const [adopted, setAdopted] = useState(false)
  const adoptedLink = useRef<HTMLAnchorElement>(null)
  // The button the operator pressed turns into this link: keep the keyboard focus on the way on.
  useEffect(() => {
    if (adopted) adoptedLink.current?.focus()
  }, [adopted])
  useEffect(() => {
    if (firstPrompt) markHandoverPrompted(deploymentId)
  }, [firstPrompt, deploymentId])

  const target = useRef({ deploymentId, fqdn })
  useEffect(() => {
    target.current = { deploymentId, fqdn }
  }, [deploymentId, fqdn])
  const busy = useRef(false)
  const go = useRef(async () => {
    if (busy.current) return
    busy.current = true
    setLeaving(true)
    setError(undefined)
    try {
      const link = await mintHandoverLink(target.current.deploymentId, target.current.fqdn)
      if (link.ok) {
        window.location.assign(link.url)
        return
      }
      setError(link.reason)
    } catch (e) {
      setError(mintErrorText(e))
      setAdopted(isApiError(e) && e.status === 409 && e.code === 'already-adopted')
    }
    busy.current = false
    setLeaving(false)
    setStayed(true)
  })

  useEffect(() => {
    if (stayed) return
    let left = HANDOVER_REDIRECT_SECONDS
    const timer = setInterval(() => {
      left -= 1
      setSecondsLeft(left)
      if (left <= 0) {
        clearInterval(timer)
        void go.current()
      }
    }, 1000)
    return () => clearInterval(timer)
  }, [stayed])

  if (!firstPrompt && afterPrompt === 'hide') return null
  const consoleUrl = adopted ? sovereignConsoleUrl(fqdn, window.location) : ''
  return (
    <section className={styles.handover} aria-labelledby="handover-title">
      <div>
        <h2 id="handover-title" className={styles.handoverTitle}>
          {fqdn} is ready
        </h2>
        <p className={styles.handoverText}>
          The Sovereign runs on its own now. Sign in to its console to take it over.
        </p>
        {error ? (
          <p className={styles.handoverError} role="alert">
            {error}
          </p>
        ) : (
          <p className={styles.handoverCountdown} aria-live="polite">
            {leaving
              ? 'Opening the Sovereign console…'
              : !firstPrompt
                ? 'The automatic redirect was offered earlier in this tab.'
                : stayed
                  ? 'Automatic redirect cancelled.'
                  : `Redirecting in ${Math.max(0, secondsLeft)} s…`}
          </p>
        )}
      </div>
      <div className={styles.handoverActions}>
        {adopted && consoleUrl ? (
          <a ref={adoptedLink} className="btn btn-primary" href={consoleUrl}>
            Sign in to {fqdn}
          </a>
        ) : (
          // aria-disabled, not disabled, while minting: a disabled button would drop the keyboard focus.
          <button
            type="button"
            className="btn btn-primary"
            aria-disabled={leaving || undefined}
            aria-busy={leaving || undefined}
            onClick={() => void go.current()}
          >
            {error ? 'Retry' : 'Open your Sovereign console'}
          </button>
        )}
        {!stayed && !leaving ? (
          <button type="button" className="btn" onClick={() => setStayed(true)}>
            Stay on this page
          </button>
        ) : null}
      </div>
    </section>
  )
}
