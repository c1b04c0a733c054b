import type { ReactNode } from 'react'
import { errorMessage } from '../lib/http.ts'
import styles from './States.module.css'

/** Shown when a list has nothing to show: why, and what to do next. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string
  children?: ReactNode
  action?: ReactNode
}) {
  return (
    <div className={styles.box} role="status">
      <h2 className={styles.title}>{title}</h2>
      {children ? <div className={styles.body}>{children}</div> : null}
      {action ? <div className={styles.action}>{action}</div> : null}
    </div>
  )
}

/** A readable error with a retry button — never a blank screen. */
export function ErrorState({
  error,
  title = 'Something went wrong',
  onRetry,
}: {
  error: unknown
  title?: string
  onRetry?: () => void
}) {
  return (
    <div className={`${styles.box} ${styles.error}`} role="alert">
      <h2 className={styles.title}>{title}</h2>
      <p className={styles.body}>{errorMessage(error)}</p>
      {onRetry ? (
        <div className={styles.action}>
          <button type="button" className="btn" onClick={onRetry}>
            Retry
          </button>
        </div>
      ) : null}
    </div>
  )
}

/** Placeholder blocks while data loads; `label` is announced once. */
export function Skeleton({ rows = 5, label = 'Loading…' }: { rows?: number; label?: string }) {
  return (
    <div className={styles.skeleton} role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div
          key={i}
          className={styles.bar}
          style={{ width: `${92 - ((i * 17) % 35)}%` }}
          aria-hidden="true"
        />
      ))}
    </div>
  )
}
