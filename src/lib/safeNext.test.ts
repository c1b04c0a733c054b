import { describe, expect, it } from 'vitest'
import { sanitiseNext } from './safeNext.ts'

describe('sanitiseNext keeps same-origin paths', () => {
  it.each<[string, string]>([
    ['/', '/'],
    ['/deployments', '/deployments'],
    ['/jobs/x', '/jobs/x'],
    ['/deployments?sort=started&dir=desc', '/deployments?sort=started&dir=desc'],
    ['/jobs?folded=a:b,c#top', '/jobs?folded=a:b,c#top'],
    // Escapes are kept exactly (the router decodes them): `%3A` stays `%3A`.
    [
      '/provision/a43364f11c10cde3/jobs/install-nbg1-1%3Acilium',
      '/provision/a43364f11c10cde3/jobs/install-nbg1-1%3Acilium',
    ],
    ['/jobs/install-nbg1-1:cilium', '/jobs/install-nbg1-1:cilium'],
    ['/users/j%C3%BCrgen', '/users/j%C3%BCrgen'],
    ['/app/bp-alloy?tab=logs', '/app/bp-alloy?tab=logs'],
    ['/sovereignty/preview', '/sovereignty/preview'],
    ['/loginx', '/loginx'],
    ['/jobs?next=/login', '/jobs?next=/login'],
    // The basepath is the router's business: never doubled (regression 6).
    ['/sovereign/deployments', '/deployments'],
    ['/sovereign/sovereign/deployments', '/deployments'],
    ['/sovereign', '/'],
    ['/sovereign/', '/'],
    ['/sovereign?x=1', '/?x=1'],
    ['/sovereign#h', '/#h'],
    ['/sovereign/provision/abc/jobs/a%3Ab', '/provision/abc/jobs/a%3Ab'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitiseNext(raw)).toBe(expected)
  })
})

describe('sanitiseNext drops hostile or useless values', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { toString: () => '/deployments' }],
    ['an array', ['/deployments']],
    ['empty', ''],
    ['relative path', 'deployments'],
    ['protocol-relative', '//evil.com'],
    ['protocol-relative with path', '//evil.com/login'],
    ['triple slash', '///evil.com'],
    ['absolute URL', 'https://evil.com'],
    ['absolute URL, same host', 'http://localhost:5173/deployments'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['javascript scheme, mixed case', 'JaVaScRiPt:alert(1)'],
    ['data URL', 'data:text/html,<script>alert(1)</script>'],
    ['scheme after a slash', '/javascript:alert(1)'],
    ['backslash host', '/\\evil.com'],
    ['double backslash', '\\\\evil.com'],
    ['backslash later', '/jobs\\..\\x'],
    ['encoded backslash', '/%5Cevil.com'],
    ['encoded protocol-relative, no leading slash', '%2F%2Fevil.com'],
    ['encoded protocol-relative', '/%2F%2Fevil.com'],
    ['half-encoded protocol-relative', '/%2Fevil.com'],
    ['lowercase encoding', '/%2f%2fevil.com'],
    ['double slash inside', '/jobs//evil.com'],
    ['sovereign then protocol-relative', '/sovereign//evil.com'],
    ['sovereign then encoded //', '/sovereign/%2F%2Fevil.com'],
    ['dot segment', '/../evil'],
    ['encoded dot segment', '/%2E%2E/%2E%2E/evil'],
    ['dot segment inside', '/jobs/./x'],
    ['NUL', '/jobs\u0000x'],
    ['tab', '/\t/evil.com'],
    ['tab inside', '/jobs\tx'],
    ['newline', '/jobs\nLocation: https://evil.com'],
    ['carriage return', '/jobs\r\nx'],
    ['encoded newline', '/jobs%0Ax'],
    ['encoded NUL', '/jobs%00x'],
    ['encoded tab', '/%09/evil.com'],
    ['space', '/jobs x'],
    ['leading space', ' /deployments'],
    ['non-breaking space', '/jobs\u00a0x'],
    ['DEL', '/jobs\u007fx'],
    ['C1 control', '/jobs\u0085x'],
    ['RTL override', '/jobs\u202Etxt.exe'],
    ['encoded RTL override', '/jobs%E2%80%AEx'],
    ['LTR isolate', '/jobs\u2066x'],
    ['zero-width space', '/jobs\u200Bx'],
    ['line separator', '/jobs\u2028x'],
    ['BOM', '/\ufeffjobs'],
    ['ideographic space', '/jobs\u3000x'],
    ['malformed escape', '/jobs%E0%A4%A'],
    ['lone percent', '/jobs%'],
    ['over-long', `/${'a'.repeat(2048)}`],
    ['full-width solidus', '／／evil.com'],
    // Sign-in pages would loop.
    ['login', '/login'],
    ['login with slash', '/login/'],
    ['login verify', '/login/verify?email=a@b.c'],
    ['login with query', '/login?next=/deployments'],
    ['login, other case', '/LOGIN'],
    ['login under the basepath', '/sovereign/login'],
    ['encoded login', '/%6Cogin'],
  ])('%s', (_name, raw) => {
    expect(sanitiseNext(raw)).toBeUndefined()
  })
})

describe('sanitiseNext output', () => {
  it('is a fixed point (sanitising twice changes nothing)', () => {
    for (const raw of ['/sovereign/sovereign/jobs', '/deployments?x=1', '/jobs/a%3Ab#L12', '/sovereign']) {
      const once = sanitiseNext(raw)
      expect(sanitiseNext(once)).toBe(once)
    }
  })

  it('never starts with // or the basepath', () => {
    const samples = ['/sovereign//x', '/sovereign/sovereign//x', '/sovereign/sovereign', '/sovereign/%2F/x']
    for (const raw of samples) {
      const out = sanitiseNext(raw)
      if (out !== undefined) {
        expect(out.startsWith('//')).toBe(false)
        expect(out.startsWith('/sovereign/')).toBe(false)
      }
    }
  })
})
