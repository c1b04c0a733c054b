/**
 * Whether the shell mounts its run watcher (features/shell/RunWatchers.tsx): the only part of "Notify me
 * when this run finishes" the entry carries. The watch list (lib/runWatches.ts) and the Notification API code
 * stay out of the entry and load where first needed: at start only when this browser kept a watch, else on
 * the first opt-in (`watchRun` calls `wantRunWatchers`). Once wanted, it stays so for the tab; the watcher
 * renders nothing while the list is empty.
 */
export const RUN_WATCHES_KEY = 'cc-run-watches'

const listeners = new Set<() => void>()
let wanted = storedWatchExists()

function storedWatchExists(): boolean {
  try {
    // The list removes its key when it empties: a key means a watch (or junk the list will drop).
    return typeof window !== 'undefined' && window.localStorage.getItem(RUN_WATCHES_KEY) !== null
  } catch {
    return false
  }
}

export const runWatchersWanted = (): boolean => wanted

export function wantRunWatchers(): void {
  if (wanted) return
  wanted = true
  for (const l of listeners) l()
}

export function subscribeRunWatchersWanted(listener: () => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}
