/**
 * The Sovereign's URL tree under the signed-in frame: its own deployment's pages at the top level, and
 * redirects for mothership URLs opened on it. Moved out of routeTable.tsx, which builds it in Sovereign mode.
 */
import { Outlet, createRoute, redirect, type AnyRoute } from '@tanstack/react-router'
import { NotASovereignError, SovereignErrorScreen } from '../features/shell/SystemScreens.tsx'
import { sovereignSelfQueryOptions } from '../entities/session/sovereignSelfQueries.ts'
import { ensureLoaded } from '../lib/ensureLoaded.ts'
import { isApiError } from '../lib/http.ts'
import { deploymentPages, notificationsPage } from './deploymentPages.ts'
import { SOVEREIGN_APP_RESERVED } from './routeRedirects.ts'

export function sovereignTree(authed: AnyRoute): AnyRoute[] {
  /** Resolves the Sovereign's own deployment id before any page asks for data (regression 18). */
  const sovereign = createRoute({
    getParentRoute: () => authed,
    id: 'sovereign',
    beforeLoad: async ({ context }) => {
      try {
        const self = await ensureLoaded(context.queryClient, sovereignSelfQueryOptions())
        return { deploymentId: self.deploymentId }
      } catch (e) {
        // Not the router's "not found" (an ApiError 404 looks like one to it): this host serves no Sovereign.
        if (isApiError(e) && e.status === 404) throw new NotASovereignError()
        throw e
      }
    },
    component: Outlet,
    errorComponent: SovereignErrorScreen,
  })
  const toDashboard = (path: string) =>
    createRoute({
      getParentRoute: () => sovereign,
      path,
      beforeLoad: () => {
        throw redirect({ to: '/dashboard', replace: true })
      },
    })
  return [
    sovereign.addChildren([
      toDashboard('/'),
      toDashboard('deployments'),
      toDashboard('wizard'),
      toDashboard('provision'),
      // Comparing runs is a mothership page: a Sovereign has one run, its own.
      toDashboard('compare'),
      // `/app/install`, `/app/sre/...`: mothership surfaces → the dashboard (a bare `/app/<word>` is caught by
      // the app route's guard). No `app/$componentId/$` splat: it would match `/app/x` itself and loop.
      ...Object.entries(SOVEREIGN_APP_RESERVED).map(([word, to]) =>
        createRoute({
          getParentRoute: () => sovereign,
          path: `app/${word}/$`,
          beforeLoad: () => {
            throw redirect({ to, replace: true })
          },
        }),
      ),
      // A mothership-style deep link on a Sovereign: `/provision/<id>/jobs/x` → `/jobs/x`.
      createRoute({
        getParentRoute: () => sovereign,
        path: 'provision/$deploymentId/$',
        beforeLoad: ({ params }) => {
          const rest = (params as { _splat?: string })._splat ?? ''
          throw redirect({
            href: rest ? `/${rest.split('/').map(encodeURIComponent).join('/')}` : '/dashboard',
            replace: true,
          })
        },
      }),
      ...deploymentPages(sovereign, '', SOVEREIGN_APP_RESERVED),
      notificationsPage(sovereign),
    ]),
  ]
}
