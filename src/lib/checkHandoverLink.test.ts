import { describe, expect, it } from 'vitest'
import { checkHandoverLink } from './checkHandoverLink.ts'

const FQDN = 'acme.omani.works'
const PROD = 'https://console.openova.io'
const LOCAL = 'http://localhost:4321'
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiIxIn0.c2ln'
const GOOD = `https://console.${FQDN}/auth/handover?token=${JWT}`

describe('checkHandoverLink', () => {
  it('follows https://console.<fqdn>/auth/handover?token=… from a production console', () => {
    expect(checkHandoverLink(GOOD, FQDN, PROD)).toEqual({ ok: true, url: GOOD })
  })

  it('follows the same link from a localhost console too', () => {
    expect(checkHandoverLink(GOOD, FQDN, LOCAL)).toEqual({ ok: true, url: GOOD })
  })

  it("follows the mock's console.<fqdn>.localhost form on the console's own port when on localhost", () => {
    const mock = `http://console.${FQDN}.localhost:4321/auth/handover?token=${JWT}`
    expect(checkHandoverLink(mock, FQDN, LOCAL)).toEqual({ ok: true, url: mock })
  })

  it('accepts the deployment fqdn in any case', () => {
    expect(checkHandoverLink(GOOD, 'ACME.omani.works', PROD).ok).toBe(true)
  })

  const refused: [string, string, string, RegExp][] = [
    ['a foreign host', `https://evil.example/auth/handover?token=${JWT}`, PROD, /points to evil\.example/],
    ['plain http in production', `http://console.${FQDN}/auth/handover?token=${JWT}`, PROD, /not https/],
    ['javascript:', 'javascript:alert(document.cookie)//console.acme.omani.works', PROD, /https/],
    ['data:', 'data:text/html,<script>alert(1)</script>', PROD, /https/],
    ['a protocol-relative link', `//console.${FQDN}/auth/handover?token=${JWT}`, PROD, /absolute/],
    ['a relative path', `/auth/handover?token=${JWT}`, PROD, /absolute/],
    [
      'userinfo before a hostile host',
      `https://console.${FQDN}@evil.example/auth/handover?token=${JWT}`,
      PROD,
      /points to evil\.example/,
    ],
    [
      'userinfo before the right host',
      `https://admin:pw@console.${FQDN}/auth/handover?token=${JWT}`,
      PROD,
      /user name or password/,
    ],
    [
      'another port',
      `https://console.${FQDN}:8443/auth/handover?token=${JWT}`,
      PROD,
      /points to console\.acme\.omani\.works:8443/,
    ],
    ['an explicit default port', `https://console.${FQDN}:443/auth/handover?token=${JWT}`, PROD, /plainly/],
    [
      'another path',
      `https://console.${FQDN}/auth/handover-error?token=${JWT}`,
      PROD,
      /path is \/auth\/handover-error/,
    ],
    ['a path under it', `https://console.${FQDN}/auth/handover/../../x?token=${JWT}`, PROD, /path is \/x/],
    [
      'a sibling deployment',
      `https://console.other.omani.works/auth/handover?token=${JWT}`,
      PROD,
      /points to console\.other\.omani\.works/,
    ],
    ['the bare fqdn', `https://${FQDN}/auth/handover?token=${JWT}`, PROD, /points to acme\.omani\.works/],
    ['a suffix trick', `https://console.${FQDN}.evil.example/auth/handover?token=${JWT}`, PROD, /points to/],
    ['a prefix trick', `https://evilconsole.${FQDN}/auth/handover?token=${JWT}`, PROD, /points to/],
    ['a subdomain of the console', `https://x.console.${FQDN}/auth/handover?token=${JWT}`, PROD, /points to/],
    ['a trailing-dot host', `https://console.${FQDN}./auth/handover?token=${JWT}`, PROD, /points to/],
    [
      'backslashes the parser forgives',
      `https:\\\\console.${FQDN}\\auth\\handover?token=${JWT}`,
      PROD,
      /plain https/,
    ],
    ['no token', `https://console.${FQDN}/auth/handover`, PROD, /exactly one handover token/],
    [
      'an extra parameter',
      `https://console.${FQDN}/auth/handover?token=${JWT}&next=https://evil.example`,
      PROD,
      /exactly one/,
    ],
    [
      'a token that is not a JWT',
      `https://console.${FQDN}/auth/handover?token=%3Cscript%3E`,
      PROD,
      /exactly one/,
    ],
    ['a fragment', `https://console.${FQDN}/auth/handover?token=${JWT}#x`, PROD, /fragment/],
    [
      'the localhost form from a production console',
      `http://console.${FQDN}.localhost:4321/auth/handover?token=${JWT}`,
      PROD,
      /not https/,
    ],
    [
      'the localhost form on another port',
      `http://console.${FQDN}.localhost:9999/auth/handover?token=${JWT}`,
      LOCAL,
      /points to/,
    ],
    [
      'a localhost form of another deployment',
      `http://console.other.omani.works.localhost:4321/auth/handover?token=${JWT}`,
      LOCAL,
      /points to/,
    ],
    [
      'plain localhost',
      `http://localhost:4321/auth/handover?token=${JWT}`,
      LOCAL,
      /points to localhost:4321/,
    ],
    ['garbage', 'not a url', PROD, /absolute/],
  ]
  it.each(refused)('refuses %s', (_name, raw, origin, why) => {
    const out = checkHandoverLink(raw, FQDN, origin)
    expect(out.ok).toBe(false)
    if (!out.ok) {
      expect(out.reason).toMatch(/^The handover link catalyst-api answered was not followed: /)
      expect(out.reason).toMatch(why)
    }
  })

  it('refuses everything when the deployment fqdn is not a host name', () => {
    const out = checkHandoverLink(
      `https://console.a@evil.example/auth/handover?token=${JWT}`,
      'a@evil.example',
      PROD,
    )
    expect(out).toEqual({
      ok: false,
      reason:
        'The handover link catalyst-api answered was not followed: "a@evil.example" is not a host name.',
    })
  })
})
