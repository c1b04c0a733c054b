import { Outlet, useRouter } from '@tanstack/react-router'
import { useEffect } from 'react'
import { startThemeSync } from '../lib/theme.ts'

/**
 * Page-life concerns above every route: theme sync with the OS and other tabs, and focus moved to the
 * new page's heading when the path changes (not on search-only changes such as sorting).
 */
export function RootLayout() {
  const router = useRouter()
  useEffect(() => startThemeSync(), [])
  useEffect(
    () =>
      router.subscribe('onResolved', (e) => {
        if (!e.pathChanged || !e.fromLocation) return
        requestAnimationFrame(() => {
          const heading = document.querySelector<HTMLElement>('[data-page-heading]')
          heading?.focus({ preventScroll: false })
        })
      }),
    [router],
  )
  return <Outlet />
}
