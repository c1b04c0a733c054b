import { describe, expect, it } from 'vitest'
import type { DeploymentSummary } from '../../../contracts/deployments.ts'
import { ApiError } from '../../../lib/http.ts'
import {
  START_SLACK_MS,
  classifyLaunchFailure,
  findOwnLaunch,
  needsLookup,
  newLaunchAttempt,
} from './launchRecovery.ts'

const T0 = Date.UTC(2026, 4, 14, 9, 0, 0)
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
const row = (id: string, over: Partial<DeploymentSummary> = {}): DeploymentSummary => ({
  id,
  status: 'provisioning',
  sovereignFQDN: 'nova.omani.works',
  ownerEmail: 'operator@openova.io',
  startedAt: iso(T0 + 2_000),
  finishedAt: undefined,
  adoptedAt: undefined,
  ...over,
})
const http = (status: number, code?: string) =>
  new ApiError('x', 'http', status, code, undefined, '/v1/deployments')
const who = { email: 'Operator@OpenOva.io', fqdn: 'nova.omani.works' }
const attempt = { key: 'k', startedAt: T0 }

describe('classifyLaunchFailure', () => {
  it('no answer is an unknown outcome; a 409 subdomain-conflict may be our own; a 4xx is a refusal', () => {
    expect(classifyLaunchFailure(new ApiError('x', 'network', 0, undefined, undefined, '/'))).toBe('unknown')
    expect(classifyLaunchFailure(new ApiError('x', 'parse', 201, undefined, undefined, '/'))).toBe('unknown')
    expect(classifyLaunchFailure(new TypeError('Failed to fetch'))).toBe('unknown')
    expect(classifyLaunchFailure(http(500, 'internal'))).toBe('unknown')
    expect(classifyLaunchFailure(http(409, 'subdomain-conflict'))).toBe('taken')
    expect(classifyLaunchFailure(http(422, 'idempotency-key-reused'))).toBe('key-reused')
    expect(classifyLaunchFailure(http(400))).toBe('refused')
    expect(classifyLaunchFailure(http(403))).toBe('refused')
    expect(['unknown', 'taken', 'key-reused', 'refused'].map((f) => needsLookup(f as never))).toEqual([
      true,
      true,
      true,
      false,
    ])
  })
})

describe('findOwnLaunch', () => {
  it('finds the deployment this attempt created: same owner (any case), same FQDN, started after the attempt', () => {
    expect(findOwnLaunch([row('a')], who, attempt)?.id).toBe('a')
  })

  it('ignores another owner, another FQDN and anything started before the attempt', () => {
    const rows = [
      row('other-owner', { ownerEmail: 'carol@finlab.de' }),
      row('other-fqdn', { sovereignFQDN: 'acme.omani.works' }),
      row('older', { startedAt: iso(T0 - START_SLACK_MS - 1_000) }),
      row('no-start', { startedAt: undefined }),
    ]
    expect(findOwnLaunch(rows, who, attempt)).toBeUndefined()
  })

  it('tolerates whole-second timestamps and a second of clock skew; picks the newest of several', () => {
    const rows = [
      row('skewed', { startedAt: iso(T0 - 1_000) }),
      row('newest', { startedAt: iso(T0 + 9_000) }),
    ]
    expect(findOwnLaunch(rows, who, attempt)?.id).toBe('newest')
    expect(findOwnLaunch([rows[0]!], who, attempt)?.id).toBe('skewed')
  })
})

it('newLaunchAttempt: a fresh key and the start time', () => {
  expect(newLaunchAttempt(T0, () => 'uuid-1')).toEqual({ key: 'uuid-1', startedAt: T0 })
  expect(newLaunchAttempt(T0).key).not.toBe(newLaunchAttempt(T0).key)
})
