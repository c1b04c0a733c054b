/**
 * Route groups mounted in both trees: the deployment-scoped pages (jobs, dashboard, cloud, apps, users,
 * settings, legacy cloud redirects) and `/notifications`. Moved out of routeTable.tsx so the mothership and
 * Sovereign trees (mothershipTree.ts, sovereignTree.ts) can share them.
 */
import { createRoute, redirect, type AnyRoute } from '@tanstack/react-router'
import { appsSearch } from '../entities/catalog/appsSearch.ts'
import { cloudSearch } from '../entities/topology/cloudSearch.ts'
import { treemapSearch } from '../entities/treemap/treemapSearch.ts'
import { jobDetailSearch, jobsSearch, jobsTimelineSearch } from '../entities/job/jobsSearch.ts'
import { notificationsSearch } from '../entities/notification/notificationsSearch.ts'
import { pageLoader } from './pageLoader.ts'
import { LEGACY_CLOUD } from './routeRedirects.ts'
import { parse, screens } from './routeScreens.tsx'

/** The deployment-scoped pages, mounted under `/provision/$deploymentId` or the Sovereign layout. */
export function deploymentPages(
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
      loader: pageLoader('jobs'),
      staticData: { title: 'Jobs' },
    }),
    // Registered as a static segment, so it always wins over `$jobId` (regression 12).
    createRoute({
      getParentRoute: () => parent,
      path: 'jobs/timeline',
      validateSearch: parse(jobsTimelineSearch),
      component: screens.jobsTimeline,
      loader: pageLoader('jobs'),
      staticData: { title: 'Jobs timeline' },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'jobs/$jobId',
      validateSearch: parse(jobDetailSearch),
      component: screens.jobDetail,
      loader: pageLoader('job'),
      staticData: { title: 'Job' },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'dashboard',
      validateSearch: parse(treemapSearch),
      component: screens.dashboard,
      loader: pageLoader('dashboard'),
      staticData: { title: 'Dashboard' },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'cloud',
      validateSearch: parse(cloudSearch),
      component: screens.cloud,
      loader: pageLoader('topology'),
      staticData: { title: 'Cloud' },
    }),
    ...legacy,
    createRoute({
      getParentRoute: () => parent,
      path: 'apps',
      validateSearch: parse(appsSearch),
      component: screens.apps,
      loader: pageLoader('catalog'),
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
      loader: pageLoader('catalog'),
      staticData: { title: 'Application' },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'users',
      component: screens.users,
      loader: pageLoader('userAccess'),
      staticData: { title: 'User access' },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'users/new',
      component: screens.userAccess,
      loader: pageLoader('userAccess'),
      staticData: { title: 'New user access' },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'users/$name',
      component: screens.userAccess,
      loader: pageLoader('userAccess'),
      staticData: { title: 'Edit user access' },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'settings',
      component: screens.settings,
      loader: pageLoader('topology'),
      staticData: { title: 'Settings' },
    }),
  ]
}

/** `/notifications` in both consoles: everything the bell holds (on a Sovereign, inside its own scope). */
export function notificationsPage(parent: AnyRoute): AnyRoute {
  return createRoute({
    getParentRoute: () => parent,
    path: 'notifications',
    validateSearch: parse(notificationsSearch),
    component: screens.notifications,
    staticData: { title: 'Notifications' },
  })
}
