/**
 * What the route table's routes render and parse: every feature screen as a lazy route component (so
 * graph, terminal and treemap code stay out of the first route's bundle), and the search-param parser.
 * Moved out of routeTable.tsx so the mothership and Sovereign trees can share them.
 */
import { lazyRouteComponent } from '@tanstack/react-router'

const lazy = <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) =>
  lazyRouteComponent(load, name)

export const screens = {
  login: lazy(() => import('../features/auth/LoginScreen.tsx'), 'LoginScreen'),
  verify: lazy(() => import('../features/auth/VerifyPinScreen.tsx'), 'VerifyPinScreen'),
  handoverError: lazy(() => import('../features/auth/HandoverErrorScreen.tsx'), 'HandoverErrorScreen'),
  deployments: lazy(() => import('../features/deployments/list/DeploymentsScreen.tsx'), 'DeploymentsScreen'),
  wizard: lazy(() => import('../features/deployments/wizard/WizardScreen.tsx'), 'WizardScreen'),
  compare: lazy(() => import('../features/compare/CompareScreen.tsx'), 'CompareScreen'),
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
  settings: lazy(() => import('../features/settings/SettingsScreen.tsx'), 'SettingsScreen'),
  notifications: lazy(
    () => import('../features/notifications/NotificationsScreen.tsx'),
    'NotificationsScreen',
  ),
}

export const parse =
  <T,>(schema: { parse: (v: unknown) => T }) =>
  (search: Record<string, unknown>) =>
    schema.parse(search)
