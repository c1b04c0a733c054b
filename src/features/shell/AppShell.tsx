import { useQuery } from '@tanstack/react-query'
import { Outlet } from '@tanstack/react-router'
import { lazy, Suspense, useEffect, useSyncExternalStore, type MouseEvent } from 'react'
import { whoamiQueryOptions } from '../../entities/session/whoamiQueries.ts'
import { useDeploymentId } from '../../lib/deploymentScope.ts'
import { isApiError, signalUnauthenticated } from '../../lib/http.ts'
import { OnlyIn } from '../../lib/modeContext.tsx'
import { runWatchersWanted, subscribeRunWatchersWanted } from '../../lib/runWatchersWanted.ts'
import { ConnectivityBanner, useFrameWithBanner } from './ConnectivityBanner.tsx'
import { Header } from './Header.tsx'
import { MalformedIdSlot } from './MalformedIdSlot.tsx'
import { Sidebar } from './Sidebar.tsx'
import styles from './AppShell.module.css'

// The strip (and the jobs contract it parses) belongs to deployment-scoped pages only: it loads with them.
const DeploymentStrip = lazy(() =>
  import('./DeploymentStrip.tsx').then((m) => ({ default: m.DeploymentStrip })),
)

// "Notify me when this run finishes": the watcher, the watch list and the Notification API code load only
// once a watch exists (stored at start, or the first opt-in): the entry is at its limit.
const RunWatchers = lazy(() => import('./RunWatchers.tsx').then((m) => ({ default: m.RunWatchers })))

/** How often the shell re-checks the session while the user sits on a page that polls nothing. */
const SESSION_CHECK_MS = 60_000

/**
 * The signed-in frame: skip link, sidebar, header (title, notifications, theme, profile), the
 * API-unreachable banner, mode-specific notices, the deployment context strip, and the page. Each route
 * below has its own error boundary, so a failing page never blanks this frame.
 */
export function AppShell() {
  const deploymentId = useDeploymentId()
  useSessionWatch()
  useFrameWithBanner()
  const watchersWanted = useSyncExternalStore(subscribeRunWatchersWanted, runWatchersWanted)
  const skipToMain = (e: MouseEvent<HTMLAnchorElement>) => {
    // Move focus (not just the scroll position) and keep the router's URL free of `#main`.
    e.preventDefault()
    const main = document.getElementById('main')
    main?.focus()
    main?.scrollIntoView()
  }
  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skipLink} onClick={skipToMain}>
        Skip to content
      </a>
      <Sidebar deploymentId={deploymentId} />
      <div className={styles.column}>
        <Header />
        <ConnectivityBanner />
        <OnlyIn surface="malformedDeploymentId">
          <MalformedIdSlot />
        </OnlyIn>
        {deploymentId ? (
          <OnlyIn surface="deploymentStrip">
            <Suspense fallback={<div className={styles.strip} aria-hidden="true" />}>
              <DeploymentStrip deploymentId={deploymentId} />
            </Suspense>
          </OnlyIn>
        ) : null}
        <main id="main" className={styles.main} tabIndex={-1}>
          <Outlet />
        </main>
        {watchersWanted ? (
          <Suspense fallback={null}>
            <RunWatchers />
          </Suspense>
        ) : null}
      </div>
    </div>
  )
}

/** A session that ends while the user idles is noticed within a minute (→ sign in, then back). */
function useSessionWatch(): void {
  const me = useQuery({ ...whoamiQueryOptions(), refetchInterval: SESSION_CHECK_MS })
  const expired = isApiError(me.error) && me.error.status === 401
  useEffect(() => {
    if (expired) signalUnauthenticated()
  }, [expired])
}
