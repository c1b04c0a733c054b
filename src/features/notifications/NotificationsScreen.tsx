import { Link, useNavigate } from '@tanstack/react-router'
import { useCallback, useId, useMemo, useSyncExternalStore } from 'react'
import { splitHref } from '../../lib/links.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { RelativeTime } from '../../components/RelativeTime.tsx'
import { EmptyState } from '../../components/States.tsx'
import { useLinks } from '../../lib/modeContext.tsx'
import {
  dismissNotification,
  markNotificationRead,
  markNotificationsRead,
  notificationsSnapshot,
  subscribeNotifications,
  unreadCount,
  type AppNotification,
  type NotificationLevel,
} from '../../lib/notifications.ts'
import { filterNotifications, NO_DEPLOYMENT, notificationDeployments } from './notificationFilters.ts'
import {
  notificationsSearch,
  type NotificationsSearch,
} from '../../entities/notification/notificationsSearch.ts'
import styles from './NotificationsScreen.module.css'
import { usePageSearch } from '../../lib/routeSearch.ts'

const LEVELS: { value: NotificationLevel; label: string }[] = [
  { value: 'error', label: 'Errors' },
  { value: 'warn', label: 'Warnings' },
  { value: 'success', label: 'Successes' },
  { value: 'info', label: 'Info' },
]
const LEVEL_LABEL: Record<NotificationLevel, string> = {
  error: 'Error',
  warn: 'Warning',
  success: 'Success',
  info: 'Info',
}
const emptyList: readonly AppNotification[] = []

/**
 * `/notifications` in both consoles: everything the bell holds, filterable by severity, deployment and
 * unread (all in the URL), each with a link to what it is about, marked read one by one or all at once.
 * Opening this page does not mark anything read (the bell's panel does): reading here is deliberate.
 */
export function NotificationsScreen() {
  const items = useSyncExternalStore(subscribeNotifications, notificationsSnapshot, () => emptyList)
  const search = usePageSearch(notificationsSearch)
  const navigate = useNavigate()
  const links = useLinks()
  const levelId = useId()
  const deploymentId = useId()

  const setSearch = useCallback(
    (patch: Partial<NotificationsSearch>) => {
      const next = { ...search, ...patch }
      const href = links.to({
        page: 'notifications',
        search: { level: next.level, deployment: next.deployment, unread: next.unread ? '1' : undefined },
      })
      const { to, search: s } = splitHref(href)
      void navigate({ to, search: s, replace: true })
    },
    [search, links, navigate],
  )

  const clearFilters = () => setSearch({ level: undefined, deployment: undefined, unread: undefined })
  const deployments = useMemo(() => notificationDeployments(items), [items])
  const shown = useMemo(() => filterNotifications(items, search), [items, search])
  const unread = unreadCount(items)
  const filtered = !!(search.level || search.deployment || search.unread)
  // A deployment in the URL that no notice is about any more still shows as a choice (so the filter reads true).
  const deploymentChoices =
    search.deployment &&
    search.deployment !== NO_DEPLOYMENT &&
    !deployments.some((d) => d.id === search.deployment)
      ? [...deployments, { id: search.deployment, label: search.deployment, count: 0 }]
      : deployments

  return (
    <>
      <PageHeader
        title="Notifications"
        description={`${items.length} in this tab, ${unread} unread.`}
        actions={
          <button
            type="button"
            className="btn btn-sm"
            disabled={unread === 0}
            onClick={() => markNotificationsRead()}
          >
            Mark all as read
          </button>
        }
      />
      <div role="search" className={styles.filters} aria-label="Filter notifications">
        <div className="field">
          <label htmlFor={levelId}>Severity</label>
          <select
            id={levelId}
            className="input"
            value={search.level ?? ''}
            onChange={(e) => setSearch({ level: (e.currentTarget.value || undefined) as NotificationLevel })}
          >
            <option value="">All severities</option>
            {LEVELS.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label} ({items.filter((n) => n.level === l.value).length})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={deploymentId}>Deployment</label>
          <select
            id={deploymentId}
            className="input"
            value={search.deployment ?? ''}
            onChange={(e) => setSearch({ deployment: e.currentTarget.value || undefined })}
          >
            <option value="">All deployments</option>
            {deploymentChoices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label} ({d.count})
              </option>
            ))}
            <option value={NO_DEPLOYMENT}>About no deployment</option>
          </select>
        </div>
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={!!search.unread}
            onChange={(e) => setSearch({ unread: e.currentTarget.checked || undefined })}
          />
          Unread only
        </label>
        {filtered && shown.length > 0 ? (
          <button type="button" className="btn btn-sm" onClick={clearFilters}>
            Clear filters
          </button>
        ) : null}
        <p className={styles.count} role="status">
          Showing {shown.length} of {items.length}
        </p>
      </div>
      {shown.length === 0 ? (
        <EmptyState
          title={items.length === 0 ? 'No notifications' : 'No notifications match'}
          action={
            filtered ? (
              <button type="button" className="btn" onClick={clearFilters}>
                Clear filters
              </button>
            ) : undefined
          }
        >
          {items.length === 0
            ? 'Runs that settle, retries, refused actions and warnings about this console show up here while this tab is open.'
            : 'Nothing matches these filters.'}
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label="Notifications">
          {shown.map((n) => (
            <NotificationItem key={n.id} n={n} />
          ))}
        </ul>
      )}
    </>
  )
}

function NotificationItem({ n }: { n: AppNotification }) {
  const titleId = useId()
  return (
    <li className={styles.item} data-level={n.level} data-read={String(!!n.read)} aria-labelledby={titleId}>
      <div className={styles.head}>
        <span className={styles.level}>{LEVEL_LABEL[n.level]}</span>
        <h2 className={styles.title} id={titleId}>
          {n.title}
          {n.read ? null : <span className="sr-only"> (unread)</span>}
        </h2>
      </div>
      {n.body ? <p className={styles.body}>{n.body}</p> : null}
      <div className={styles.meta}>
        <RelativeTime value={n.updatedAt ?? n.createdAt} />
        {n.deploymentId ? <span>{n.deploymentLabel || n.deploymentId}</span> : null}
        {n.href ? (
          <Link {...splitHref(n.href)} onClick={() => markNotificationRead(n.id)}>
            {n.hrefLabel ?? 'Open'}
          </Link>
        ) : null}
        <span className={styles.actions}>
          {n.read ? null : (
            <button
              type="button"
              className="btn btn-sm"
              aria-label={`Mark as read: ${n.title}`}
              onClick={() => markNotificationRead(n.id)}
            >
              Mark as read
            </button>
          )}
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            aria-label={`Dismiss: ${n.title}`}
            onClick={() => dismissNotification(n.id)}
          >
            Dismiss
          </button>
        </span>
      </div>
    </li>
  )
}
