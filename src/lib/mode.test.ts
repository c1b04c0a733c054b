import { describe, expect, it } from 'vitest'
import { canonicalPath, detectMode, normaliseHost, sovereignFqdnFromHost, type ModeInfo } from './mode.ts'

describe('normaliseHost', () => {
  it.each([
    ['localhost', 'localhost'],
    ['localhost:5173', 'localhost'],
    ['LOCALHOST:5173', 'localhost'],
    ['localhost.', 'localhost'],
    ['  console.openova.io  ', 'console.openova.io'],
    ['console.openova.io:443', 'console.openova.io'],
    ['console.t126.omani.works.localhost:5173', 'console.t126.omani.works'],
    ['CONSOLE.T126.Omani.Works.LocalHost:5173', 'console.t126.omani.works'],
    ['console.t126.omani.works.', 'console.t126.omani.works'],
    ['console.t126.omani.works..', 'console.t126.omani.works'],
    ['console.t126.omani.works.localhost.:5173', 'console.t126.omani.works'],
    ['console.t126.omani.works.localhost.', 'console.t126.omani.works'],
    ['console.t126.omani.works:', 'console.t126.omani.works'],
    ['127.0.0.1:4173', '127.0.0.1'],
    ['[::1]:5173', '[::1]'],
    ['[::1]', '[::1]'],
    ['[2001:db8::1]:8443', '[2001:db8::1]'],
    ['', ''],
  ])('%j → %j', (host, expected) => {
    expect(normaliseHost(host)).toBe(expected)
  })
})

describe('sovereignFqdnFromHost', () => {
  it.each<[string, string | undefined]>([
    // Mothership hosts.
    ['localhost', undefined],
    ['localhost:5173', undefined],
    ['', undefined],
    ['console.openova.io', undefined],
    ['Console.OpenOva.io.', undefined],
    ['console.openova.io.localhost:5173', undefined],
    ['127.0.0.1', undefined],
    ['10.0.0.7:8080', undefined],
    ['[::1]:5173', undefined],
    ['[fe80::1%25eth0]', undefined],
    ['example.com', undefined],
    ['openova.io', undefined],
    ['notconsole.acme.io', undefined],
    ['www.console.acme.io', undefined],
    ['console', undefined],
    ['console.', undefined],
    ['console.localhost', undefined],
    ['console.localhost:5173', undefined],
    ['console..localhost', undefined],
    // Not a valid name after `console.`: stay on the mothership rather than guess.
    ['console.acme', undefined],
    ['console.1.2.3.4', undefined],
    ['console.acme..io', undefined],
    ['console.-acme.io', undefined],
    ['console.acme-.io', undefined],
    ['console.ac_me.io', undefined],
    ['console.acme.io%2f', undefined],
    [`console.${'a'.repeat(64)}.io`, undefined],
    [`console.${'abc.'.repeat(64)}io`, undefined],
    // Sovereign hosts.
    ['console.t126.omani.works', 't126.omani.works'],
    ['console.t126.omani.works:443', 't126.omani.works'],
    ['console.t126.omani.works.', 't126.omani.works'],
    ['console.t126.omani.works.localhost:5173', 't126.omani.works'],
    ['console.t126.omani.works.localhost.:5173', 't126.omani.works'],
    ['CONSOLE.ACME.OMANI.WORKS', 'acme.omani.works'],
    ['console.edge.northwind.eu', 'edge.northwind.eu'],
    ['console.xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['console.a-b.c9.io', 'a-b.c9.io'],
    ['console.console.acme.io', 'console.acme.io'],
  ])('%j → %j', (host, expected) => {
    expect(sovereignFqdnFromHost(host)).toBe(expected)
  })
})

describe('detectMode', () => {
  const cases: Array<{
    name: string
    host: string
    pathname: string
    env?: Record<string, string>
    expected: ModeInfo
  }> = [
    {
      name: 'localhost at the root',
      host: 'localhost:5173',
      pathname: '/deployments',
      expected: { mode: 'mothership', sovereignFQDN: undefined, basepath: '', apiBase: '/api' },
    },
    {
      name: 'localhost under /sovereign',
      host: 'localhost:5173',
      pathname: '/sovereign/deployments',
      expected: {
        mode: 'mothership',
        sovereignFQDN: undefined,
        basepath: '/sovereign',
        apiBase: '/sovereign/api',
      },
    },
    {
      name: 'bare /sovereign',
      host: 'console.openova.io',
      pathname: '/sovereign',
      expected: {
        mode: 'mothership',
        sovereignFQDN: undefined,
        basepath: '/sovereign',
        apiBase: '/sovereign/api',
      },
    },
    {
      name: '/sovereignty is not the basepath',
      host: 'console.openova.io',
      pathname: '/sovereignty/preview',
      expected: { mode: 'mothership', sovereignFQDN: undefined, basepath: '', apiBase: '/api' },
    },
    {
      name: 'an IP under /sovereign',
      host: '192.168.1.10:8080',
      pathname: '/sovereign/wizard',
      expected: {
        mode: 'mothership',
        sovereignFQDN: undefined,
        basepath: '/sovereign',
        apiBase: '/sovereign/api',
      },
    },
    {
      name: 'IPv6 loopback',
      host: '[::1]:4173',
      pathname: '/',
      expected: { mode: 'mothership', sovereignFQDN: undefined, basepath: '', apiBase: '/api' },
    },
    {
      name: 'a Sovereign host',
      host: 'console.t126.omani.works',
      pathname: '/dashboard',
      expected: { mode: 'sovereign', sovereignFQDN: 't126.omani.works', basepath: '', apiBase: '/api' },
    },
    {
      name: 'a stale /sovereign path on a Sovereign host never uses /sovereign/api (regression 9)',
      host: 'console.t126.omani.works.localhost:5173',
      pathname: '/sovereign/login',
      expected: { mode: 'sovereign', sovereignFQDN: 't126.omani.works', basepath: '', apiBase: '/api' },
    },
    {
      name: 'override: sovereign with an FQDN on localhost',
      host: 'localhost:5173',
      pathname: '/sovereign/jobs',
      env: { VITE_CATALYST_MODE: ' Sovereign ', VITE_SOVEREIGN_FQDN: 'ACME.omani.works.' },
      expected: { mode: 'sovereign', sovereignFQDN: 'acme.omani.works', basepath: '', apiBase: '/api' },
    },
    {
      name: 'override: sovereign without an FQDN keeps the host one',
      host: 'console.t126.omani.works',
      pathname: '/',
      env: { VITE_CATALYST_MODE: 'sovereign' },
      expected: { mode: 'sovereign', sovereignFQDN: 't126.omani.works', basepath: '', apiBase: '/api' },
    },
    {
      name: 'override: an invalid FQDN is ignored',
      host: 'localhost',
      pathname: '/',
      env: { VITE_CATALYST_MODE: 'sovereign', VITE_SOVEREIGN_FQDN: 'evil.com/../x' },
      expected: { mode: 'sovereign', sovereignFQDN: undefined, basepath: '', apiBase: '/api' },
    },
    {
      name: 'override: catalyst-zero on a Sovereign host',
      host: 'console.t126.omani.works',
      pathname: '/sovereign/deployments',
      env: { VITE_CATALYST_MODE: 'catalyst-zero' },
      expected: {
        mode: 'mothership',
        sovereignFQDN: undefined,
        basepath: '/sovereign',
        apiBase: '/sovereign/api',
      },
    },
    {
      name: 'override: "mothership" alias',
      host: 'console.acme.io',
      pathname: '/',
      env: { VITE_CATALYST_MODE: 'mothership' },
      expected: { mode: 'mothership', sovereignFQDN: undefined, basepath: '', apiBase: '/api' },
    },
    {
      name: 'override: an unknown value is ignored',
      host: 'console.acme.io',
      pathname: '/',
      env: { VITE_CATALYST_MODE: 'saas' },
      expected: { mode: 'sovereign', sovereignFQDN: 'acme.io', basepath: '', apiBase: '/api' },
    },
    {
      name: 'override: empty string is ignored',
      host: 'localhost',
      pathname: '/',
      env: { VITE_CATALYST_MODE: '' },
      expected: { mode: 'mothership', sovereignFQDN: undefined, basepath: '', apiBase: '/api' },
    },
  ]
  it.each(cases)('$name', ({ host, pathname, env, expected }) => {
    expect(detectMode({ host, pathname }, env)).toEqual(expected)
  })
})

describe('canonicalPath', () => {
  it.each<[string, 'mothership' | 'sovereign', string]>([
    ['/', 'mothership', '/'],
    ['', 'mothership', '/'],
    ['//', 'mothership', '/'],
    ['///', 'sovereign', '/'],
    ['/deployments/', 'mothership', '/deployments'],
    ['//deployments//', 'mothership', '/deployments'],
    ['/provision//abc///jobs/', 'mothership', '/provision/abc/jobs'],
    // The basepath is kept, and %3A is never lowercased or decoded (regression 10).
    [
      '/sovereign/provision/a43364f11c10cde3/jobs/install-nbg1-1%3Acilium/',
      'mothership',
      '/sovereign/provision/a43364f11c10cde3/jobs/install-nbg1-1%3Acilium',
    ],
    [
      '/sovereign//provision/a43364f11c10cde3/jobs/install-nbg1-1%3Acilium',
      'mothership',
      '/sovereign/provision/a43364f11c10cde3/jobs/install-nbg1-1%3Acilium',
    ],
    ['/jobs/install-nbg1-1%3Acilium/', 'sovereign', '/jobs/install-nbg1-1%3Acilium'],
    ['/jobs/install-nbg1-1%3acilium', 'sovereign', '/jobs/install-nbg1-1%3acilium'],
    ['/Deployments', 'mothership', '/Deployments'],
    ['/sovereign', 'mothership', '/sovereign'],
    ['/sovereign/', 'mothership', '/sovereign'],
    // A doubled basepath collapses to one.
    ['/sovereign/sovereign/deployments', 'mothership', '/sovereign/deployments'],
    ['/sovereign/sovereign/sovereign', 'mothership', '/sovereign'],
    // A stale /sovereign prefix on a Sovereign host is dropped (regression 9).
    ['/sovereign/login', 'sovereign', '/login'],
    ['/sovereign', 'sovereign', '/'],
    ['/sovereign/', 'sovereign', '/'],
    ['/sovereign/sovereign/jobs/', 'sovereign', '/jobs'],
    ['/sovereignty/preview', 'sovereign', '/sovereignty/preview'],
    ['/sovereignty/preview', 'mothership', '/sovereignty/preview'],
    // A protocol-relative-looking path becomes a plain same-origin path (never `//evil.com`).
    ['//evil.com/x', 'mothership', '/evil.com/x'],
    ['/%2F%2Fevil.com', 'mothership', '/%2F%2Fevil.com'],
  ])('%j (%s) → %j', (path, mode, expected) => {
    expect(canonicalPath(path, mode)).toBe(expected)
  })

  it('is idempotent', () => {
    for (const p of ['//a//b/', '/sovereign/sovereign/x/', '/sovereign//jobs/a%3Ab/', '/']) {
      for (const mode of ['mothership', 'sovereign'] as const) {
        const once = canonicalPath(p, mode)
        expect(canonicalPath(once, mode)).toBe(once)
      }
    }
  })
})
