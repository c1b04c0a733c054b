import { Outlet, useRouter } from '@tanstack/react-router'
import { useEffect } from 'react'
import { useDocumentTitle } from '../features/shell/usePageTitle.ts'
import { startThemeSync } from '../lib/theme.ts'

/**
 * Page-life concerns above every route: theme sync with the OS and other tabs, the tab title, and focus
 * moved to the new page's heading when the path changes (not on search-only changes such as sorting).
 */
export function RootLayout() {
  const router = useRouter()
  useDocumentTitle()
  useEffect(() => startThemeSync(), [])
  useEffect(
    () =>
      router.subscribe('onResolved', (e) => {
        if (!e.pathChanged || !e.fromLocation) return
        requestAnimationFrame(() => {
          // A page that focused its own first field (sign-in email, the code boxes) keeps that focus.
          const active = document.activeElement
          if (
            active instanceof HTMLElement &&
            active.matches('input, textarea, select') &&
            active.closest('main')
          )
            return
          const heading = document.querySelector<HTMLElement>('[data-page-heading]')
          heading?.focus({ preventScroll: false })
        })
      }),
    [router],
  )
  return <Outlet />
}
