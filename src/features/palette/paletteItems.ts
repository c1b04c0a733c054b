/**
 * What the command palette offers, built from what the console already has: the pages of the route table
 * the console has, the actions this session may run, and (from the entities' queries) the deployments,
 * the current deployment's jobs and the catalog's apps. Pure: no React, no fetching, no storage.
 *
 * Ids are stable and carry no secret (they are what the recents list stores): `page:<name>`,
 * `action:<name>`, `dep:<deploymentId>`, `job:<deploymentId>:<jobName>`, `app:<bp-id>`.
 */
import { blueprintId, type CatalogBlueprint } from '../../contracts/apps.ts'
import type { DeploymentSummary } from '../../contracts/deployments.ts'
import type { Job } from '../../contracts/jobs.ts'
import type { Action } from '../../contracts/tiers.ts'
import type { PaletteItem } from '../../graph/rankPaletteItems.ts'
import { linkTo, type LinkTarget } from '../../lib/links.ts'
import type { ConsoleMode } from '../../lib/mode.ts'
import { surfaceAvailable, type Surface } from '../../lib/surfaces.ts'

export type PaletteKind = 'page' | 'action' | 'deployment' | 'job' | 'app'
export type PaletteAction = 'toggle-theme' | 'copy-kubeconfig-link' | 'sign-out'

export interface PaletteEntry extends PaletteItem {
  kind: PaletteKind
  /** Shown after the label: a status, a family, where a page lives. */
  detail?: string | undefined
  run: { go: LinkTarget } | { action: PaletteAction }
}

export const KIND_LABELS: Record<PaletteKind, string> = {
  page: 'Page',
  action: 'Action',
  deployment: 'Deployment',
  job: 'Job',
  app: 'App',
}

interface PageDecl {
  page: LinkTarget['page']
  label: string
  keywords: string[]
  surface?: Surface
  target: (deploymentId: string) => LinkTarget
  /** A page about one deployment: offered only while a deployment is in scope. */
  scoped?: boolean
  /** A page that only makes a write: offered only to a session whose tier allows it (contract §1.2). */
  action?: Action
}

/**
 * The pages of both route trees an operator navigates to by name. The wizard is the "New deployment"
 * action; pages that need a second id (a job, an app, a user) are reached through their own items.
 */
const PAGES: PageDecl[] = [
  {
    page: 'deployments',
    label: 'Deployments',
    keywords: ['list', 'all deployments'],
    surface: 'deploymentsList',
    target: () => ({ page: 'deployments' }),
  },
  {
    page: 'fleet',
    label: 'Fleet',
    keywords: ['fleet dashboard', 'sovereigns'],
    surface: 'fleet',
    target: () => ({ page: 'fleet' }),
  },
  {
    page: 'compare',
    label: 'Compare runs',
    keywords: ['compare two runs', 'diff', 'durations'],
    surface: 'deploymentsList',
    target: () => ({ page: 'compare' }),
  },
  {
    page: 'notifications',
    label: 'Notifications',
    keywords: ['alerts', 'bell', 'history'],
    target: () => ({ page: 'notifications' }),
  },
  {
    page: 'overview',
    label: 'Overview',
    keywords: ['deployment overview', 'live log'],
    surface: 'deploymentPicker',
    scoped: true,
    target: (d) => ({ page: 'overview', deploymentId: d }),
  },
  {
    page: 'dashboard',
    label: 'Dashboard',
    keywords: ['treemap'],
    scoped: true,
    target: (d) => ({ page: 'dashboard', deploymentId: d }),
  },
  {
    page: 'jobs',
    label: 'Jobs',
    keywords: ['jobs table', 'flow graph'],
    scoped: true,
    target: (d) => ({ page: 'jobs', deploymentId: d }),
  },
  {
    page: 'jobsTimeline',
    label: 'Jobs timeline',
    keywords: ['critical path', 'gantt'],
    scoped: true,
    target: (d) => ({ page: 'jobsTimeline', deploymentId: d }),
  },
  {
    page: 'cloud',
    label: 'Cloud',
    keywords: ['infrastructure', 'topology'],
    scoped: true,
    target: (d) => ({ page: 'cloud', deploymentId: d }),
  },
  {
    page: 'apps',
    label: 'Applications',
    keywords: ['apps', 'catalog'],
    scoped: true,
    target: (d) => ({ page: 'apps', deploymentId: d }),
  },
  {
    page: 'users',
    label: 'User access',
    keywords: ['users'],
    scoped: true,
    target: (d) => ({ page: 'users', deploymentId: d }),
  },
  {
    page: 'settings',
    label: 'Settings',
    keywords: ['marketplace', 'preferences', 'cluster settings'],
    scoped: true,
    target: (d) => ({ page: 'settings', deploymentId: d }),
  },
  {
    page: 'userNew',
    label: 'New user access',
    keywords: ['add user', 'grant access'],
    scoped: true,
    action: 'userAccess.write',
    target: (d) => ({ page: 'userNew', deploymentId: d }),
  },
]

/** What the session's tier allows (`useAllows`); everything when the caller does not say. */
export type Allows = (action: Action) => boolean
const ANYTHING: Allows = () => true

export function pageEntries(mode: ConsoleMode, deploymentId: string, allows = ANYTHING): PaletteEntry[] {
  return PAGES.filter(
    (p) =>
      (!p.surface || surfaceAvailable(p.surface, mode)) &&
      (!p.scoped || deploymentId) &&
      (!p.action || allows(p.action)),
  ).map((p) => {
    const target = p.target(deploymentId)
    const path = linkTo(mode, target)
    return {
      id: `page:${p.page}`,
      kind: 'page',
      label: p.label,
      keywords: [...p.keywords, path],
      detail: path,
      suggested: true,
      run: { go: target },
    }
  })
}

export function actionEntries(
  mode: ConsoleMode,
  ctx: { deploymentId: string; theme: 'light' | 'dark'; allows?: Allows },
): PaletteEntry[] {
  const next = ctx.theme === 'dark' ? 'light' : 'dark'
  const out: PaletteEntry[] = []
  // Never a command the session cannot run: the wizard's launch needs its tier.
  if (surfaceAvailable('newDeployment', mode) && (ctx.allows ?? ANYTHING)('deployment.launch'))
    out.push({
      id: 'action:new-deployment',
      kind: 'action',
      label: 'New deployment',
      keywords: ['create deployment', 'wizard', 'provision'],
      suggested: true,
      run: { go: { page: 'wizard' } },
    })
  out.push({
    id: 'action:toggle-theme',
    kind: 'action',
    label: `Switch to ${next} theme`,
    keywords: ['toggle theme', 'dark mode', 'light mode', 'appearance'],
    suggested: true,
    run: { action: 'toggle-theme' },
  })
  if (ctx.deploymentId)
    out.push({
      id: 'action:copy-kubeconfig-link',
      kind: 'action',
      label: 'Copy kubeconfig link',
      keywords: ['kubectl', 'download kubeconfig', 'cluster access'],
      suggested: true,
      run: { action: 'copy-kubeconfig-link' },
    })
  out.push({
    id: 'action:sign-out',
    kind: 'action',
    label: 'Sign out',
    keywords: ['log out', 'logout'],
    run: { action: 'sign-out' },
  })
  return out
}

/**
 * Every deployment of the list, by FQDN (label), id and owner; by organisation where the console has the
 * deployment's record (list rows carry no `orgName`, contract §3.1).
 */
export function deploymentEntries(
  rows: readonly DeploymentSummary[],
  orgs: ReadonlyMap<string, string>,
): PaletteEntry[] {
  return rows.map((d) => {
    const org = orgs.get(d.id)
    const keywords = [d.id]
    if (org) keywords.push(org)
    if (d.ownerEmail) keywords.push(d.ownerEmail)
    return {
      id: `dep:${d.id}`,
      kind: 'deployment',
      label: d.sovereignFQDN || `deployment ${d.id.slice(0, 8)}`,
      keywords,
      detail: org ? `${org} · ${d.status}` : d.status,
      run: { go: { page: 'overview', deploymentId: d.id } },
    }
  })
}

/** The jobs of the deployment in scope, by name (groups are folders of the graph, not jobs to open). */
export function jobEntries(deploymentId: string, jobs: readonly Job[]): PaletteEntry[] {
  const out: PaletteEntry[] = []
  for (const j of jobs) {
    if (j.type === 'group') continue
    const keywords: string[] = []
    if (j.displayName && j.displayName !== j.jobName) keywords.push(j.displayName)
    if (j.appId) keywords.push(j.appId)
    out.push({
      id: `job:${deploymentId}:${j.jobName}`,
      kind: 'job',
      label: j.jobName,
      keywords,
      detail: j.region ? `${j.status} · ${j.region}` : j.status,
      run: { go: { page: 'job', deploymentId, jobId: j.jobName } },
    })
  }
  return out
}

/** The catalog's apps, each opening its page on the deployment in scope. */
export function appEntries(deploymentId: string, catalog: readonly CatalogBlueprint[]): PaletteEntry[] {
  return catalog.map((b) => {
    const id = blueprintId(b.name)
    const slug = id.slice('bp-'.length)
    const title = b.card.title || slug
    return {
      id: `app:${id}`,
      kind: 'app',
      label: title,
      keywords: title === slug ? [id] : [slug, id],
      detail: b.card.family,
      run: { go: { page: 'app', deploymentId, componentId: id } },
    }
  })
}
