import { describe, expect, it } from 'vitest'
import { ACTION_MIN, TIERS, type Action } from '../../contracts/tiers.ts'
import { ApiError } from '../../lib/http.ts'
import { can, refusalOf, sessionTier } from './permissions.ts'

describe('can', () => {
  it('follows the rule table: each action from its tier up, never below', () => {
    for (const action of Object.keys(ACTION_MIN) as Action[]) {
      const min = TIERS.indexOf(ACTION_MIN[action])
      TIERS.forEach((tier, i) => expect(can(tier, action).allowed, `${tier} ${action}`).toBe(i >= min))
    }
  })

  it('names the tier in words when refusing', () => {
    expect(can('viewer', 'job.retry')).toEqual({
      allowed: false,
      reason: 'Your role (viewer) cannot retry a job: it needs an operator or above.',
    })
    expect(can('developer', 'userAccess.write').reason).toBe(
      'Your role (developer) cannot change user access: it needs an admin or above.',
    )
    expect(can('operator', 'deployment.launch')).toEqual({ allowed: true, reason: undefined })
  })

  it('an unknown or missing tier may do nothing', () => {
    expect(can(undefined, 'watch.refresh').allowed).toBe(false)
    expect(can('superuser', 'watch.refresh').reason).toContain('Your role (superuser)')
  })
})

describe('sessionTier', () => {
  it('reads whoami.tier, else the highest catalyst-<tier> realm role, else nothing', () => {
    expect(sessionTier({ tier: 'viewer', realm_access: { roles: ['catalyst-owner'] } })).toBe('viewer')
    expect(
      sessionTier({ realm_access: { roles: ['offline_access', 'catalyst-viewer', 'catalyst-admin'] } }),
    ).toBe('admin')
    expect(sessionTier({ realm_access: { roles: ['catalyst-superuser'] } })).toBeUndefined()
    expect(sessionTier({})).toBeUndefined()
  })
})

describe('refusalOf', () => {
  const err = (status: number, code: string | undefined, body?: Record<string, unknown>) =>
    new ApiError('x', 'http', status, code, body, '/v1/x')
  it("a tier 403 reads the server's detail, or the console's words when it sent none", () => {
    const detail = 'Your role (viewer) cannot retry a job: it needs an operator or above.'
    expect(refusalOf(err(403, 'forbidden', { error: 'forbidden', detail }), 'viewer', 'job.retry')).toBe(
      detail,
    )
    expect(refusalOf(err(403, 'forbidden', { error: 'forbidden' }), 'developer', 'app.publish')).toBe(
      'Your role (developer) cannot publish apps to the marketplace: it needs an admin or above.',
    )
  })
  it('anything else is left to the screen', () => {
    expect(refusalOf(err(403, 'orgEmail must match'), 'owner', 'deployment.launch')).toBeUndefined()
    expect(refusalOf(err(409, 'not-handover-ready'), 'owner', 'handover.mint')).toBeUndefined()
    expect(refusalOf(new Error('boom'), 'owner', 'job.retry')).toBeUndefined()
  })
})
