import { useEffect, useRef, useState } from 'react'
import { httpUrlOrUndefined } from '../../../lib/links.ts'
import { mintHandoverToken } from '../../../entities/deployment/deploymentActions.ts'
import styles from './OverviewScreen.module.css'

export const HANDOVER_REDIRECT_SECONDS = 5

/**
 * Once a handover link exists: "Open your Sovereign console" at once, and an automatic redirect after 5 s
 * that "Stay on this page" cancels (regression 51). The record's `handoverURL` is re-minted on every read, so
 * it is only ever an href, never a key; following it mints a fresh 5-minute link first (the one on screen may
 * have expired while the operator watched), falling back to the latest known one.
 */
export function HandoverBanner({
  deploymentId,
  fqdn,
  handoverURL,
}: {
  deploymentId: string
  fqdn: string
  /** An http(s) URL (the caller checks it with httpUrlOrUndefined). */
  handoverURL: string
}) {
  const [stayed, setStayed] = useState(false)
  const [secondsLeft, setSecondsLeft] = useState(HANDOVER_REDIRECT_SECONDS)
  const [leaving, setLeaving] = useState(false)
  const latest = useRef(handoverURL)
  useEffect(() => {
    latest.current = handoverURL
  }, [handoverURL])

  const go = useRef(async () => {
    setLeaving(true)
    let target = latest.current
    try {
      // A minted link that is not http(s) is ignored like a failed mint (never followed).
      target = httpUrlOrUndefined((await mintHandoverToken(deploymentId)).redirectURL) ?? target
    } catch {
      // Not fatal: the link from the record or the stream is at most a few minutes old.
    }
    window.location.assign(target)
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

  return (
    <section className={styles.handover} aria-labelledby="handover-title">
      <div>
        <h2 id="handover-title" className={styles.handoverTitle}>
          {fqdn} is ready
        </h2>
        <p className={styles.handoverText}>
          The Sovereign runs on its own now. Sign in to its console to take it over.
        </p>
        <p className={styles.handoverCountdown} aria-live="polite">
          {leaving
            ? 'Opening the Sovereign console…'
            : stayed
              ? 'Automatic redirect cancelled.'
              : `Redirecting in ${Math.max(0, secondsLeft)} s…`}
        </p>
      </div>
      <div className={styles.handoverActions}>
        <a
          className="btn btn-primary"
          href={handoverURL}
          onClick={(e) => {
            e.preventDefault()
            void go.current()
          }}
        >
          Open your Sovereign console
        </a>
        {!stayed && !leaving ? (
          <button type="button" className="btn" onClick={() => setStayed(true)}>
            Stay on this page
          </button>
        ) : null}
      </div>
    </section>
  )
}
