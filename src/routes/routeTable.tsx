/**
 * The one route table. Both URL trees are declared here; only the current mode's tree is built (the mode
 * never changes during a page's life, and in Sovereign mode the mothership's `/app/$deploymentId…`
 * children must not exist at all — regression 2). Route components are thin: they pick the feature screen
 * (lazy-loaded, so graph, terminal and treemap code stay out of the first route's bundle).
 *
 *   mothership                               sovereign
 *   /wizard /deployments /app/dashboard      /dashboard /apps /app/$componentId
 *   /provision/$deploymentId[/…pages]        /jobs[/timeline|/$jobId] /cloud /users[/new|/$name]
 *   /compare?a=&b=                           (none: /compare → /dashboard)
 *
 * The trees themselves are in mothershipTree.ts and sovereignTree.ts, the page groups both mount in
 * deploymentPages.ts, the lazy screens in routeScreens.tsx and the redirect maps in routeRedirects.ts.
 */
import type { QueryClient } from '@tanstack/react-query'
import { createRootRouteWithContext, createRoute, redirect, type AnyRoute } from '@tanstack/react-router'
import { handoverErrorSearch, loginSearch, verifySearch } from '../entities/session/loginSearch.ts'
import { NotFoundScreen } from '../features/shell/SystemScreens.tsx'
import { whoamiQueryOptions } from '../entities/session/whoamiQueries.ts'
import { ensureLoaded } from '../lib/ensureLoaded.ts'
import { isApiError } from '../lib/http.ts'
import type { ModeInfo } from '../lib/mode.ts'
import { mothershipTree } from './mothershipTree.ts'
import { RootLayout } from './RootLayout.tsx'
import { parse, screens } from './routeScreens.tsx'
import { sovereignTree } from './sovereignTree.ts'
import { SignedInFrame } from './SignedInFrame.tsx'

// The redirect maps live in routeRedirects.ts; re-exported so importers of the route table keep working.
export { LEGACY_CLOUD, RESERVED_DEPLOYMENT_WORDS, SOVEREIGN_APP_RESERVED } from './routeRedirects.ts'

export interface RouterContext {
  queryClient: QueryClient
  mode: ModeInfo
}

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** The page title shown in the header and the tab (the page's own `<h1>` may be more specific). */
    title?: string
  }
}

export function buildRouteTree(mode: ModeInfo) {
  const rootRoute = createRootRouteWithContext<RouterContext>()({
    component: RootLayout,
    notFoundComponent: NotFoundScreen,
  })

  const publicRoutes = [
    createRoute({
      getParentRoute: () => rootRoute,
      path: 'login',
      validateSearch: parse(loginSearch),
      component: screens.login,
      staticData: { title: 'Sign in' },
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: 'login/verify',
      validateSearch: parse(verifySearch),
      component: screens.verify,
      staticData: { title: 'Enter your code' },
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: 'auth/handover-error',
      validateSearch: parse(handoverErrorSearch),
      component: screens.handoverError,
      staticData: { title: 'Handover failed' },
    }),
    // The server answers /auth/handover with a 302; if the SPA ever sees it, land where the server would.
    createRoute({
      getParentRoute: () => rootRoute,
      path: 'auth/handover',
      beforeLoad: () => {
        throw redirect({ to: mode.mode === 'sovereign' ? '/dashboard' : '/deployments', replace: true })
      },
    }),
  ]

  /** Signed-in frame: whoami must answer 200; a 401 goes to sign-in and comes back (`next`). */
  const authed = createRoute({
    getParentRoute: () => rootRoute,
    id: 'authed',
    beforeLoad: async ({ context, location }) => {
      try {
        const me = await ensureLoaded(context.queryClient, whoamiQueryOptions())
        return { me }
      } catch (e) {
        if (isApiError(e) && e.status === 401)
          throw redirect({
            to: '/login',
            search: { next: location.href === '/' ? undefined : location.href },
            replace: true,
          })
        throw e
      }
    },
    component: SignedInFrame,
  })

  const children: AnyRoute[] = mode.mode === 'sovereign' ? sovereignTree(authed) : mothershipTree(authed)
  return rootRoute.addChildren([...publicRoutes, authed.addChildren(children)])
}
