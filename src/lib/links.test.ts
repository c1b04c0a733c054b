import { describe, expect, it } from 'vitest'
import {
  absoluteHref,
  bareJobName,
  linkTo,
  parseSearch,
  sovereignConsoleUrl,
  stringifySearch,
  httpUrlOrUndefined,
  isHostName,
  type LinkTarget,
  type PageName,
} from './links.ts'

const DEP = 'a43364f11c10cde3'
const JOB_FULL = `${DEP}:install-nbg1-1:cilium`

/** Every page, with the path it must produce in each mode (routeTable.test.ts checks where each lands). */
const PAGES: Array<{
  target: LinkTarget
  mothership: string
  sovereign: string
}> = [
  {
    target: { page: 'home' },
    mothership: '/',
    sovereign: '/',
  },
  {
    target: { page: 'login', next: '/jobs/x', error: 'pin-expired' },
    mothership: '/login?next=/jobs/x&error=pin-expired',
    sovereign: '/login?next=/jobs/x&error=pin-expired',
  },
  {
    target: { page: 'wizard' },
    mothership: '/wizard',
    sovereign: '/dashboard',
  },
  {
    target: { page: 'deployments', search: { sort: 'started', dir: 'desc' } },
    mothership: '/deployments?sort=started&dir=desc',
    sovereign: '/dashboard?sort=started&dir=desc',
  },
  {
    target: { page: 'fleet' },
    mothership: '/app/dashboard',
    sovereign: '/dashboard',
  },
  {
    target: { page: 'compare', search: { a: DEP, b: 'b2c4d6e8f0a1b3c5', sort: 'delta', dir: 'desc' } },
    mothership: `/compare?a=${DEP}&b=b2c4d6e8f0a1b3c5&sort=delta&dir=desc`,
    sovereign: `/dashboard?a=${DEP}&b=b2c4d6e8f0a1b3c5&sort=delta&dir=desc`,
  },
  {
    target: { page: 'overview', deploymentId: DEP },
    mothership: `/provision/${DEP}`,
    sovereign: '/dashboard',
  },
  {
    target: { page: 'jobs', deploymentId: DEP, search: { status: 'failed', region: 'nbg1-1' } },
    mothership: `/provision/${DEP}/jobs?status=failed&region=nbg1-1`,
    sovereign: '/jobs?status=failed&region=nbg1-1',
  },
  {
    target: { page: 'jobsTimeline', deploymentId: DEP },
    mothership: `/provision/${DEP}/jobs/timeline`,
    sovereign: '/jobs/timeline',
  },
  {
    target: { page: 'job', deploymentId: DEP, jobId: JOB_FULL, search: { depth: '3' }, hash: 'L12' },
    mothership: `/provision/${DEP}/jobs/install-nbg1-1%3Acilium?depth=3#L12`,
    sovereign: '/jobs/install-nbg1-1%3Acilium?depth=3#L12',
  },
  {
    target: { page: 'dashboard', deploymentId: DEP, search: { layers: 'cluster,namespace' } },
    mothership: `/provision/${DEP}/dashboard?layers=cluster,namespace`,
    sovereign: '/dashboard?layers=cluster,namespace',
  },
  {
    target: { page: 'cloud', deploymentId: DEP, search: { view: 'list', kind: 'load-balancers' } },
    mothership: `/provision/${DEP}/cloud?view=list&kind=load-balancers`,
    sovereign: '/cloud?view=list&kind=load-balancers',
  },
  {
    target: { page: 'apps', deploymentId: DEP },
    mothership: `/provision/${DEP}/apps`,
    sovereign: '/apps',
  },
  {
    target: { page: 'app', deploymentId: DEP, componentId: 'bp-alloy' },
    mothership: `/provision/${DEP}/app/bp-alloy`,
    sovereign: '/app/bp-alloy',
  },
  {
    target: { page: 'users', deploymentId: DEP },
    mothership: `/provision/${DEP}/users`,
    sovereign: '/users',
  },
  {
    target: { page: 'userNew', deploymentId: DEP },
    mothership: `/provision/${DEP}/users/new`,
    sovereign: '/users/new',
  },
  {
    target: { page: 'userEdit', deploymentId: DEP, name: 'useraccess-owner-ops@acme.io' },
    mothership: `/provision/${DEP}/users/useraccess-owner-ops%40acme.io`,
    sovereign: '/users/useraccess-owner-ops%40acme.io',
  },
]

describe('linkTo', () => {
  it('covers every page name', () => {
    const all: PageName[] = [
      'home',
      'login',
      'wizard',
      'deployments',
      'fleet',
      'compare',
      'overview',
      'jobs',
      'jobsTimeline',
      'job',
      'dashboard',
      'cloud',
      'apps',
      'app',
      'users',
      'userNew',
      'userEdit',
    ]
    expect(new Set(PAGES.map((p) => p.target.page))).toEqual(new Set(all))
  })

  it.each(PAGES)('$target.page builds the mode’s path', (p) => {
    expect(linkTo('mothership', p.target)).toBe(p.mothership)
    expect(linkTo('sovereign', p.target)).toBe(p.sovereign)
  })

  it('never produces a mothership path on a Sovereign', () => {
    for (const p of PAGES)
      expect(linkTo('sovereign', p.target)).not.toMatch(/^\/(provision|wizard|deployments)|^\/app\/dashboard/)
  })

  it('encodes hostile ids into one path segment each', () => {
    const dep = 'a/b?c#d'
    expect(linkTo('mothership', { page: 'jobs', deploymentId: dep })).toBe('/provision/a%2Fb%3Fc%23d/jobs')
    expect(linkTo('sovereign', { page: 'app', deploymentId: dep, componentId: '../x?y' })).toBe(
      '/app/..%2Fx%3Fy',
    )
    expect(linkTo('mothership', { page: 'userEdit', deploymentId: DEP, name: 'a b/c' })).toBe(
      `/provision/${DEP}/users/a%20b%2Fc`,
    )
  })
})

describe('bareJobName', () => {
  it('strips only the deployment prefix, not "anything before a colon" (regression 25)', () => {
    expect(bareJobName(DEP, `${DEP}:install-nbg1-1:cilium`)).toBe('install-nbg1-1:cilium')
    expect(bareJobName(DEP, 'install-nbg1-1:cilium')).toBe('install-nbg1-1:cilium')
    expect(bareJobName(DEP, 'ffffffffffffffff:install-cilium')).toBe('ffffffffffffffff:install-cilium')
    expect(bareJobName('', `${DEP}:x`)).toBe(`${DEP}:x`)
  })
})

describe('search serialisation', () => {
  it.each<[Record<string, unknown>, string]>([
    [{}, ''],
    [{ a: undefined, b: null, c: '', d: false, e: [] }, ''],
    [{ sort: 'started', dir: 'desc' }, '?sort=started&dir=desc'],
    [{ folded: ['a:b', 'c'] }, '?folded=a:b,c'],
    [{ n: 3, on: true }, '?n=3&on=1'],
    [{ q: 'a b&c=d#e+f' }, '?q=a%20b%26c%3Dd%23e%2Bf'],
    [{ next: '/jobs/install-nbg1-1%3Acilium' }, '?next=/jobs/install-nbg1-1%253Acilium'],
    [{ email: 'ops@acme.io' }, '?email=ops@acme.io'],
    [{ 'we ird': 'ü' }, '?we%20ird=%C3%BC'],
  ])('%j → %j', (search, expected) => {
    expect(stringifySearch(search as never)).toBe(expected)
  })

  it.each([
    { q: 'a b&c=d#e+f' },
    { folded: 'a:b,c', depth: 'all' },
    { next: '/jobs/install-nbg1-1%3Acilium?x=1' },
    { email: 'ops+tag@acme.io', requestId: 'abc' },
    { u: 'ü/✓' },
  ])('round-trips %j', (search) => {
    expect(parseSearch(stringifySearch(search))).toEqual(search)
  })

  it('parses with or without "?" and keeps the last of repeated keys', () => {
    expect(parseSearch('?a=1&a=2&b=x%20y')).toEqual({ a: '2', b: 'x y' })
    expect(parseSearch('a=1')).toEqual({ a: '1' })
    expect(parseSearch('')).toEqual({})
  })
})

describe('absoluteHref and sovereignConsoleUrl', () => {
  it.each<[string, string, string]>([
    ['', '/deployments', '/deployments'],
    ['/sovereign', '/deployments', '/sovereign/deployments'],
    ['/sovereign', '/', '/sovereign'],
    ['', '/', '/'],
    [
      '/sovereign',
      `/provision/${DEP}/jobs/install-nbg1-1%3Acilium`,
      `/sovereign/provision/${DEP}/jobs/install-nbg1-1%3Acilium`,
    ],
  ])('%j + %j → %j', (base, path, expected) => {
    expect(absoluteHref(base, path)).toBe(expected)
  })

  it.each<[{ protocol: string; hostname: string; port: string }, string]>([
    [{ protocol: 'http:', hostname: 'localhost', port: '5173' }, 'http://console.acme.io.localhost:5173/'],
    [{ protocol: 'http:', hostname: '127.0.0.1', port: '' }, 'http://console.acme.io.localhost/'],
    [
      { protocol: 'http:', hostname: 'console.t126.omani.works.localhost', port: '4173' },
      'http://console.acme.io.localhost:4173/',
    ],
    [{ protocol: 'https:', hostname: 'console.openova.io', port: '' }, 'https://console.acme.io/'],
  ])('%j', (here, expected) => {
    expect(sovereignConsoleUrl('acme.io', here)).toBe(expected)
  })

  it.each([
    'evil.example/x?',
    'a@evil.example',
    'evil.example#',
    'javascript:alert(1)',
    '<img src=x onerror=alert(1)>.omani.works',
    '\u202Eskrow.inamo.evil',
    'localhost',
    '',
    `${'a'.repeat(64)}.omani.works`,
    `${'a.'.repeat(130)}works`,
  ])('no console URL for a FQDN that is not a host name: %j', (fqdn) => {
    expect(sovereignConsoleUrl(fqdn, { protocol: 'https:', hostname: 'console.openova.io', port: '' })).toBe(
      '',
    )
    expect(isHostName(fqdn)).toBe(false)
  })
})

describe('httpUrlOrUndefined', () => {
  it.each<[string | undefined, string | undefined]>([
    ['https://console.acme.io/auth/handover?token=x', 'https://console.acme.io/auth/handover?token=x'],
    [
      'http://console.acme.io.localhost:4173/auth/handover?token=x',
      'http://console.acme.io.localhost:4173/auth/handover?token=x',
    ],
    ['javascript:alert(1)', undefined],
    [' JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['//evil.example/x', undefined],
    ['/auth/handover?token=x', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (raw, expected) => {
    expect(httpUrlOrUndefined(raw)).toBe(expected)
  })
})
