/**
 * Sign-in state of the mock: PINs (1 issue / 60 s / email, 10-minute expiry, 3 attempts), cookie sessions
 * (8 h, scoped to the console that issued them) and single-use handover tokens (5 minutes).
 * All times are virtual.
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto'

export const SESSION_COOKIE = 'catalyst_session'
export const SESSION_TTL_MS = 8 * 3600_000
const PIN_TTL_MS = 10 * 60_000
const PIN_RATE_MS = 60_000
const PIN_ATTEMPTS = 3
const HANDOVER_TTL_MS = 5 * 60_000

/** `mothership`, or the deployment id of the Sovereign console the session belongs to. */
export type SessionScope = string

export interface Session {
  token: string
  email: string
  tier: string
  scope: SessionScope
  expiresAt: number
}

interface PinRecord {
  pin: string
  requestId: string
  issuedAt: number
  expiresAt: number
  attemptsLeft: number
}

export type PinVerifyOutcome =
  | { ok: true; session: Session }
  | { ok: false; status: 400 | 401 | 410; error: string; attemptsRemaining?: number }

export class AuthStore {
  private pins = new Map<string, PinRecord>()
  private sessions = new Map<string, Session>()
  private handovers = new Map<
    string,
    { deploymentId: string; email: string; expiresAt: number; used: boolean }
  >()
  private readonly secret = randomBytes(32)

  issuePin(
    email: string,
    now: number,
  ): { ok: true; requestId: string; pin: string } | { ok: false; retryAfterSec: number } {
    const key = email.toLowerCase()
    const prev = this.pins.get(key)
    if (prev && now - prev.issuedAt < PIN_RATE_MS) {
      return { ok: false, retryAfterSec: Math.ceil((PIN_RATE_MS - (now - prev.issuedAt)) / 1000) }
    }
    const pin = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const requestId = randomBytes(8).toString('hex')
    this.pins.set(key, {
      pin,
      requestId,
      issuedAt: now,
      expiresAt: now + PIN_TTL_MS,
      attemptsLeft: PIN_ATTEMPTS,
    })
    return { ok: true, requestId, pin }
  }

  latestPin(email: string): string | undefined {
    return this.pins.get(email.toLowerCase())?.pin
  }

  verifyPin(
    email: string,
    pin: string,
    requestId: string,
    now: number,
    scope: SessionScope,
  ): PinVerifyOutcome {
    const key = email.toLowerCase()
    const rec = this.pins.get(key)
    if (!rec || rec.requestId !== requestId) return { ok: false, status: 410, error: 'pin-expired' }
    if (now > rec.expiresAt) {
      this.pins.delete(key)
      return { ok: false, status: 410, error: 'pin-expired' }
    }
    if (rec.attemptsLeft <= 0) return { ok: false, status: 410, error: 'attempts-exceeded' }
    if (rec.pin !== pin) {
      rec.attemptsLeft -= 1
      if (rec.attemptsLeft <= 0) {
        this.pins.delete(key)
        return { ok: false, status: 410, error: 'attempts-exceeded' }
      }
      return { ok: false, status: 401, error: 'pin-invalid', attemptsRemaining: rec.attemptsLeft }
    }
    this.pins.delete(key)
    return { ok: true, session: this.createSession(email, 'owner', scope, now) }
  }

  createSession(email: string, tier: string, scope: SessionScope, now: number): Session {
    const session = {
      token: randomBytes(24).toString('hex'),
      email: email.toLowerCase(),
      tier,
      scope,
      expiresAt: now + SESSION_TTL_MS,
    }
    this.sessions.set(session.token, session)
    return session
  }

  session(token: string | undefined, scope: SessionScope, now: number): Session | undefined {
    if (!token) return undefined
    const s = this.sessions.get(token)
    if (!s || s.scope !== scope) return undefined
    if (now > s.expiresAt) {
      this.sessions.delete(token)
      return undefined
    }
    return s
  }

  endSession(token: string | undefined): void {
    if (token) this.sessions.delete(token)
  }

  /** Test control: every session ends now (simulates expiry mid-use). */
  expireAll(): void {
    this.sessions.clear()
  }

  /** Forget every PIN, session and handover token (a mock reset: the clock restarts at the same instant). */
  reset(): void {
    this.pins.clear()
    this.sessions.clear()
    this.handovers.clear()
  }

  /** A JWT-shaped single-use token. The mock signs with HMAC; the real backend uses RS256. */
  mintHandover(
    deploymentId: string,
    fqdn: string,
    email: string,
    now: number,
  ): { token: string; expiresAt: number } {
    for (const [jti, h] of this.handovers) if (h.expiresAt < now) this.handovers.delete(jti)
    const jti = randomBytes(12).toString('hex')
    const expiresAt = now + HANDOVER_TTL_MS
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
    const header = b64({ alg: 'HS256', typ: 'JWT' })
    const payload = b64({
      iss: 'https://console.openova.io',
      aud: `https://console.${fqdn}`,
      sub: email,
      email,
      email_verified: true,
      sovereign_fqdn: fqdn,
      deployment_id: deploymentId,
      role: 'sovereign-admin',
      jti,
      iat: Math.floor(now / 1000),
      exp: Math.floor(expiresAt / 1000),
    })
    const sig = createHmac('sha256', this.secret).update(`${header}.${payload}`).digest('base64url')
    this.handovers.set(jti, { deploymentId, email, expiresAt, used: false })
    return { token: `${header}.${payload}.${sig}`, expiresAt }
  }

  /** Verifies signature, audience, expiry and single use; returns the claims or the reason it failed. */
  redeemHandover(
    token: string,
    fqdn: string,
    now: number,
  ): { ok: true; deploymentId: string; email: string } | { ok: false; reason: string } {
    const parts = token.split('.')
    if (parts.length !== 3) return { ok: false, reason: 'invalid token' }
    const [header, payload, sig] = parts as [string, string, string]
    const expected = createHmac('sha256', this.secret).update(`${header}.${payload}`).digest('base64url')
    if (sig !== expected) return { ok: false, reason: 'invalid token' }
    let claims: { jti?: string; aud?: string; exp?: number }
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims
    } catch {
      return { ok: false, reason: 'invalid token' }
    }
    const rec = claims.jti ? this.handovers.get(claims.jti) : undefined
    if (!rec) return { ok: false, reason: 'token expired' }
    if (claims.aud !== `https://console.${fqdn}`) return { ok: false, reason: 'token audience mismatch' }
    if (rec.used) return { ok: false, reason: 'token already used' }
    if (now > rec.expiresAt) return { ok: false, reason: 'token expired' }
    rec.used = true
    return { ok: true, deploymentId: rec.deploymentId, email: rec.email }
  }
}
