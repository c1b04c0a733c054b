/**
 * App-wide notifications: de-duplicated by id (a repeat replaces the earlier item and keeps its first
 * time), persisted in sessionStorage so they survive a reload within the tab, capped. Text only — the
 * shell renders title/body as text, never HTML.
 */
export type NotificationLevel = 'info' | 'success' | 'warn' | 'error'

export interface AppNotification {
  id: string
  level: NotificationLevel
  title: string
  body?: string | undefined
  createdAt: number
  /** An in-app link (router path) offered with the notification. */
  href?: string | undefined
  hrefLabel?: string | undefined
}

const KEY = 'cc-notifications'
const MAX = 50
const listeners = new Set<() => void>()
let items: AppNotification[] = load()

function load(): AppNotification[] {
  try {
    const raw = typeof window === 'undefined' ? null : window.sessionStorage.getItem(KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : []
    return Array.isArray(parsed)
      ? (parsed as AppNotification[]).filter((n) => typeof n?.id === 'string' && typeof n.title === 'string')
      : []
  } catch {
    return []
  }
}

function save(): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(items))
  } catch {
    // storage full or unavailable: keep them in memory
  }
  for (const l of listeners) l()
}

export function notify(n: Omit<AppNotification, 'createdAt'> & { createdAt?: number }): void {
  const existing = items.find((i) => i.id === n.id)
  const next: AppNotification = { ...n, createdAt: existing?.createdAt ?? n.createdAt ?? Date.now() }
  items = [next, ...items.filter((i) => i.id !== n.id)].slice(0, MAX)
  save()
}

export function dismissNotification(id: string): void {
  items = items.filter((i) => i.id !== id)
  save()
}

export function clearNotifications(): void {
  items = []
  save()
}

export function notificationsSnapshot(): readonly AppNotification[] {
  return items
}

export function subscribeNotifications(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}
