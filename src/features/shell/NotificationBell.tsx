import { lazy, Suspense, useSyncExternalStore } from 'react'
import {
  notificationsSnapshot,
  subscribeNotifications,
  unreadCount,
  type AppNotification,
} from '../../lib/notifications.ts'
import { useDeferredPopup } from '../../lib/useIdle.ts'
import styles from './NotificationBell.module.css'

// Radix Dialog and the panel load after the first paint: they are not part of any route's first load.
const NotificationPanel = lazy(() =>
  import('./NotificationPanel.tsx').then((m) => ({ default: m.NotificationPanel })),
)

const emptyList: readonly AppNotification[] = []

/**
 * Bell with the unread count. Its panel (NotificationPanel) is loaded when the browser is idle; until then
 * a stand-in button with the same name and face is shown, and a click on it opens the panel on arrival.
 */
export function NotificationBell() {
  const items = useSyncExternalStore(subscribeNotifications, notificationsSnapshot, () => emptyList)
  const deferred = useDeferredPopup()
  const unread = unreadCount(items)
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'
  const face = (
    <>
      <svg
        aria-hidden="true"
        width="18"
        height="18"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span className={styles.count} aria-hidden="true" data-count={unread}>
          {unread > 9 ? '9+' : String(unread)}
        </span>
      ) : null}
    </>
  )
  const standIn = (
    <button
      type="button"
      className={`btn btn-ghost btn-icon ${styles.bell}`}
      aria-label={label}
      aria-haspopup="dialog"
      aria-expanded={false}
      {...deferred.trigger}
    >
      {face}
    </button>
  )
  if (!deferred.load) return standIn
  return (
    <Suspense fallback={standIn}>
      <NotificationPanel items={items} label={label} popup={deferred.popup}>
        {face}
      </NotificationPanel>
    </Suspense>
  )
}
