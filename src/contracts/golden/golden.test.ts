/**
 * Conformance, second leg: the console's schemas accept every golden wire sample — also with fields a
 * newer backend may add — and read the Go forms right. (First leg, the mock over a real socket:
 * `mock-api/conformance.test.ts`; third, the readers: the feature tests on the same samples and
 * `e2e/specs/contract-go-strict.spec.ts`.)
 */
import { describe, expect, it } from 'vitest'
import { DeploymentState, ComponentsState } from '../deployments.ts'
import { JobList } from '../jobs.ts'
import { Infrastructure } from '../topology.ts'
import { DEPLOYMENTS_GOLDEN, STATE_APRIL, STATE_WATCHING } from './deployments.golden.ts'
import type { GoldenTable } from './golden.ts'
import { INFRASTRUCTURE_GOLDEN, TOPOLOGY_READY } from './infrastructure.golden.ts'
import { APRIL_JOB, GOLDEN_DEPLOYMENT, JOBS_GOLDEN, LIFECYCLE_SUCCEEDED } from './jobs.golden.ts'
import { shapeMismatches, valuesAt, withUnknownFields } from './shape.ts'
import { WIZARD_GOLDEN } from './wizard.golden.ts'

const TABLES: GoldenTable[] = [
  ...JOBS_GOLDEN,
  ...DEPLOYMENTS_GOLDEN,
  ...INFRASTRUCTURE_GOLDEN,
  ...WIZARD_GOLDEN,
]

describe.each(TABLES.map((t) => [t.endpoint, t] as const))('%s', (_endpoint, table) => {
  it.each(table.cases.map((c) => [`${c.name} (${c.source})`, c] as const))(
    'the schema accepts %s, with unknown fields too',
    (_name, c) => {
      expect(table.schema.safeParse(c.wire).error).toBeUndefined()
      expect(table.schema.safeParse(withUnknownFields(c.wire, table)).error).toBeUndefined()
    },
  )

  it('the samples themselves carry Go timestamp formats', () => {
    for (const [path, format] of Object.entries(table.formats ?? {}))
      for (const c of table.cases)
        for (const v of valuesAt(c.wire, path))
          if (v !== null && !String(v).startsWith('0001-01-01'))
            expect(v, `${c.name}: ${path}`).toMatch(format)
  })
})

describe('the Go forms read the way the console needs them', () => {
  it('keeps appId "" and batchId, infers kind, canonicalises bare dependsOn (April job)', () => {
    const [april] = JobList.parse({ jobs: [APRIL_JOB] }).jobs
    expect(april).toMatchObject({
      appId: 'external-dns',
      batchId: 'bootstrap-kit',
      type: 'install',
      kind: 'install',
      parentId: '',
      dependsOn: [`${GOLDEN_DEPLOYMENT}:install-cert-manager`],
      childIds: [],
    })
    const [lifecycle] = JobList.parse({ jobs: [LIFECYCLE_SUCCEEDED] }).jobs
    expect(lifecycle!.appId).toBe('')
    expect(lifecycle!.batchId).toBe('provisioner')
  })

  it('reads finishedAt: null as unset and Go zero times as unset', () => {
    expect(DeploymentState.parse(STATE_WATCHING).finishedAt).toBeUndefined()
    expect(DeploymentState.parse(STATE_APRIL).regions).toEqual([])
    const live = DEPLOYMENTS_GOLDEN.find((t) => t.endpoint.endsWith('components/state'))!.cases[0]!.wire
    const rows = ComponentsState.parse(live).components
    expect(rows.find((r) => r.status === 'pending')!.lastTransitionAt).toBeUndefined()
    expect(rows.find((r) => r.appId === 'cilium')!.dependsOn).toEqual([])
  })

  it('reads Go infrastructure items: skuCP, claim phases, rules', () => {
    const infra = Infrastructure.parse(TOPOLOGY_READY)
    expect(infra.topology.regions[0]!.skuCp).toBe('cpx42')
    expect(infra.storage.pvcs[0]!.status).toBe('healthy')
    expect(infra.topology.regions[0]!.networks[0]!.firewall!.rules[1]).toEqual({
      id: 'fw-fsn1-icmp',
      direction: 'in',
      protocol: 'icmp',
      port: '',
      sources: '10.0.0.0/8',
      action: 'accept',
    })
  })
})

describe('shapeMismatches', () => {
  const job = JOBS_GOLDEN[0]!.cases[0]!.wire
  it('accepts a body of the same shapes, in any combination', () => {
    expect(shapeMismatches(job, [job])).toEqual([])
  })
  it('names a field added or dropped on either side', () => {
    const extra = { jobs: [{ ...LIFECYCLE_SUCCEEDED, runCount: 2 }] }
    expect(shapeMismatches(extra, [job])).toEqual([
      expect.stringContaining('keys the samples do not have: runCount'),
    ])
    const { batchId: _, ...noBatch } = LIFECYCLE_SUCCEEDED
    expect(shapeMismatches({ jobs: [noBatch] }, [job])).toEqual([
      expect.stringContaining('keys missing: batchId'),
    ])
  })
  it('compares types and map values', () => {
    expect(shapeMismatches({ a: 1 }, [{ a: 'x' }])).toEqual(['a: number where the samples have string'])
    expect(shapeMismatches({ m: { x: 'a', y: 'b' } }, [{ m: { z: 'c' } }], { maps: ['m'] })).toEqual([])
    expect(shapeMismatches({ m: { x: 1 } }, [{ m: { z: 'c' } }], { maps: ['m'] })).toEqual([
      'm.*: number where the samples have string',
    ])
  })
})
