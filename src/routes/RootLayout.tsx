import { Outlet, useRouter } from '@tanstack/react-router'
import { useEffect } from 'react'
import { StandaloneConnectivityBanner } from '../features/shell/ConnectivityBanner.tsx'
import { useDocumentTitle } from '../features/shell/usePageTitle.ts'
import { focusNewHeading } from '../lib/focusNewHeading.ts'
import { startThemeSync } from '../lib/theme.ts'

/**
 * Page-life concerns above every route: theme sync with the OS and other tabs, the tab title, focus
 * moved to the new page's heading when the path changes (not on search-only changes such as sorting), and
 * the API-unreachable banner on pages outside the signed-in frame (which has its own).
 */
export function RootLayout() {
  const router = useRouter()
  useDocumentTitle()
  useEffect(() => startThemeSync(), [])
  useEffect(
    () =>
      router.subscribe('onResolved', (e) => {
        if (!e.pathChanged || !e.fromLocation) return
        focusNewHeading(document.querySelector<HTMLElement>('[data-page-heading]'))
      }),
    [router],
  )
  return (
    <>
      <StandaloneConnectivityBanner />
      <Outlet />
    </>
  )
}
