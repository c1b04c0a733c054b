import { useState, useSyncExternalStore } from 'react'
import { isInFlightStatus } from '../contracts/deployments.ts'
import { isRunWatched, subscribeRunWatches, unwatchRun, watchRun } from '../lib/runWatches.ts'

const BELL_UNSUPPORTED =
  'This browser cannot show notifications: the bell in the header will tell you when this run finishes or fails.'
const BELL_DENIED =
  'Browser notifications are blocked for this site: the bell in the header will tell you when this run finishes or fails.'

/**
 * "Notify me when this run finishes" (a toggle) on an in-flight deployment; nothing on a settled one. The
 * browser's permission is asked for only on this click, never on load. Without notifications (unsupported
 * or denied) the opt-in still holds and the shell's watcher raises an in-app bell notice instead.
 */
export function NotifyRunButton({ deploymentId, status }: { deploymentId: string; status: string }) {
  const watched = useSyncExternalStore(subscribeRunWatches, () => isRunWatched(deploymentId))
  const [note, setNote] = useState<string | undefined>()
  if (!isInFlightStatus(status)) return null

  const toggle = async () => {
    if (watched) {
      unwatchRun(deploymentId)
      setNote(undefined)
      return
    }
    if (typeof Notification === 'undefined') {
      watchRun(deploymentId)
      setNote(BELL_UNSUPPORTED)
      return
    }
    let permission = Notification.permission
    if (permission === 'default') {
      try {
        permission = await Notification.requestPermission()
      } catch {
        permission = 'denied'
      }
    }
    watchRun(deploymentId)
    setNote(permission === 'granted' ? undefined : BELL_DENIED)
  }

  return (
    <>
      <button type="button" className="btn" aria-pressed={watched} onClick={() => void toggle()}>
        Notify me when this run finishes
      </button>
      {note ? (
        <p role="status" className="muted">
          {note}
        </p>
      ) : null}
    </>
  )
}
