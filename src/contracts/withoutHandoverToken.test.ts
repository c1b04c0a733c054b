import { describe, expect, it } from 'vitest'
import { DeploymentEvents, DeploymentState, HandoverReady } from './deployments.ts'
import { STATE_ADOPTED, STATE_READY } from './golden/deployments.golden.ts'
import { withoutHandoverToken } from './withoutHandoverToken.ts'

const URL_WITH_TOKEN = 'https://console.acme.omani.works/auth/handover?token=eyJ.e30.c2ln'

describe('withoutHandoverToken', () => {
  it('drops handoverURL from the value and its result, and says one was offered', () => {
    const out = withoutHandoverToken({
      id: 'x',
      handoverURL: URL_WITH_TOKEN,
      result: { handoverURL: URL_WITH_TOKEN, phase1Outcome: 'ready' },
    })
    expect(out).toEqual({ id: 'x', result: { phase1Outcome: 'ready' }, handoverOffered: true })
  })

  it('counts a link in result alone as offered', () => {
    const out = withoutHandoverToken({ id: 'x', result: { handoverURL: URL_WITH_TOKEN } })
    expect(out).toEqual({ id: 'x', result: {}, handoverOffered: true })
  })

  it('offers nothing without a link (absent, empty, null result) and keeps the rest as is', () => {
    expect(withoutHandoverToken({ id: 'x' })).toEqual({ id: 'x', handoverOffered: false })
    expect(withoutHandoverToken({ id: 'x', handoverURL: '' })).toEqual({ id: 'x', handoverOffered: false })
    expect(withoutHandoverToken({ id: 'x', result: null })).toEqual({
      id: 'x',
      result: null,
      handoverOffered: false,
    })
  })

  it('does not change its argument', () => {
    const input = { handoverURL: URL_WITH_TOKEN, result: { handoverURL: URL_WITH_TOKEN } }
    withoutHandoverToken(input)
    expect(input.handoverURL).toBe(URL_WITH_TOKEN)
    expect(input.result.handoverURL).toBe(URL_WITH_TOKEN)
  })
})

describe('the contract edge drops the token', () => {
  it('GET /deployments/{id} (and the done frame) of a ready deployment: no token left anywhere', () => {
    const state = DeploymentState.parse(STATE_READY)
    expect(JSON.stringify(state)).not.toContain('token=')
    expect(state.handoverOffered).toBe(true)
    expect(state.handoverFiredAt).toBe('2026-05-12T06:00:03Z')
  })

  it('an adopted deployment offers no handover', () => {
    expect(DeploymentState.parse(STATE_ADOPTED).handoverOffered).toBe(false)
  })

  it('the events backfill carries the same state without the token', () => {
    const res = DeploymentEvents.parse({ state: STATE_READY, events: [], done: true })
    expect(JSON.stringify(res)).not.toContain('token=')
    expect(res.state.handoverOffered).toBe(true)
  })

  it('the named handover-ready frame keeps only its expiry', () => {
    const frame = HandoverReady.parse({ handoverURL: URL_WITH_TOKEN, expiresAt: '2026-05-12T06:05:03Z' })
    expect(frame).toEqual({ expiresAt: '2026-05-12T06:05:03Z', handoverOffered: true })
  })
})
