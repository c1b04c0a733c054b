/**
 * The one route table. Both URL trees are declared here; only the current mode's tree is built (the mode
 * never changes during a page's life, and in Sovereign mode the mothership's `/app/$deploymentId…`
 * children must not exist at all — regression 2). Route components are thin: they pick the feature screen
 * (lazy-loaded, so graph, terminal and treemap code stay out of the first route's bundle).
 *
 *   mothership                               sovereign
 *   /wizard /deployments /app/dashboard      /dashboard /apps /app/$componentId
 *   /provision/$deploymentId[/…pages]        /jobs[/timeline|/$jobId] /cloud /users[/new|/$name]
 */
import type { QueryClient } from '@tanstack/react-query'
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  lazyRouteComponent,
  notFound,
  redirect,
  type AnyRoute,
} from '@tanstack/react-router'
import { isWellFormedDeploymentId } from '../contracts/common.ts'
import { appsSearch } from '../features/apps/appsSearch.ts'
import { handoverErrorSearch, loginSearch, verifySearch } from '../features/auth/loginSearch.ts'
import { cloudSearch } from '../features/cloud/cloudSearch.ts'
import { treemapSearch } from '../features/dashboard/treemapSearch.ts'
import { deploymentsSearch } from '../features/deployments/list/deploymentsSearch.ts'
import { jobDetailSearch, jobsSearch } from '../features/jobs/jobsSearch.ts'
import { AppShell } from '../features/shell/AppShell.tsx'
import {
  DeploymentNotFound,
  NotASovereignError,
  NotFoundScreen,
  SovereignErrorScreen,
} from '../features/shell/SystemScreens.tsx'
import { deploymentQueryOptions } from '../entities/deployment/deploymentQueries.ts'
import { sovereignSelfQueryOptions } from '../entities/session/sovereignSelfQueries.ts'
import { whoamiQueryOptions } from '../entities/session/whoamiQueries.ts'
import { ensureLoaded } from '../lib/ensureLoaded.ts'
import { isApiError } from '../lib/http.ts'
import type { ModeInfo } from '../lib/mode.ts'
import { RootLayout } from './RootLayout.tsx'

export interface RouterContext {
  queryClient: QueryClient
  mode: ModeInfo
}

const lazy = <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) =>
  lazyRouteComponent(load, name)

const screens = {
  login: lazy(() => import('../features/auth/LoginScreen.tsx'), 'LoginScreen'),
  verify: lazy(() => import('../features/auth/VerifyPinScreen.tsx'), 'VerifyPinScreen'),
  handoverError: lazy(() => import('../features/auth/HandoverErrorScreen.tsx'), 'HandoverErrorScreen'),
  deployments: lazy(() => import('../features/deployments/list/DeploymentsScreen.tsx'), 'DeploymentsScreen'),
  wizard: lazy(() => import('../features/deployments/wizard/WizardScreen.tsx'), 'WizardScreen'),
  overview: lazy(() => import('./OverviewPage.tsx'), 'OverviewPage'),
  fleet: lazy(() => import('./FleetPage.tsx'), 'FleetPage'),
  jobs: lazy(() => import('./JobsPage.tsx'), 'JobsPage'),
  jobsTimeline: lazy(() => import('../features/jobs/JobsTimelineScreen.tsx'), 'JobsTimelineScreen'),
  jobDetail: lazy(() => import('./JobDetailPage.tsx'), 'JobDetailPage'),
  dashboard: lazy(() => import('../features/dashboard/DashboardScreen.tsx'), 'DashboardScreen'),
  cloud: lazy(() => import('../features/cloud/CloudScreen.tsx'), 'CloudScreen'),
  apps: lazy(() => import('../features/apps/AppsScreen.tsx'), 'AppsScreen'),
  appDetail: lazy(() => import('../features/apps/AppDetailScreen.tsx'), 'AppDetailScreen'),
  users: lazy(() => import('../features/users/UsersScreen.tsx'), 'UsersScreen'),
  userAccess: lazy(() => import('../features/users/UserAccessScreen.tsx'), 'UserAccessScreen'),
}

const parse =
  <T,>(schema: { parse: (v: unknown) => T }) =>
  (search: Record<string, unknown>) =>
    schema.parse(search)

/** Legacy infrastructure/cloud sub-paths → `/cloud?view=…&kind=…` (upstream mapping). */
export const LEGACY_CLOUD: Record<string, { view: 'graph' | 'list'; kind?: string }> = {
  '': { view: 'graph' },
  architecture: { view: 'graph' },
  topology: { view: 'graph' },
  compute: { view: 'list', kind: 'clusters' },
  'compute/clusters': { view: 'list', kind: 'clusters' },
  'compute/nodes': { view: 'list', kind: 'nodes' },
  'compute/pools': { view: 'list', kind: 'node-pools' },
  network: { view: 'list', kind: 'load-balancers' },
  'network/load-balancers': { view: 'list', kind: 'load-balancers' },
  'network/networks': { view: 'list', kind: 'networks' },
  storage: { view: 'list', kind: 'pvcs' },
  'storage/pvcs': { view: 'list', kind: 'pvcs' },
  'storage/volumes': { view: 'list', kind: 'volumes' },
  'storage/buckets': { view: 'list', kind: 'buckets' },
}

/**
 * Words that name pages, typed into the mothership's `$deploymentId` slot (`/provision/deployments`,
 * `/provision/jobs`): never a deployment id (those are 16 hex chars), so they go where the word points,
 * else to the deployments list where a deployment can be picked.
 */
export const RESERVED_DEPLOYMENT_WORDS: Record<string, string> = {
  deployments: '/deployments',
  wizard: '/wizard',
  new: '/wizard',
  dashboard: '/app/dashboard',
  fleet: '/app/dashboard',
  app: '/app/dashboard',
  provision: '/deployments',
  overview: '/deployments',
  jobs: '/deployments',
  cloud: '/deployments',
  infrastructure: '/deployments',
  apps: '/deployments',
  users: '/deployments',
  settings: '/deployments',
  login: '/deployments',
}

/**
 * `/app/<word>[/…]` on a Sovereign: mothership surfaces or page names, never components (regressions 1,
 * 3). The fleet and mothership-only sections land on the dashboard; page names land on that page.
 */
export const SOVEREIGN_APP_RESERVED: Record<string, string> = {
  dashboard: '/dashboard',
  install: '/dashboard',
  sre: '/dashboard',
  sec: '/dashboard',
  blueprints: '/dashboard',
  settings: '/dashboard',
  rbac: '/dashboard',
  fleet: '/dashboard',
  deployments: '/dashboard',
  applications: '/apps',
  apps: '/apps',
  users: '/users',
  jobs: '/jobs',
  cloud: '/cloud',
}

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** The page title shown in the header and the tab (the page's own `<h1>` may be more specific). */
    title?: string
  }
}

/** The deployment-scoped pages, mounted under `/provision/$deploymentId` or the Sovereign layout. */
function deploymentPages(
  parent: AnyRoute,
  base: string,
  reservedApps?: Readonly<Record<string, string>>,
): AnyRoute[] {
  // One explicit route per legacy path (a splat would also match `/cloud` itself and loop).
  const legacy = Object.entries(LEGACY_CLOUD).flatMap(([rest, target]) =>
    (['cloud', 'infrastructure'] as const)
      .filter((prefix) => rest !== '' || prefix === 'infrastructure')
      .map((prefix) =>
        createRoute({
          getParentRoute: () => parent,
          path: rest ? `${prefix}/${rest}` : prefix,
          beforeLoad: ({ params }) => {
            throw redirect({ to: `${base}/cloud`, params, search: target, replace: true })
          },
        }),
      ),
  )
  return [
    createRoute({
      getParentRoute: () => parent,
      path: 'jobs',
      validateSearch: parse(jobsSearch),
      component: screens.jobs,
      staticData: { title: 'Jobs' },
    }),
    // Registered as a static segment, so it always wins over `$jobId` (regression 12).
    createRoute({
      getParentRoute: () => parent,
      path: 'jobs/timeline',
      component: screens.jobsTimeline,
      staticData: { title: 'Jobs timeline' },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'jobs/$jobId',
      validateSearch: parse(jobDetailSearch),
      component: screens.jobDetail,
      staticData: { title: 'Job' },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'dashboard',
      validateSearch: parse(treemapSearch),
      component: screens.dashboard,
      staticData: { title: 'Dashboard' },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'cloud',
      validateSearch: parse(cloudSearch),
      component: screens.cloud,
      staticData: { title: 'Cloud' },
    }),
    ...legacy,
    createRoute({
      getParentRoute: () => parent,
      path: 'apps',
      validateSearch: parse(appsSearch),
      component: screens.apps,
      staticData: { title: 'Applications' },
    }),
    // Bare `/app` (upstream's layout URL) → the apps list (regression 3).
    createRoute({
      getParentRoute: () => parent,
      path: 'app',
      beforeLoad: ({ params }) => {
        throw redirect({ to: `${base}/apps`, params, replace: true })
      },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'app/$componentId',
      beforeLoad: ({ params }) => {
        // On a Sovereign `/app/dashboard|install|sre…` are mothership surfaces, never an app (regressions 1–3).
        const word = (params as { componentId: string }).componentId.toLowerCase()
        const target = reservedApps && Object.hasOwn(reservedApps, word) ? reservedApps[word] : undefined
        if (target) throw redirect({ to: target, replace: true })
      },
      component: screens.appDetail,
      staticData: { title: 'Application' },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'users',
      component: screens.users,
      staticData: { title: 'User access' },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'users/new',
      component: screens.userAccess,
      staticData: { title: 'New user access' },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'users/$name',
      component: screens.userAccess,
      staticData: { title: 'Edit user access' },
    }),
  ]
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
    component: AppShell,
  })

  const children: AnyRoute[] = mode.mode === 'sovereign' ? sovereignTree(authed) : mothershipTree(authed)
  return rootRoute.addChildren([...publicRoutes, authed.addChildren(children)])
}

function mothershipTree(authed: AnyRoute): AnyRoute[] {
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
      staticData: { title: 'Deployments' },
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
      staticData: { title: 'Fleet' },
    }),
    provision.addChildren([overview, ...deploymentPages(provision, '/provision/$deploymentId')]),
  ]
}

function sovereignTree(authed: AnyRoute): AnyRoute[] {
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
    ]),
  ]
}
