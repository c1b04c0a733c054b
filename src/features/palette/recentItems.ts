/**
 * The palette's recent items: ids only (`page:jobs`, `dep:<id>`, `job:<dep>:<name>` — see paletteItems.ts),
 * most recent first, in localStorage so they survive a reload. Never labels, URLs with queries or anything
 * typed: nothing secret can end up here. Garbage in storage (another build, a hand edit) is dropped.
 */
export const RECENT_KEY = 'cc-palette-recent'
export const MAX_RECENT = 8
const ID = /^(page|action|dep|job|app):[^\s]{1,256}$/

interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

function storage(): KeyValueStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage
  } catch {
    return undefined
  }
}

export function readRecent(store: KeyValueStorage | undefined = storage()): string[] {
  try {
    const raw: unknown = JSON.parse(store?.getItem(RECENT_KEY) ?? '[]')
    if (!Array.isArray(raw)) return []
    const out: string[] = []
    for (const v of raw)
      if (typeof v === 'string' && ID.test(v) && !out.includes(v) && out.length < MAX_RECENT) out.push(v)
    return out
  } catch {
    return []
  }
}

/** Puts `id` first (once), keeps the newest `MAX_RECENT`; returns the new list. */
export function pushRecent(id: string, store: KeyValueStorage | undefined = storage()): string[] {
  const prev = readRecent(store)
  if (!ID.test(id)) return prev
  const next = [id, ...prev.filter((x) => x !== id)].slice(0, MAX_RECENT)
  try {
    store?.setItem(RECENT_KEY, JSON.stringify(next))
  } catch {
    // storage full or unavailable: recents last for this page only
  }
  return next
}
