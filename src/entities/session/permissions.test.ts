import { describe, expect, it } from 'vitest'
import { ACTIONS, TIERS, type Action } from '../../contracts/tiers.ts'
import { can } from './permissions.ts'

describe('can', () => {
  it('follows the rule table: each action from its tier up, never below', () => {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      const min = TIERS.indexOf(ACTIONS[action].min)
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
