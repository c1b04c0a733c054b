import { Outlet, useRouter } from '@tanstack/react-router'
import { useEffect } from 'react'
import { StandaloneConnectivityBanner } from '../features/shell/ConnectivityBanner.tsx'
import { useDocumentTitle } from '../features/shell/usePageTitle.ts'
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

/**
 * Moves focus to the new page's heading. Screens are lazy, so the router resolves before the new `<h1>` is
 * in the DOM: wait (a few frames at most) until a heading other than the previous page's is there. A page
 * that focused its own first field (sign-in email, the code boxes) keeps that focus.
 */
function focusNewHeading(previous: HTMLElement | null, framesLeft = 60): void {
  requestAnimationFrame(() => {
    const active = document.activeElement
    if (active instanceof HTMLElement && active.matches('input, textarea, select') && active.closest('main'))
      return
    const heading = document.querySelector<HTMLElement>('[data-page-heading]')
    const isNew = heading && (heading !== previous || !previous?.isConnected)
    if (heading && (isNew || framesLeft <= 0)) heading.focus({ preventScroll: false })
    else if (framesLeft > 0) focusNewHeading(previous, framesLeft - 1)
  })
}
