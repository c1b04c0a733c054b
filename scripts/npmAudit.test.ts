import { describe, expect, it } from 'vitest'
import { auditVerdict } from './npmAudit.ts'

const summary = (v: Record<string, number>) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: v } })

describe('auditVerdict', () => {
  it('fails on a known high or critical advisory, passes on lower ones', () => {
    expect(auditVerdict(summary({ low: 0, moderate: 0, high: 1, critical: 0, total: 1 })).exit).toBe(1)
    expect(auditVerdict(summary({ low: 0, moderate: 0, high: 0, critical: 2, total: 2 })).exit).toBe(1)
    expect(auditVerdict(summary({ low: 3, moderate: 1, high: 0, critical: 0, total: 4 }))).toEqual({
      exit: 0,
      message: 'npm audit: no high or critical advisories (4 lower)',
    })
  })

  it('only warns when the registry cannot be reached', () => {
    const offline = JSON.stringify({
      error: {
        code: 'ENOTFOUND',
        summary: 'request to https://registry.npmjs.org failed, reason: getaddrinfo ENOTFOUND',
      },
    })
    expect(auditVerdict(offline)).toMatchObject({ exit: 0, message: expect.stringMatching(/WARNING/) })
    expect(auditVerdict(JSON.stringify({ error: { code: 'EAI_AGAIN', summary: '' } })).exit).toBe(0)
    // A mirror without the audit API (seen here: 405 on the bulk advisories POST).
    const mirror = {
      message: '405 Method Not Allowed',
      uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    }
    expect(auditVerdict(JSON.stringify(mirror))).toMatchObject({
      exit: 0,
      message: expect.stringMatching(/405/),
    })
  })

  it('fails on any other error or unreadable output', () => {
    expect(auditVerdict(JSON.stringify({ error: { code: 'ENOLOCK', summary: 'no lockfile' } })).exit).toBe(1)
    expect(auditVerdict('not json').exit).toBe(1)
  })
})
