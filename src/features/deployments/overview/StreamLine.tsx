/**
 * The one-line state of the deployment's live log stream (live, reconnecting, closed, complete) on the
 * overview. Moved out of OverviewScreen.tsx to keep that file small; it shares the screen's CSS module.
 */
import type { DeploymentLogView } from './useDeploymentLog.ts'
import styles from './OverviewScreen.module.css'

export function StreamLine({
  live,
  inFlight,
  status,
}: {
  live: DeploymentLogView
  inFlight: boolean
  status: string
}) {
  const s = live.stream
  let text: string
  let tone: 'ok' | 'warn' | 'idle'
  if (live.finished) {
    text = `Log complete (${live.log.total} events).`
    tone = 'idle'
  } else if (s.state === 'open') {
    text = `Live — ${live.log.total} events.`
    tone = 'ok'
  } else if (s.state === 'reconnecting') {
    text = `Reconnecting to the live log${s.attempt > 1 ? ` (attempt ${s.attempt})` : ''}… ${
      inFlight
        ? `The deployment is still running (${status === 'phase1-watching' ? 'installing' : status}); nothing is lost.`
        : 'Nothing is lost.'
    }`
    tone = 'warn'
  } else if (s.state === 'closed') {
    text = 'Live log closed.'
    tone = 'idle'
  } else {
    text = 'Connecting to the live log…'
    tone = 'idle'
  }
  return (
    <div className={`${styles.stream} ${styles[`stream-${tone}`]}`} role="status" aria-label="Live log">
      <span className={styles.streamDot} aria-hidden="true" />
      <span>{text}</span>
      {s.state === 'reconnecting' && !live.finished ? (
        <button type="button" className="btn btn-sm" onClick={live.reconnect}>
          Retry now
        </button>
      ) : null}
    </div>
  )
}
