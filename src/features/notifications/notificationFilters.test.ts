import { describe, expect, it } from 'vitest'
import type { AppNotification } from '../../lib/notifications.ts'
import { filterNotifications, NO_DEPLOYMENT, notificationDeployments } from './notificationFilters.ts'
import { notificationsSearch } from '../../entities/notification/notificationsSearch.ts'

const n = (id: string, more: Partial<AppNotification> = {}): AppNotification => ({
  id,
  level: 'info',
  title: id,
  createdAt: 0,
  ...more,
})

const items = [
  n('a', { level: 'error', deploymentId: 'd1', deploymentLabel: 'acme.omani.works' }),
  n('b', { level: 'warn', deploymentId: 'd2', read: true }),
  n('c', { level: 'error', deploymentId: 'd2', deploymentLabel: 'beta.omani.works' }),
  n('d', { level: 'info' }),
]

describe('notification filters', () => {
  it('filters by severity, deployment (or none) and unread, together', () => {
    const ids = (f: Parameters<typeof filterNotifications>[1]) =>
      filterNotifications(items, f).map((i) => i.id)
    expect(ids({})).toEqual(['a', 'b', 'c', 'd'])
    expect(ids({ level: 'error' })).toEqual(['a', 'c'])
    expect(ids({ deployment: 'd2' })).toEqual(['b', 'c'])
    expect(ids({ deployment: NO_DEPLOYMENT })).toEqual(['d'])
    expect(ids({ deployment: 'd2', unread: true })).toEqual(['c'])
    expect(ids({ level: 'warn', deployment: 'd1' })).toEqual([])
  })

  it('lists each deployment once, by its FQDN when any notice named it, with its count', () => {
    expect(notificationDeployments(items)).toEqual([
      { id: 'd1', label: 'acme.omani.works', count: 1 },
      { id: 'd2', label: 'beta.omani.works', count: 2 },
    ])
  })

  it('reads the URL leniently: unknown severities and junk are dropped', () => {
    expect(notificationsSearch.parse({ level: 'error', deployment: 'd1', unread: '1' })).toEqual({
      level: 'error',
      deployment: 'd1',
      unread: true,
    })
    expect(notificationsSearch.parse({ level: 'fatal', unread: '0', deployment: 7 })).toEqual({
      level: undefined,
      deployment: undefined,
      unread: undefined,
    })
  })
})
