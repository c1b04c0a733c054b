/**
 * App-wide notifications: de-duplicated by id (a repeat replaces the earlier item, keeps its first time
 * and moves it to the top), persisted in sessionStorage so they survive a reload within the tab, capped.
 * A notification that belongs to a mode-specific surface (`surface: 'handover'`) is dropped in the other
 * mode — callers never check the mode themselves. Text only: the shell renders title/body as text, never
 * HTML.
 */
import { MODE, type ConsoleMode } from './mode.ts'
import { surfaceAvailable, type Surface } from './surfaces.ts'

export type NotificationLevel = 'info' | 'success' | 'warn' | 'error'
export const NOTIFICATION_LEVELS: readonly NotificationLevel[] = ['error', 'warn', 'success', 'info']

export interface AppNotification {
  id: string
  level: NotificationLevel
  title: string
  body?: string | undefined
  /** When this id was first raised (a repeat keeps it). */
  createdAt: number
  /** When it was last raised or changed. */
  updatedAt?: number | undefined
  /** Seen in the panel since it last changed. */
  read?: boolean | undefined
  /** An in-app link (router path) offered with the notification. */
  href?: string | undefined
  hrefLabel?: string | undefined
  /** The deployment it is about (the Notifications page filters by it) and how to name that deployment. */
  deploymentId?: string | undefined
  deploymentLabel?: string | undefined
}

export type NotifyInput = Omit<AppNotification, 'createdAt' | 'updatedAt' | 'read'> & {
  createdAt?: number
  /** The mode-specific surface raising it; dropped where that surface does not exist. */
  surface?: Surface
}

const KEY = 'cc-notifications'
export const MAX_NOTIFICATIONS = 50
const TEXT_LIMIT = 2000

interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/**
 * Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and control characters. Titles are
 * composed from API strings (`${fqdn}: Failed`): an override inside the FQDN would otherwise reverse the
 * rest of the sentence on screen.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

function clip(v: unknown, max = TEXT_LIMIT): string | undefined {
  return typeof v === 'string' ? v.replace(UNSAFE_TEXT, '').slice(0, max) : undefined
}

function sanitise(raw: unknown): AppNotification | undefined {
  if (!raw || typeof raw !== 'object') return undefined
  const n = raw as Record<string, unknown>
  if (typeof n.id !== 'string' || typeof n.title !== 'string') return undefined
  const level = NOTIFICATION_LEVELS.includes(n.level as NotificationLevel)
    ? (n.level as NotificationLevel)
    : 'info'
  const createdAt = typeof n.createdAt === 'number' && Number.isFinite(n.createdAt) ? n.createdAt : 0
  return {
    id: n.id.slice(0, 500),
    level,
    title: clip(n.title, 300)!,
    body: clip(n.body),
    createdAt,
    updatedAt: typeof n.updatedAt === 'number' ? n.updatedAt : createdAt,
    read: n.read === true,
    href:
      typeof n.href === 'string' && n.href.startsWith('/') && !n.href.startsWith('//') ? n.href : undefined,
    hrefLabel: clip(n.hrefLabel, 80),
    deploymentId: clip(n.deploymentId, 200),
    deploymentLabel: clip(n.deploymentLabel, 253),
  }
}

/** The store itself (one per page; a factory so tests can give it a mode, a clock and a storage). */
export function createNotificationStore(opts: {
  mode: ConsoleMode
  storage?: KeyValueStorage | undefined
  now?: () => number
}) {
  const now = opts.now ?? Date.now
  const listeners = new Set<() => void>()
  let items: AppNotification[] = load()

  function load(): AppNotification[] {
    try {
      const raw = opts.storage?.getItem(KEY)
      const parsed: unknown = raw ? JSON.parse(raw) : []
      if (!Array.isArray(parsed)) return []
      const seen = new Set<string>()
      const out: AppNotification[] = []
      for (const p of parsed) {
        const n = sanitise(p)
        if (n && !seen.has(n.id)) {
          seen.add(n.id)
          out.push(n)
        }
      }
      return out.slice(0, MAX_NOTIFICATIONS)
    } catch {
      return []
    }
  }

  function save(): void {
    try {
      opts.storage?.setItem(KEY, JSON.stringify(items))
    } catch {
      // storage full or unavailable: keep them in memory
    }
    for (const l of listeners) l()
  }

  return {
    notify(input: NotifyInput): void {
      if (input.surface && !surfaceAvailable(input.surface, opts.mode)) return
      const n = sanitise({ ...input, createdAt: input.createdAt ?? now() })
      if (!n) return
      const existing = items.find((i) => i.id === n.id)
      const unchanged =
        existing &&
        existing.level === n.level &&
        existing.title === n.title &&
        existing.body === n.body &&
        existing.href === n.href
      const next: AppNotification = {
        ...n,
        createdAt: existing?.createdAt ?? n.createdAt,
        updatedAt: unchanged ? existing.updatedAt : now(),
        read: unchanged ? existing.read : false,
      }
      items = [next, ...items.filter((i) => i.id !== n.id)].slice(0, MAX_NOTIFICATIONS)
      save()
    },
    dismiss(id: string): void {
      items = items.filter((i) => i.id !== id)
      save()
    },
    clear(): void {
      items = []
      save()
    },
    markRead(id: string): void {
      if (!items.some((i) => i.id === id && !i.read)) return
      items = items.map((i) => (i.id === id ? { ...i, read: true } : i))
      save()
    },
    markAllRead(): void {
      if (items.every((i) => i.read)) return
      items = items.map((i) => (i.read ? i : { ...i, read: true }))
      save()
    },
    snapshot(): readonly AppNotification[] {
      return items
    },
    subscribe(l: () => void): () => void {
      listeners.add(l)
      return () => listeners.delete(l)
    },
  }
}

export type NotificationStore = ReturnType<typeof createNotificationStore>

function sessionStore(): KeyValueStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage
  } catch {
    return undefined
  }
}

const store = createNotificationStore({ mode: MODE.mode, storage: sessionStore() })

export const notify = store.notify
export const dismissNotification = store.dismiss
export const clearNotifications = store.clear
export const markNotificationsRead = store.markAllRead
export const markNotificationRead = store.markRead
export const notificationsSnapshot = store.snapshot
export const subscribeNotifications = store.subscribe

export function unreadCount(list: readonly AppNotification[]): number {
  return list.reduce((n, i) => n + (i.read ? 0 : 1), 0)
}
