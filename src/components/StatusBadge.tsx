import styles from './StatusBadge.module.css'

export type StatusTone = 'succeeded' | 'running' | 'failed' | 'pending' | 'degraded' | 'unknown'

/** Every status word the API uses, mapped to one of six tones (one table, no ad-hoc mapping). */
const TONES: Record<string, StatusTone> = {
  succeeded: 'succeeded',
  ready: 'succeeded',
  installed: 'succeeded',
  healthy: 'succeeded',
  adopted: 'succeeded',
  available: 'pending',
  running: 'running',
  installing: 'running',
  provisioning: 'running',
  'tofu-applying': 'running',
  'flux-bootstrapping': 'running',
  'phase1-watching': 'running',
  wiping: 'running',
  failed: 'failed',
  failing: 'failed',
  'partial-failure': 'failed',
  pending: 'pending',
  wiped: 'unknown',
  degraded: 'degraded',
  unknown: 'unknown',
}

export function statusTone(status: string): StatusTone {
  return TONES[status] ?? 'unknown'
}

const LABELS: Record<string, string> = {
  'phase1-watching': 'Installing',
  'tofu-applying': 'Applying',
  'flux-bootstrapping': 'Bootstrapping',
  'partial-failure': 'Partial failure',
}

export function statusLabel(status: string): string {
  return LABELS[status] ?? status.charAt(0).toUpperCase() + status.slice(1).replace(/-/g, ' ')
}

/** A coloured pill with a text label (never colour alone); a spinner while running. */
export function StatusBadge({
  status,
  label,
  size = 'md',
}: {
  status: string
  label?: string
  size?: 'sm' | 'md'
}) {
  const tone = statusTone(status)
  return (
    <span
      className={`${styles.badge} ${styles[tone]} ${size === 'sm' ? styles.sm : ''}`}
      data-status={status}
    >
      {tone === 'running' ? (
        <span className={styles.spinner} aria-hidden="true" />
      ) : (
        <span className={styles.dot} aria-hidden="true" />
      )}
      {label ?? statusLabel(status)}
    </span>
  )
}
