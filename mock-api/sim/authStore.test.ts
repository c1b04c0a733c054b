import { describe, expect, it } from 'vitest'
import { AuthStore } from './authStore.ts'

const T0 = Date.parse('2026-05-14T10:00:00Z')

describe('AuthStore', () => {
  it('rate-limits PIN requests per email, with the seconds left', () => {
    const a = new AuthStore()
    expect(a.issuePin('ops@acme.io', T0).ok).toBe(true)
    expect(a.issuePin('OPS@acme.io', T0 + 15_000)).toEqual({ ok: false, retryAfterSec: 45 })
    expect(a.issuePin('other@acme.io', T0 + 15_000).ok).toBe(true)
    expect(a.issuePin('ops@acme.io', T0 + 60_000).ok).toBe(true)
  })

  it('reset forgets PINs (so a reset clock at the same instant is not rate-limited), sessions and handovers', () => {
    const a = new AuthStore()
    const issued = a.issuePin('ops@acme.io', T0)
    const session = a.createSession('ops@acme.io', 'owner', 'mothership', T0)
    const { token } = a.mintHandover('b2c4d6e8f0a1b3c5', 'acme.omani.works', 'ops@acme.io', T0)
    a.reset()
    expect(a.latestPin('ops@acme.io')).toBeUndefined()
    expect(a.session(session.token, 'mothership', T0)).toBeUndefined()
    expect(a.redeemHandover(token, 'acme.omani.works', T0)).toEqual({ ok: false, reason: 'token expired' })
    expect(issued.ok).toBe(true)
    expect(a.issuePin('ops@acme.io', T0).ok).toBe(true)
  })

  it('counts down attempts, then refuses with attempts-exceeded', () => {
    const a = new AuthStore()
    const issued = a.issuePin('ops@acme.io', T0)
    if (!issued.ok) throw new Error('issue failed')
    const wrong = issued.pin === '000000' ? '111111' : '000000'
    const verify = () => a.verifyPin('ops@acme.io', wrong, issued.requestId, T0, 'mothership')
    expect(verify()).toMatchObject({ ok: false, status: 401, attemptsRemaining: 2 })
    expect(verify()).toMatchObject({ ok: false, status: 401, attemptsRemaining: 1 })
    expect(verify()).toMatchObject({ ok: false, status: 410, error: 'attempts-exceeded' })
  })

  it('a handover token signs in once', () => {
    const a = new AuthStore()
    const { token } = a.mintHandover('b2c4d6e8f0a1b3c5', 'acme.omani.works', 'ops@acme.io', T0)
    expect(a.redeemHandover(token, 'acme.omani.works', T0)).toMatchObject({ ok: true })
    expect(a.redeemHandover(token, 'acme.omani.works', T0)).toEqual({
      ok: false,
      reason: 'token already used',
    })
  })
})
