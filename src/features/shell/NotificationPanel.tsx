import * as RadixDialog from '@radix-ui/react-dialog'
import { Link } from '@tanstack/react-router'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { splitHref } from '../../lib/links.ts'
import { RelativeTime } from '../../components/RelativeTime.tsx'
import {
  clearNotifications,
  dismissNotification,
  markNotificationsRead,
  type AppNotification,
  type NotificationLevel,
} from '../../lib/notifications.ts'
import { useTakeFocus, type DeferredPopup } from '../../lib/useIdle.ts'
import styles from './NotificationBell.module.css'

const LEVEL_LABEL: Record<NotificationLevel, string> = {
  error: 'Error',
  warn: 'Warning',
  success: 'Success',
  info: 'Info',
}

type Filter = 'all' | NotificationLevel
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'error', label: 'Errors' },
  { value: 'warn', label: 'Warnings' },
  { value: 'success', label: 'Successes' },
  { value: 'info', label: 'Info' },
]

export interface NotificationPanelProps {
  items: readonly AppNotification[]
  /** The bell's accessible name (with the unread count). */
  label: string
  /** The bell's face: icon and unread badge. */
  children: ReactNode
  popup: DeferredPopup['popup']
}

/**
 * The bell's real trigger and its non-modal panel of recent notifications: severity filter, dismiss one,
 * clear all. Escape or a click outside closes it; opening it marks everything read. Loaded after the first
 * paint (NotificationBell renders a stand-in until then).
 */
export function NotificationPanel({ items, label, children, popup }: NotificationPanelProps) {
  const [open, setOpen] = useState(popup.defaultOpen)
  const [filter, setFilter] = useState<Filter>('all')
  const shown = filter === 'all' ? items : items.filter((n) => n.level === filter)
  const trigger = useRef<HTMLButtonElement>(null)
  useTakeFocus(popup, trigger)
  // Opened from the stand-in: everything is read now, as when the real trigger opens it.
  const openedAtMount = popup.defaultOpen
  useEffect(() => {
    if (openedAtMount) markNotificationsRead()
  }, [openedAtMount])

  const onOpenChange = (next: boolean) => {
    setOpen(next)
    if (next) markNotificationsRead()
  }

  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange} modal={false}>
      <RadixDialog.Trigger
        ref={trigger}
        className={`btn btn-ghost btn-icon ${styles.bell}`}
        aria-label={label}
      >
        {children}
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Content className={styles.panel} aria-describedby={undefined}>
          <div className={styles.head}>
            <RadixDialog.Title className={styles.title}>Notifications</RadixDialog.Title>
            <RadixDialog.Close className="btn btn-ghost btn-icon" aria-label="Close notifications">
              ✕
            </RadixDialog.Close>
          </div>
          <div className={styles.filters} role="group" aria-label="Show severity">
            {FILTERS.map((f) => {
              const count = f.value === 'all' ? items.length : items.filter((n) => n.level === f.value).length
              return (
                <button
                  key={f.value}
                  type="button"
                  className={`btn btn-sm ${filter === f.value ? styles.filterOn : 'btn-ghost'}`}
                  aria-pressed={filter === f.value}
                  onClick={() => setFilter(f.value)}
                >
                  {f.label} ({count})
                </button>
              )
            })}
          </div>
          {shown.length === 0 ? (
            <p className={styles.empty}>
              {items.length === 0 ? 'No notifications.' : 'No notifications of this severity.'}
            </p>
          ) : (
            <ul className={styles.list} aria-label="Recent notifications">
              {shown.map((n) => (
                <li key={n.id} className={styles.item} data-level={n.level}>
                  <div className={styles.itemHead}>
                    <span className={styles.level} data-level={n.level}>
                      {LEVEL_LABEL[n.level]}
                    </span>
                    <span className={styles.itemTitle}>{n.title}</span>
                    <button
                      type="button"
                      className={`btn btn-ghost btn-sm ${styles.dismiss}`}
                      aria-label={`Dismiss: ${n.title}`}
                      onClick={() => dismissNotification(n.id)}
                    >
                      ✕
                    </button>
                  </div>
                  {n.body ? <p className={styles.body}>{n.body}</p> : null}
                  <div className={styles.meta}>
                    <RelativeTime value={n.updatedAt ?? n.createdAt} />
                    {n.href ? (
                      <Link {...splitHref(n.href)} onClick={() => setOpen(false)}>
                        {n.hrefLabel ?? 'Open'}
                      </Link>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <div className={styles.foot}>
            <AppLink to={{ page: 'notifications' }} className="btn btn-sm" onClick={() => setOpen(false)}>
              All notifications
            </AppLink>
            <button
              type="button"
              className="btn btn-sm"
              disabled={items.length === 0}
              onClick={() => clearNotifications()}
            >
              Clear all
            </button>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}
