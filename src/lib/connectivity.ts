/**
 * Whether the API is reachable, as the last requests saw it: network failures and gateway errors mark it
 * down, any answer from the API marks it up. The shell shows a banner while it is down.
 */
type Listener = () => void

let reachable = true
let lastFailure: string | undefined
const listeners = new Set<Listener>()

function emit(): void {
  for (const l of listeners) l()
}

export function reportReachable(): void {
  if (reachable) return
  reachable = true
  lastFailure = undefined
  emit()
}

export function reportUnreachable(reason: string): void {
  lastFailure = reason
  if (!reachable) return
  reachable = false
  emit()
}

export function subscribeConnectivity(l: Listener): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function lastConnectivityFailure(): string | undefined {
  return lastFailure
}

export function isApiReachable(): boolean {
  return reachable
}
