import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { setUnauthenticatedHandler } from './lib/http.ts'
import { canonicalPath, MODE } from './lib/mode.ts'
import { ModeProvider } from './lib/modeContext.tsx'
import { createQueryClient } from './lib/queryClient.ts'
import { createAppRouter } from './router.tsx'
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
  queryClient.removeQueries({ queryKey: ['auth', 'whoami'] })
  void router.navigate({ to: '/login', search: { next: here.href, error: 'session-expired' }, replace: true })
})

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <ModeProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ModeProvider>
  </StrictMode>,
)
