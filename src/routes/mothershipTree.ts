/**
 * The mothership's URL tree under the signed-in frame: wizard, deployments, compare, the fleet dashboard,
 * and `/provision/$deploymentId[/…pages]`. Moved out of routeTable.tsx, which builds it in mothership mode.
 */
import { Outlet, createRoute, notFound, redirect, type AnyRoute } from '@tanstack/react-router'
import { isWellFormedDeploymentId } from '../contracts/common.ts'
import { compareSearch } from '../entities/deployment/compareSearch.ts'
import { deploymentsSearch } from '../entities/deployment/deploymentsSearch.ts'
import { DeploymentNotFound } from '../features/shell/SystemScreens.tsx'
import { deploymentQueryOptions } from '../entities/deployment/deploymentQueries.ts'
import { ensureLoaded } from '../lib/ensureLoaded.ts'
import { isApiError } from '../lib/http.ts'
import { deploymentPages, notificationsPage } from './deploymentPages.ts'
import { pageLoader } from './pageLoader.ts'
import { RESERVED_DEPLOYMENT_WORDS } from './routeRedirects.ts'
import { parse, screens } from './routeScreens.tsx'

export function mothershipTree(authed: AnyRoute): AnyRoute[] {
  const provision = createRoute({
    getParentRoute: () => authed,
    path: 'provision/$deploymentId',
    beforeLoad: ({ params }) => {
      const id = (params as { deploymentId: string }).deploymentId
      const word = id.toLowerCase()
      const reserved = Object.hasOwn(RESERVED_DEPLOYMENT_WORDS, word)
        ? RESERVED_DEPLOYMENT_WORDS[word]
        : undefined
      if (reserved) throw redirect({ to: reserved, replace: true })
      return { deploymentId: id, malformedDeploymentId: !isWellFormedDeploymentId(id) }
    },
    // Every page below is about this record: a missing one is a clear "not found" inside the shell, and
    // a failing API an error with a retry there — never a blank page.
    loader: async ({ context, params }) => {
      const id = (params as { deploymentId: string }).deploymentId
      try {
        await ensureLoaded(context.queryClient, deploymentQueryOptions(id))
      } catch (e) {
        if (isApiError(e) && e.status === 404) throw notFound({ data: { deploymentId: id } })
        throw e
      }
    },
    component: Outlet,
    notFoundComponent: DeploymentNotFound,
  })
  const overview = createRoute({
    getParentRoute: () => provision,
    path: '/',
    component: screens.overview,
    staticData: { title: 'Overview' },
  })
  return [
    createRoute({
      getParentRoute: () => authed,
      path: '/',
      beforeLoad: () => {
        throw redirect({ to: '/wizard', replace: true })
      },
    }),
    createRoute({
      getParentRoute: () => authed,
      path: 'wizard',
      component: screens.wizard,
      staticData: { title: 'New deployment' },
    }),
    createRoute({
      getParentRoute: () => authed,
      path: 'deployments',
      validateSearch: parse(deploymentsSearch),
      component: screens.deployments,
      loader: pageLoader('deployments'),
      staticData: { title: 'Deployments' },
    }),
    createRoute({
      getParentRoute: () => authed,
      path: 'compare',
      validateSearch: parse(compareSearch),
      component: screens.compare,
      loader: pageLoader('deployments'),
      staticData: { title: 'Compare runs' },
    }),
    createRoute({
      getParentRoute: () => authed,
      path: 'app',
      beforeLoad: () => {
        throw redirect({ to: '/app/dashboard', replace: true })
      },
    }),
    // Sovereign-style clean URLs opened on the mothership: the fleet dashboard, or the deployments list.
    ...(['dashboard', 'provision'] as const).map((path) =>
      createRoute({
        getParentRoute: () => authed,
        path,
        beforeLoad: () => {
          throw redirect({ to: path === 'dashboard' ? '/app/dashboard' : '/deployments', replace: true })
        },
      }),
    ),
    createRoute({
      getParentRoute: () => authed,
      path: 'app/dashboard',
      component: screens.fleet,
      loader: pageLoader('fleet'),
      staticData: { title: 'Fleet' },
    }),
    provision.addChildren([overview, ...deploymentPages(provision, '/provision/$deploymentId')]),
    notificationsPage(authed),
  ]
}
