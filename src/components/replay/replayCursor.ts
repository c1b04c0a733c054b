/**
 * The instant being scrubbed or played, shared by every replay consumer of the page (the bar, the table,
 * the graph) so they move together at frame rate, while the URL (`?at=`) is written only when the hand
 * rests. A draft belongs to the URL value it started from (`base`): once the URL changes — our own write
 * landing, Back, a link — the URL is the truth again.
 */
import { useSyncExternalStore } from 'react'

export interface ReplayDraft {
  deploymentId: string
  ms: number
  /** The `?at` value the draft started from (undefined: live). */
  base: string | undefined
}

let draft: ReplayDraft | undefined
const listeners = new Set<() => void>()

export function setReplayDraft(next: ReplayDraft | undefined): void {
  if (next === draft) return
  draft = next
  for (const l of listeners) l()
}

export function getReplayDraft(): ReplayDraft | undefined {
  return draft
}

function subscribe(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function useReplayDraft(): ReplayDraft | undefined {
  return useSyncExternalStore(subscribe, getReplayDraft, getReplayDraft)
}
