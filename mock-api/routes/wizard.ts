import { CredentialsValidateRequest, SubdomainCheckRequest } from '../../src/contracts/wizard.ts'
import type { ApiRouter } from './types.ts'

const RESERVED = new Set(['www', 'api', 'console', 'admin', 'mail', 'auth', 'status'])

export function wizardRoutes(r: ApiRouter): void {
  r.add('GET', 'version', (ctx) => ctx.json(200, { version: 'mock-2026.05', commit: 'mock' }))

  r.add('POST', 'subdomains/check', async (ctx) => {
    const body = await ctx.body(SubdomainCheckRequest)
    if (!body) return
    const sub = body.subdomain.toLowerCase()
    const fqdn = `${sub}.${body.poolDomain.toLowerCase()}`
    if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(sub)) {
      return ctx.json(200, {
        available: false,
        fqdn,
        reason: 'Use lowercase letters, digits and dashes (not at the ends).',
      })
    }
    if (RESERVED.has(sub)) return ctx.json(200, { available: false, fqdn, reason: `"${sub}" is reserved.` })
    const taken = ctx.sim
      .liveRecords()
      .some((rec) => rec.spec.request.sovereignFQDN === fqdn && ctx.sim.status(rec) !== 'wiped')
    ctx.json(
      200,
      taken ? { available: false, fqdn, reason: `${fqdn} is already in use.` } : { available: true, fqdn },
    )
  })

  /** A Hetzner API token is 64 alphanumeric characters; anything else is rejected as Hetzner would. */
  r.add('POST', 'credentials/validate', async (ctx) => {
    const body = await ctx.body(CredentialsValidateRequest)
    if (!body) return
    if (/^[A-Za-z0-9]{64}$/.test(body.token))
      return ctx.json(200, { valid: true, projectName: 'catalyst-sovereigns' })
    ctx.json(200, {
      valid: false,
      reason: 'Hetzner rejected the token (401 unauthorized): a project API token has 64 letters and digits.',
    })
  })
}
