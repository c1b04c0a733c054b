/**
 * Conformance, third leg (wizard): the console's words for the golden subdomain and token answers — every
 * code worded, never shown raw — and the request it builds passes the provisioner's rules.
 */
import { describe, expect, it } from 'vitest'
import { WIZARD_GOLDEN } from '../../../contracts/golden/wizard.golden.ts'
import { CredentialsValidateResponse, SubdomainCheckResponse } from '../../../contracts/wizard.ts'
import { subdomainReasonText, tokenVerdictText } from './wizardModel.ts'

const table = (endpoint: string) => WIZARD_GOLDEN.find((t) => t.endpoint === endpoint)!.cases

describe('the wizard words the golden answers', () => {
  it('an unavailable subdomain reads in the console’s own words, without the code or the server prose', () => {
    for (const c of table('POST /subdomains/check')) {
      const res = SubdomainCheckResponse.parse(c.wire)
      if (res.available) continue
      const text = subdomainReasonText(res.reason, res.fqdn ?? 'nova.omani.works')
      expect(text, c.name).not.toContain(res.reason!.includes('-') ? res.reason! : '\u0000')
      expect(text, c.name).not.toBe(res.detail)
      expect(text.length, c.name).toBeGreaterThan(20)
    }
  })

  it('a token verdict reads from its status, not the server message', () => {
    const [ok, refused, short] = table('POST /credentials/validate').map((c) =>
      CredentialsValidateResponse.parse(c.wire),
    )
    expect(tokenVerdictText({ valid: ok!.valid, status: 200 })).toMatch(/^Hetzner token accepted/)
    expect(tokenVerdictText({ valid: refused!.valid, status: 200 })).toMatch(/refused/)
    expect(tokenVerdictText({ valid: short!.valid, status: 400 })).toMatch(/64 characters/)
    for (const v of [ok, refused, short])
      expect(tokenVerdictText({ valid: v!.valid, status: 200 })).not.toContain(v!.message)
  })
})
