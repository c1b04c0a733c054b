import { RUN_WATCHES_KEY as KEY, wantRunWatchers } from './runWatchersWanted.ts'

/**
 * "Notify me when this run finishes": the deployments the operator opted in to, by id only (no secrets,
 * no names), in localStorage so the opt-in survives a reload; sign-out forgets it (`endSession`). Not in
 * the entry: the screens with the button and the lazily loaded shell watcher import it (runWatchersWanted.ts).
 */
const MAX_IDS = 20

interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export function createRunWatches(storage: KeyValueStorage | undefined) {
  const listeners = new Set<() => void>()
  let ids: readonly string[] = read()

  function read(): string[] {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]')
      return Array.isArray(parsed)
        ? parsed
            .filter((v): v is string => typeof v === 'string' && /^[\w-]{1,64}$/.test(v))
            .slice(0, MAX_IDS)
        : []
    } catch {
      return []
    }
  }
  function write(next: readonly string[]): void {
    ids = next
    try {
      if (next.length) storage?.setItem(KEY, JSON.stringify(next))
      else storage?.removeItem(KEY)
    } catch {
      // keep it in memory
    }
    for (const l of listeners) l()
  }

  return {
    snapshot: (): readonly string[] => ids,
    isWatched: (id: string) => ids.includes(id),
    watch: (id: string) => {
      if (!ids.includes(id)) write([id, ...ids].slice(0, MAX_IDS))
    },
    unwatch: (id: string) => {
      if (ids.includes(id)) write(ids.filter((i) => i !== id))
    },
    clear: () => write([]),
    subscribe: (l: () => void) => {
      listeners.add(l)
      return () => void listeners.delete(l)
    },
  }
}

function localStore(): KeyValueStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage
  } catch {
    return undefined
  }
}

const watches = createRunWatches(localStore())
export const runWatchesSnapshot = watches.snapshot
export const isRunWatched = watches.isWatched
export const watchRun = (id: string): void => {
  watches.watch(id)
  // The shell loads its watcher now if no stored watch made it load at start.
  wantRunWatchers()
}
export const unwatchRun = watches.unwatch
export const clearRunWatches = watches.clear
export const subscribeRunWatches = watches.subscribe
