/** The Notifications page's filters, without React: severity, deployment, unread only. */
import type { AppNotification, NotificationLevel } from '../../lib/notifications.ts'

export interface NotificationFilter {
  level?: NotificationLevel | undefined
  /** A deployment id, or `none` for notices about no deployment. */
  deployment?: string | undefined
  unread?: boolean | undefined
}

export const NO_DEPLOYMENT = 'none'

export function filterNotifications(
  items: readonly AppNotification[],
  f: NotificationFilter,
): AppNotification[] {
  return items.filter(
    (n) =>
      (!f.level || n.level === f.level) &&
      (!f.deployment ||
        (f.deployment === NO_DEPLOYMENT ? !n.deploymentId : n.deploymentId === f.deployment)) &&
      (!f.unread || !n.read),
  )
}

/** The deployments the notices are about, named by their label (FQDN) when one was given, by name. */
export function notificationDeployments(
  items: readonly AppNotification[],
): { id: string; label: string; count: number }[] {
  const byId = new Map<string, { id: string; label: string; count: number }>()
  for (const n of items) {
    if (!n.deploymentId) continue
    const seen = byId.get(n.deploymentId)
    if (seen) {
      seen.count += 1
      if (seen.label === seen.id && n.deploymentLabel) seen.label = n.deploymentLabel
    } else
      byId.set(n.deploymentId, { id: n.deploymentId, label: n.deploymentLabel || n.deploymentId, count: 1 })
  }
  return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label))
}
