import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { sessionKeys } from './entities/session/whoamiQueries.ts'
import { isApiError, setForbiddenHandler, setUnauthenticatedHandler } from './lib/http.ts'
import { canonicalPath, MODE } from './lib/mode.ts'
import { ModeProvider } from './lib/modeContext.tsx'
import { notificationsSnapshot, notify } from './lib/notifications.ts'
import { createQueryClient } from './lib/queryClient.ts'
import { createAppRouter } from './router.tsx'
import { exposeTestHook } from './lib/exposeTestHook.ts'
import './styles/global.css'

// Canonicalise before the router reads the URL: `//` collapsed, trailing `/` dropped, a stale
// `/sovereign` prefix removed on a Sovereign host — the basepath and `%3A` escapes are never touched.
const { pathname, search, hash } = window.location
const canonical = canonicalPath(pathname, MODE.mode)
if (canonical !== pathname)
  window.history.replaceState(window.history.state, '', `${canonical}${search}${hash}`)

const queryClient = createQueryClient()
const router = createAppRouter(queryClient, MODE)

// Any 401 from the API (a session that expired mid-use) → sign in, then back to where the user was.
setUnauthenticatedHandler(() => {
  const here = router.state.location
  if (here.pathname.startsWith('/login')) return
  queryClient.removeQueries({ queryKey: sessionKeys.whoami() })
  void router.navigate({ to: '/login', search: { next: here.href, error: 'session-expired' }, replace: true })
})

// A tier refusal means the session's role is not what whoami said (lowered meanwhile): re-read it, so the
// gated controls disable themselves with their reason instead of inviting the same refusal again.
setForbiddenHandler(() => void queryClient.invalidateQueries({ queryKey: sessionKeys.whoami() }))

// Test hook (e2e and dev builds only, like the canvas hooks): raise notifications the way features do.
exposeTestHook('Notifications', { notify, snapshot: notificationsSnapshot })

// Errors a route's boundary caught and shows with a retry: an API failure is expected (warn); anything
// else is a bug and stays a console error (e2e fails on those).
const onCaughtError = (error: unknown, info: { componentStack?: string | undefined }) => {
  if (isApiError(error) || (error as { expected?: unknown } | null)?.expected === true)
    console.warn('[route]', (error as Error).message)
  else console.error(error, info.componentStack ?? '')
}

createRoot(document.getElementById('app')!, { onCaughtError }).render(
  <StrictMode>
    <ModeProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ModeProvider>
  </StrictMode>,
)
