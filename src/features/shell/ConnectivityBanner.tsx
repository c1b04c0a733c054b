import { useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import { Whoami } from '../../contracts/auth.ts'
import { isApiReachable, subscribeConnectivity } from '../../lib/connectivity.ts'
import { apiFetch } from '../../lib/http.ts'
import styles from './AppShell.module.css'

/** How often the shell asks the API whether it is back while it is unreachable. */
export const REACHABILITY_PROBE_MS = 3000

/**
 * While the API is unreachable, asks it again every few seconds (a cheap `whoami`; any HTTP answer counts
 * as "back", http.ts records it). When it is back, queries that failed meanwhile refetch and the route
 * reloads, so the page heals without a reload.
 */
export function useReachability(): { reachable: boolean; retryNow: () => void } {
  const reachable = useSyncExternalStore(subscribeConnectivity, isApiReachable, () => true)
  const queryClient = useQueryClient()
  const router = useRouter()
  const wasDown = useRef(false)

  const probe = useCallback(() => {
    apiFetch('/v1/whoami', Whoami, { on401: 'throw' }).catch(() => {
      // Unreachable again (http.ts keeps the banner up) or 401 (the next data request signs the user out).
    })
  }, [])

  useEffect(() => {
    if (reachable) {
      if (wasDown.current) {
        wasDown.current = false
        void queryClient.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' })
        void router.invalidate()
      }
      return
    }
    wasDown.current = true
    const timer = setInterval(probe, REACHABILITY_PROBE_MS)
    return () => clearInterval(timer)
  }, [reachable, probe, queryClient, router])

  return { reachable, retryNow: probe }
}

/**
 * How many signed-in frames are mounted: each carries its own banner (below its header), and pages
 * outside one — sign-in, or the error screen when the API was already unreachable at the first load, so
 * no frame could be built — get the standalone one.
 */
let framesMounted = 0
const frameListeners = new Set<() => void>()
const subscribeFrames = (l: () => void) => {
  frameListeners.add(l)
  return () => frameListeners.delete(l)
}

/** Called by the signed-in frame, which shows the banner itself. */
export function useFrameWithBanner(): void {
  useEffect(() => {
    framesMounted++
    for (const l of frameListeners) l()
    return () => {
      framesMounted--
      for (const l of frameListeners) l()
    }
  }, [])
}

/** The banner for pages outside the signed-in frame (the root layout renders it). */
export function StandaloneConnectivityBanner() {
  const inFrame = useSyncExternalStore(
    subscribeFrames,
    () => framesMounted > 0,
    () => false,
  )
  return inFrame ? null : <ConnectivityBanner />
}

/** The "API unreachable" banner; it clears itself when the API answers again. */
export function ConnectivityBanner() {
  const { reachable, retryNow } = useReachability()
  if (reachable) return null
  return (
    <div className={styles.banner} role="alert">
      <span>
        <strong>The API is unreachable.</strong> Retrying every few seconds — what you see may be out of date.
      </span>
      <button type="button" className="btn btn-sm" onClick={retryNow}>
        Retry now
      </button>
    </div>
  )
}
