import { describe, expect, it } from 'vitest'
import { landingAfterSignIn } from './landing.ts'

describe('landingAfterSignIn', () => {
  it.each<[string, 'mothership' | 'sovereign', unknown, string]>([
    ['no next, Sovereign', 'sovereign', undefined, '/dashboard'],
    ['no next, mothership', 'mothership', undefined, '/wizard'],
    ['next wins on a Sovereign', 'sovereign', '/jobs/x', '/jobs/x'],
    ['next wins on the mothership', 'mothership', '/jobs/x', '/jobs/x'],
    ['next with the basepath is not doubled', 'mothership', '/sovereign/deployments', '/deployments'],
    ['the root is the default', 'sovereign', '/', '/dashboard'],
    ['protocol-relative dropped', 'mothership', '//evil.com', '/wizard'],
    ['absolute URL dropped', 'sovereign', 'https://evil.com', '/dashboard'],
    ['backslash dropped', 'mothership', '/\\evil.com', '/wizard'],
    ['javascript dropped', 'sovereign', 'javascript:alert(1)', '/dashboard'],
    ['login loop dropped', 'mothership', '/login?next=/x', '/wizard'],
    [
      'encoded job id kept exactly',
      'sovereign',
      '/jobs/install-nbg1-1%3Acilium',
      '/jobs/install-nbg1-1%3Acilium',
    ],
  ])('%s', (_name, mode, next, expected) => {
    expect(landingAfterSignIn(mode, next)).toBe(expected)
  })
})
