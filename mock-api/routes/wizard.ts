/**
 * The wizard's public endpoints, answered as catalyst-api (and the pool-domain-manager behind it) answer:
 * Go `handler/subdomains.go`, `handler/credentials.go`, `handler/sshkey.go`, `handler/registrar.go`.
 */
import {
  CredentialsValidateRequest,
  HETZNER_TOKEN_MIN_LENGTH,
  REGISTRARS,
  RegistrarValidateRequest,
  SshKeyGenerateRequest,
  SubdomainCheckRequest,
} from '../../src/contracts/wizard.ts'
import { readJsonBody } from '../http/body.ts'
import { generateSshKeyPair } from '../sim/sshKey.ts'
import type { ApiRouter } from './types.ts'

/** PDM's reserved names (pool-domain-manager `internal/reserved`). */
const RESERVED = new Set([
  'api',
  'admin',
  'console',
  'gitea',
  'harbor',
  'keycloak',
  'www',
  'mail',
  'smtp',
  'imap',
  'vpn',
  'openova',
  'catalyst',
  'docs',
  'status',
  'app',
  'system',
  'openbao',
  'vault',
  'flux',
  'k8s',
])

/** Pool domains PDM manages (`DYNADOT_MANAGED_DOMAINS`); anything else is checked as a BYO domain. */
export const MANAGED_POOL_DOMAINS = ['omani.works', 'openova.cloud']

/** Go `isValidDNSLabel`: a-z, 0-9, hyphens, starting with a letter, not ending with a hyphen, ≤ 63. */
function isValidDnsLabel(s: string): boolean {
  return /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(s)
}

export function wizardRoutes(r: ApiRouter): void {
  r.add('GET', 'version', (ctx) => ctx.json(200, { version: 'mock-2026.05', commit: 'mock' }))

  r.add('POST', 'subdomains/check', async (ctx) => {
    const read = await readJsonBody(ctx.req)
    const body = read.ok ? SubdomainCheckRequest.safeParse(read.json) : undefined
    if (!read.ok && read.status !== 400)
      return ctx.json(read.status, { error: read.error, detail: read.detail })
    if (!body?.success) {
      return ctx.json(400, {
        available: false,
        reason: 'invalid-format',
        detail: 'request body could not be parsed as JSON',
      })
    }
    const sub = body.data.subdomain.trim().toLowerCase()
    const pool = body.data.poolDomain.trim().toLowerCase()
    if (!isValidDnsLabel(sub)) {
      return ctx.json(200, {
        available: false,
        reason: 'invalid-format',
        detail: 'subdomain must be a-z, 0-9 and hyphens, start with a letter, max 63 characters',
      })
    }
    const fqdn = `${sub}.${pool}`
    const holder = ctx.sim.fqdnHolder(fqdn)
    if (MANAGED_POOL_DOMAINS.includes(pool)) {
      // PDM's verdict, passed through verbatim.
      if (RESERVED.has(sub)) {
        return ctx.json(200, {
          available: false,
          reason: 'reserved',
          detail: 'this subdomain is reserved for the Sovereign control plane — pick a different name',
        })
      }
      if (holder === 'reserved') {
        return ctx.json(200, {
          available: false,
          reason: 'reserved-state',
          detail:
            'this subdomain has been reserved by another deployment in progress — try again in a few minutes',
          fqdn,
        })
      }
      if (holder === 'active') {
        return ctx.json(200, {
          available: false,
          reason: 'active-state',
          detail: 'this subdomain is already taken by a live Sovereign — pick a different name',
          fqdn,
        })
      }
      return ctx.json(200, { available: true, fqdn })
    }
    // A BYO zone: the customer's DNS is the truth; a live Sovereign there resolves.
    if (holder) {
      return ctx.json(200, {
        available: false,
        reason: 'exists',
        detail: 'this subdomain already resolves in DNS — pick a different name',
        fqdn,
      })
    }
    ctx.json(200, { available: true, fqdn })
  })

  /** A Hetzner project token is 64 letters and digits; Hetzner refuses anything else it is sent. */
  r.add('POST', 'credentials/validate', async (ctx) => {
    const read = await readJsonBody(ctx.req)
    if (!read.ok && read.status !== 400)
      return ctx.json(read.status, { error: read.error, detail: read.detail })
    const body = read.ok ? CredentialsValidateRequest.safeParse(read.json) : undefined
    if (!body?.success) return ctx.text(400, 'invalid request body')
    const token = body.data.token.trim()
    if (token.length < HETZNER_TOKEN_MIN_LENGTH) {
      return ctx.json(400, {
        valid: false,
        message: 'token too short — Hetzner API tokens are at least 64 characters',
      })
    }
    if (/^[A-Za-z0-9]{64}$/.test(token))
      return ctx.json(200, { valid: true, message: 'read/write access confirmed' })
    ctx.json(200, { valid: false, message: 'token rejected — ensure it has Read & Write permissions' })
  })

  /** A fresh ed25519 pair on every call; the body (`{fqdn}`) is optional and a bad one is ignored, as in Go. */
  r.add('POST', 'sshkey/generate', async (ctx) => {
    const read = await readJsonBody(ctx.req)
    const body = read.ok ? SshKeyGenerateRequest.safeParse(read.json) : undefined
    ctx.json(200, generateSshKeyPair(body?.success ? body.data.fqdn : ''))
  })

  /**
   * BYO registrar credentials, checked as PDM's adapters would: a token under 16 characters is rejected by
   * the registrar, a domain under a reserved TLD (`.example`, `.invalid`, `.test`) is in nobody's account.
   */
  r.add('POST', 'registrar/:registrar/validate', async (ctx) => {
    const registrar = ctx.params.registrar!.trim().toLowerCase()
    if (!(REGISTRARS as readonly string[]).includes(registrar)) {
      return ctx.json(404, { error: 'unsupported-registrar', detail: 'registrar adapter not available' })
    }
    const read = await readJsonBody(ctx.req)
    if (!read.ok && read.status === 413)
      return ctx.json(400, {
        error: 'request-too-large',
        detail: 'validation request body must be under 16KB',
      })
    if (read.ok && Buffer.byteLength(read.raw) > 16 * 1024)
      return ctx.json(400, {
        error: 'request-too-large',
        detail: 'validation request body must be under 16KB',
      })
    const body = read.ok ? RegistrarValidateRequest.safeParse(read.json) : undefined
    if (!body?.success) {
      return ctx.json(400, { error: 'invalid-body', detail: 'request body must be JSON {domain, token}' })
    }
    const domain = body.data.domain.trim().toLowerCase()
    if (!domain) return ctx.json(422, { error: 'missing-domain', detail: 'domain is required' })
    if (!body.data.token)
      return ctx.json(422, { error: 'missing-token', detail: 'registrar API credentials are required' })
    if (body.data.token.length < 16) {
      return ctx.json(401, {
        error: 'invalid-token',
        detail: `credentials rejected by ${registrar}`,
        registrar,
        domain,
      })
    }
    if (/\.(example|invalid|test|localhost)$/.test(domain)) {
      return ctx.json(403, {
        error: 'domain-not-in-account',
        detail: `${domain} is not visible to the supplied ${registrar} credentials`,
        registrar,
        domain,
      })
    }
    ctx.json(200, { valid: true, registrar, domain })
  })
}
