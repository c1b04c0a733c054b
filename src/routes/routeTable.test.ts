import { QueryClient } from '@tanstack/react-query'
import { createMemoryHistory, createRouter } from '@tanstack/react-router'
import { describe, expect, it, vi } from 'vitest'
import { canonicalJobId } from '../contracts/jobs.ts'
import { catalogQueryOptions } from '../entities/catalog/catalogQueries.ts'
import { deploymentsQueryOptions } from '../entities/deployment/deploymentQueries.ts'
import { fleetQueryOptions } from '../entities/fleet/fleetQueries.ts'
import { jobDetailQueryOptions, jobsQueryOptions } from '../entities/job/jobQueries.ts'
import { topologyQueryOptions } from '../entities/topology/topologyQueries.ts'
import { userAccessQueryOptions } from '../entities/user-access/userAccessQueries.ts'
import { bareJobName, linkTo, type LinkTarget } from '../lib/links.ts'
import { detectMode, type ConsoleMode } from '../lib/mode.ts'
import { pageLoaders } from './pageLoaders.ts'
import { buildRouteTree, RESERVED_DEPLOYMENT_WORDS, SOVEREIGN_APP_RESERVED } from './routeTable.tsx'

const DEP = 'a43364f11c10cde3'
const JOB_FULL = `${DEP}:install-nbg1-1:cilium`

/** Every page, with the path it must produce in each mode and the route it must land on. */
const PAGES: Array<{
  target: LinkTarget
  mothership: string
  sovereign: string
  mothershipRoute: string
  sovereignRoute: string
}> = [
  {
    target: { page: 'home' },
    mothership: '/',
    sovereign: '/',
    mothershipRoute: '/authed/',
    sovereignRoute: '/authed/sovereign/',
  },
  {
    target: { page: 'login', next: '/jobs/x', error: 'pin-expired' },
    mothership: '/login?next=/jobs/x&error=pin-expired',
    sovereign: '/login?next=/jobs/x&error=pin-expired',
    mothershipRoute: '/login',
    sovereignRoute: '/login',
  },
  {
    target: { page: 'wizard' },
    mothership: '/wizard',
    sovereign: '/dashboard',
    mothershipRoute: '/authed/wizard',
    sovereignRoute: '/authed/sovereign/dashboard',
  },
  {
    target: { page: 'deployments', search: { sort: 'started', dir: 'desc' } },
    mothership: '/deployments?sort=started&dir=desc',
    sovereign: '/dashboard?sort=started&dir=desc',
    mothershipRoute: '/authed/deployments',
    sovereignRoute: '/authed/sovereign/dashboard',
  },
  {
    target: { page: 'fleet' },
    mothership: '/app/dashboard',
    sovereign: '/dashboard',
    mothershipRoute: '/authed/app/dashboard',
    sovereignRoute: '/authed/sovereign/dashboard',
  },
  {
    target: { page: 'overview', deploymentId: DEP },
    mothership: `/provision/${DEP}`,
    sovereign: '/dashboard',
    mothershipRoute: '/authed/provision/$deploymentId/',
    sovereignRoute: '/authed/sovereign/dashboard',
  },
  {
    target: { page: 'jobs', deploymentId: DEP, search: { status: 'failed', region: 'nbg1-1' } },
    mothership: `/provision/${DEP}/jobs?status=failed&region=nbg1-1`,
    sovereign: '/jobs?status=failed&region=nbg1-1',
    mothershipRoute: '/authed/provision/$deploymentId/jobs',
    sovereignRoute: '/authed/sovereign/jobs',
  },
  {
    target: { page: 'jobsTimeline', deploymentId: DEP },
    mothership: `/provision/${DEP}/jobs/timeline`,
    sovereign: '/jobs/timeline',
    mothershipRoute: '/authed/provision/$deploymentId/jobs/timeline',
    sovereignRoute: '/authed/sovereign/jobs/timeline',
  },
  {
    target: { page: 'job', deploymentId: DEP, jobId: JOB_FULL, search: { depth: '3' }, hash: 'L12' },
    mothership: `/provision/${DEP}/jobs/install-nbg1-1%3Acilium?depth=3#L12`,
    sovereign: '/jobs/install-nbg1-1%3Acilium?depth=3#L12',
    mothershipRoute: '/authed/provision/$deploymentId/jobs/$jobId',
    sovereignRoute: '/authed/sovereign/jobs/$jobId',
  },
  {
    target: { page: 'dashboard', deploymentId: DEP, search: { layers: 'cluster,namespace' } },
    mothership: `/provision/${DEP}/dashboard?layers=cluster,namespace`,
    sovereign: '/dashboard?layers=cluster,namespace',
    mothershipRoute: '/authed/provision/$deploymentId/dashboard',
    sovereignRoute: '/authed/sovereign/dashboard',
  },
  {
    target: { page: 'cloud', deploymentId: DEP, search: { view: 'list', kind: 'load-balancers' } },
    mothership: `/provision/${DEP}/cloud?view=list&kind=load-balancers`,
    sovereign: '/cloud?view=list&kind=load-balancers',
    mothershipRoute: '/authed/provision/$deploymentId/cloud',
    sovereignRoute: '/authed/sovereign/cloud',
  },
  {
    target: { page: 'apps', deploymentId: DEP },
    mothership: `/provision/${DEP}/apps`,
    sovereign: '/apps',
    mothershipRoute: '/authed/provision/$deploymentId/apps',
    sovereignRoute: '/authed/sovereign/apps',
  },
  {
    target: { page: 'app', deploymentId: DEP, componentId: 'bp-alloy' },
    mothership: `/provision/${DEP}/app/bp-alloy`,
    sovereign: '/app/bp-alloy',
    mothershipRoute: '/authed/provision/$deploymentId/app/$componentId',
    sovereignRoute: '/authed/sovereign/app/$componentId',
  },
  {
    target: { page: 'users', deploymentId: DEP },
    mothership: `/provision/${DEP}/users`,
    sovereign: '/users',
    mothershipRoute: '/authed/provision/$deploymentId/users',
    sovereignRoute: '/authed/sovereign/users',
  },
  {
    target: { page: 'userNew', deploymentId: DEP },
    mothership: `/provision/${DEP}/users/new`,
    sovereign: '/users/new',
    mothershipRoute: '/authed/provision/$deploymentId/users/new',
    sovereignRoute: '/authed/sovereign/users/new',
  },
  {
    target: { page: 'userEdit', deploymentId: DEP, name: 'useraccess-owner-ops@acme.io' },
    mothership: `/provision/${DEP}/users/useraccess-owner-ops%40acme.io`,
    sovereign: '/users/useraccess-owner-ops%40acme.io',
    mothershipRoute: '/authed/provision/$deploymentId/users/$name',
    sovereignRoute: '/authed/sovereign/users/$name',
  },
]

function routerFor(mode: ConsoleMode) {
  const info = detectMode({
    host: mode === 'sovereign' ? 'console.t126.omani.works' : 'localhost',
    pathname: '/',
  })
  return createRouter({
    routeTree: buildRouteTree(info),
    history: createMemoryHistory({ initialEntries: ['/'] }),
    context: { queryClient: new QueryClient(), mode: info },
  })
}

/** The route a path lands on, and its decoded params (as the router hands them to pages). */
function resolve(mode: ConsoleMode, href: string) {
  const path = href.split(/[?#]/)[0]!
  const matches = routerFor(mode).matchRoutes(path, {})
  const leaf = matches[matches.length - 1]
  return { routeId: leaf?.routeId, params: (leaf?.params ?? {}) as Record<string, string> }
}

describe('every link lands on a real route in its mode', () => {
  it.each(PAGES)('$target.page', (p) => {
    expect(linkTo('mothership', p.target)).toBe(p.mothership)
    expect(linkTo('sovereign', p.target)).toBe(p.sovereign)
    expect(resolve('mothership', p.mothership).routeId).toBe(p.mothershipRoute)
    expect(resolve('sovereign', p.sovereign).routeId).toBe(p.sovereignRoute)
  })

  it('decodes an encoded deployment id back into one param', () => {
    expect(resolve('mothership', '/provision/a%2Fb%3Fc%23d/jobs').params.deploymentId).toBe('a/b?c#d')
  })
})

describe('job ids round-trip through bareJobName, the URL and the router', () => {
  const jobs = [
    `${DEP}:install-cilium`,
    `${DEP}:install-nbg1-1:cilium`,
    `${DEP}:install-hel1-2:cert-manager`,
    `${DEP}:nbg1-1:bootstrap-kit`,
    `${DEP}:tofu-apply`,
    `${DEP}:handover:mint-token`,
    `${DEP}:job with spaces & ?#%`,
  ]
  it.each(jobs)('%s', (full) => {
    for (const mode of ['mothership', 'sovereign'] as const) {
      const href = linkTo(mode, { page: 'job', deploymentId: DEP, jobId: full })
      // The colon inside the bare name is percent-encoded, never a second route segment.
      expect(href.split('/jobs/')[1]).not.toContain(':')
      const { routeId, params } = resolve(mode, href)
      expect(routeId).toMatch(/jobs\/\$jobId$/)
      expect(params.jobId).toBe(bareJobName(DEP, full))
      expect(canonicalJobId(DEP, params.jobId!)).toBe(full)
    }
  })

  it('the timeline is a page, never a job called "timeline" (regression 12)', () => {
    expect(resolve('mothership', `/provision/${DEP}/jobs/timeline`).routeId).toBe(
      '/authed/provision/$deploymentId/jobs/timeline',
    )
    expect(resolve('sovereign', '/jobs/timeline').routeId).toBe('/authed/sovereign/jobs/timeline')
  })
})

describe('the two trees', () => {
  it('a Sovereign has no mothership pages: /app/<component> is the app detail (regression 2)', () => {
    expect(resolve('sovereign', '/app/bp-alloy')).toEqual({
      routeId: '/authed/sovereign/app/$componentId',
      params: { componentId: 'bp-alloy' },
    })
    expect(resolve('sovereign', '/app/dashboard').routeId).toBe('/authed/sovereign/app/dashboard/$')
    expect(resolve('sovereign', '/app/sre/compliance').routeId).toBe('/authed/sovereign/app/sre/$')
    expect(resolve('sovereign', '/deployments').routeId).toBe('/authed/sovereign/deployments')
    expect(resolve('sovereign', '/wizard').routeId).toBe('/authed/sovereign/wizard')
  })

  it('the mothership keeps /app/dashboard as the fleet and has no clean Sovereign pages', () => {
    expect(resolve('mothership', '/app/dashboard').routeId).toBe('/authed/app/dashboard')
    expect(resolve('mothership', '/jobs').routeId).toBe('__root__')
    expect(resolve('mothership', '/users').routeId).toBe('__root__')
  })

  it('reserved words are never deployment ids (16 hex) nor component ids', () => {
    for (const word of Object.keys(RESERVED_DEPLOYMENT_WORDS)) expect(word).not.toMatch(/^[0-9a-f]{16}$/)
    for (const word of Object.keys(SOVEREIGN_APP_RESERVED)) expect(word).not.toMatch(/^bp-/)
    for (const target of [...Object.values(RESERVED_DEPLOYMENT_WORDS)])
      expect(resolve('mothership', target).routeId).not.toBe('__root__')
    for (const target of [...Object.values(SOVEREIGN_APP_RESERVED)])
      expect(resolve('sovereign', target).routeId).not.toBe('__root__')
  })
})

describe('loaders start each page’s first query before its screen has loaded', () => {
  const keyOf = (q: { queryKey: readonly unknown[] }) => JSON.stringify(q.queryKey)
  const PREFETCHED: Array<{
    mode: ConsoleMode
    routeId: string
    params?: Record<string, string>
    key: string
  }> = [
    { mode: 'mothership', routeId: '/authed/deployments', key: keyOf(deploymentsQueryOptions()) },
    { mode: 'mothership', routeId: '/authed/compare', key: keyOf(deploymentsQueryOptions()) },
    { mode: 'mothership', routeId: '/authed/app/dashboard', key: keyOf(fleetQueryOptions()) },
    {
      mode: 'mothership',
      routeId: '/authed/provision/$deploymentId/jobs',
      key: keyOf(jobsQueryOptions(DEP)),
    },
    {
      mode: 'mothership',
      routeId: '/authed/provision/$deploymentId/jobs/$jobId',
      params: { jobId: 'install-nbg1-1:cilium' },
      key: keyOf(jobDetailQueryOptions(DEP, 'install-nbg1-1:cilium')),
    },
    {
      mode: 'mothership',
      routeId: '/authed/provision/$deploymentId/cloud',
      key: keyOf(topologyQueryOptions(DEP)),
    },
    { mode: 'sovereign', routeId: '/authed/sovereign/jobs/timeline', key: keyOf(jobsQueryOptions(DEP)) },
    { mode: 'sovereign', routeId: '/authed/sovereign/apps', key: keyOf(catalogQueryOptions()) },
    {
      mode: 'sovereign',
      routeId: '/authed/sovereign/users/$name',
      params: { name: 'sre-oncall' },
      key: keyOf(userAccessQueryOptions('sovereign', DEP)),
    },
    { mode: 'sovereign', routeId: '/authed/sovereign/settings', key: keyOf(topologyQueryOptions(DEP)) },
  ]

  it.each(PREFETCHED)('$mode $routeId', async ({ mode, routeId, params = {}, key }) => {
    // The request never answers: the loader must not wait for it, only start it.
    const fetch = vi.fn(() => new Promise<Response>(() => undefined))
    vi.stubGlobal('fetch', fetch)
    try {
      const router = routerFor(mode)
      const queryClient = router.options.context!.queryClient
      const loader = router.routesById[routeId as keyof typeof router.routesById]!.options.loader as (
        args: unknown,
      ) => unknown
      const context = { ...router.options.context, deploymentId: DEP }
      expect(
        loader({ context, params: { deploymentId: DEP, ...params }, location: { search: {} } }),
      ).toBeUndefined()
      // The query options come in with their chunk: the request starts once it is there.
      await vi.waitFor(() => expect(queryClient.getQueryCache().getAll().map(keyOf)).toContain(key))
      const query = queryClient
        .getQueryCache()
        .getAll()
        .find((q) => keyOf(q) === key)!
      expect(query.state.fetchStatus).toBe('fetching')
      expect(fetch).toHaveBeenCalled()
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('a malformed or missing deployment id starts nothing (the page says so itself)', () => {
    const router = routerFor('mothership')
    const queryClient = router.options.context!.queryClient
    const base = router.options.context!
    const location = { search: {} }
    pageLoaders.jobs({
      context: { ...base, deploymentId: 'x<y', malformedDeploymentId: true },
      params: {},
      location,
    })
    pageLoaders.jobs({ context: { ...base }, params: {}, location })
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0)
  })
})
