import { PinIssueRequest, PinVerifyRequest } from '../../src/contracts/auth.ts'
import { SESSION_TTL_MS } from '../sim/authStore.ts'
import type { ApiRouter, Handler } from './types.ts'

const TIERS = ['viewer', 'developer', 'operator', 'admin', 'owner']

export function authRoutes(r: ApiRouter): void {
  r.add('POST', 'auth/pin/issue', async (ctx) => {
    const body = await ctx.body(PinIssueRequest, () => ctx.json(400, { error: 'email-required' }))
    if (!body) return
    const out = ctx.sim.auth.issuePin(body.email, ctx.sim.now())
    if (!out.ok) {
      ctx.json(
        429,
        { error: 'pin-rate-limited', retryAfterSec: out.retryAfterSec },
        { 'retry-after': String(out.retryAfterSec) },
      )
      return
    }
    ctx.sim.onPinIssued?.(body.email, out.pin)
    ctx.json(200, { ok: true, sent: true, requestId: out.requestId, expiresInSec: 600 })
  })

  r.add('POST', 'auth/pin/verify', async (ctx) => {
    const body = await ctx.body(PinVerifyRequest, (detail) =>
      ctx.json(400, { error: detail.includes('pin') ? 'pin-invalid' : 'invalid-body', detail }),
    )
    if (!body) return
    const out = ctx.sim.auth.verifyPin(body.email, body.pin, body.requestId, ctx.sim.now(), ctx.scope)
    if (!out.ok) {
      ctx.json(out.status, {
        error: out.error,
        ...(out.attemptsRemaining !== undefined ? { attemptsRemaining: out.attemptsRemaining } : {}),
      })
      return
    }
    ctx.json(200, { ok: true }, { 'set-cookie': ctx.sessionCookie(out.session.token, SESSION_TTL_MS / 1000) })
  })

  // Env-gated dev login in the real backend; always on in the mock so tests can skip the PIN round-trip.
  r.add('POST', 'auth/test-session', (ctx) => {
    const tier = ctx.query.get('tier') ?? 'owner'
    if (!TIERS.includes(tier)) return ctx.json(400, { error: 'invalid-tier' })
    const email = (ctx.query.get('email') ?? 'operator@openova.io').toLowerCase()
    const s = ctx.sim.auth.createSession(email, tier, ctx.scope, ctx.sim.now())
    ctx.json(
      200,
      { ok: true, email, tier },
      { 'set-cookie': ctx.sessionCookie(s.token, SESSION_TTL_MS / 1000) },
    )
  })

  const logout: Handler = (ctx) => {
    ctx.sim.auth.endSession(ctx.session?.token)
    ctx.json(
      200,
      { ok: true },
      {
        'set-cookie': [ctx.sessionCookie('', 0), 'catalyst_refresh=; Path=/; Max-Age=0'],
      },
    )
  }
  r.add('DELETE', 'auth/session', logout)
  r.add('POST', 'auth/session', logout)

  for (const retired of ['auth/callback', 'auth/magic']) {
    r.add('GET', retired, (ctx) => ctx.empty(302, { location: '/login?error=flow_changed' }))
  }

  r.add('GET', 'whoami', (ctx) => {
    const s = ctx.requireSession()
    if (!s) return
    const sovereign = ctx.host.mode === 'sovereign' ? ctx.host : undefined
    ctx.json(200, {
      email: s.email,
      sub: s.email,
      verified: true,
      tier: s.tier,
      realm_access: { roles: [`catalyst-${s.tier}`] },
      ...(sovereign
        ? {
            mode: 'sovereign',
            deploymentId:
              ctx.sim.stampedAt(sovereign.rec) === undefined
                ? syntheticSovereignId(sovereign.fqdn)
                : sovereign.rec.spec.id,
            sovereignFQDN: sovereign.fqdn,
          }
        : {}),
    })
  })

  // A fresh Sovereign's catalyst-api does not know its deployment id until the cutover hands the record
  // over: until then 503, and the chroot goes by the synthetic id `sovereign-<fqdn>`.
  r.add('GET', 'sovereign/self', (ctx) => {
    if (ctx.host.mode !== 'sovereign') return ctx.json(404, { error: 'not-a-sovereign' })
    if (ctx.sim.stampedAt(ctx.host.rec) === undefined)
      return ctx.json(503, { error: 'deployment-id-not-yet-stamped', fqdn: ctx.host.fqdn })
    ctx.json(200, { deploymentId: ctx.host.rec.spec.id, sovereignFQDN: ctx.host.fqdn })
  })
}

/** The id a chroot goes by before its real deployment id is stamped (contract §2.9). */
export function syntheticSovereignId(fqdn: string): string {
  return `sovereign-${fqdn}`
}

/** `GET /auth/handover?token=` at the root (no /api): verify, adopt, sign in, 302 → /dashboard. */
export const handoverLanding: Handler = (ctx) => {
  if (ctx.host.mode !== 'sovereign') return ctx.json(404, { error: 'not-a-sovereign' })
  const token = ctx.query.get('token') ?? ''
  const fail = (reason: string) =>
    ctx.empty(302, { location: `/auth/handover-error?reason=${encodeURIComponent(reason)}` })
  if (!token) return fail('missing token')
  const out = ctx.sim.auth.redeemHandover(token, ctx.host.fqdn, ctx.sim.now())
  if (!out.ok) return fail(out.reason)
  if (out.deploymentId !== ctx.host.rec.spec.id) return fail('token is for another Sovereign')
  ctx.sim.adopt(ctx.host.rec, out.email)
  const s = ctx.sim.auth.createSession(out.email, 'owner', ctx.scope, ctx.sim.now())
  ctx.empty(302, { location: '/dashboard', 'set-cookie': ctx.sessionCookie(s.token, SESSION_TTL_MS / 1000) })
}
