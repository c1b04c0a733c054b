import { Outlet, useRouter } from '@tanstack/react-router'
import { useSyncExternalStore } from 'react'
import { isApiReachable, subscribeConnectivity } from '../../lib/connectivity.ts'
import { useDeploymentId } from '../../lib/deploymentScope.ts'
import { Header } from './Header.tsx'
import { Sidebar } from './Sidebar.tsx'
import styles from './AppShell.module.css'

/** The signed-in frame: skip link, sidebar, header, API-unreachable banner, the page. */
export function AppShell() {
  const deploymentId = useDeploymentId()
  const reachable = useSyncExternalStore(subscribeConnectivity, isApiReachable, () => true)
  const router = useRouter()
  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skipLink}>
        Skip to content
      </a>
      <Sidebar deploymentId={deploymentId} />
      <div className={styles.column}>
        <Header />
        {!reachable ? (
          <div className={styles.banner} role="alert">
            The API is unreachable — retrying. What you see may be out of date.
            <button type="button" className="btn btn-sm" onClick={() => void router.invalidate()}>
              Retry now
            </button>
          </div>
        ) : null}
        <main id="main" className={styles.main} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  )
}
