/**
 * Conformance, third leg (jobs): the jobs table's readers on the golden wire samples — the May shape and
 * the strict Go forms (`appId: ""`, the April job without type/parentId/displayName, bare `dependsOn`).
 */
import { describe, expect, it } from 'vitest'
import {
  APRIL_JOB,
  GOLDEN_DEPLOYMENT as D,
  JOBS_GOLDEN,
  MUTATION_SUCCEEDED,
} from '../../contracts/golden/jobs.golden.ts'
import { JobList } from '../../contracts/jobs.ts'
import { deriveRows, regionBuckets } from './jobRows.ts'

const listCases = JOBS_GOLDEN.find((t) => t.endpoint === 'GET /deployments/{id}/jobs')!.cases
const rowsOf = (wire: unknown) => deriveRows(JobList.parse(wire).jobs)

describe('the jobs table reads the golden job lists', () => {
  it('one row per leaf, with phase, region bucket and readable dependencies', () => {
    const rows = rowsOf(listCases[0]!.wire)
    expect(rows.map((r) => [r.jobName, r.phaseLabel, r.region])).toEqual([
      ['install-nbg1-1:newapi', 'Bootstrap', 'nbg1-1'],
      ['install-gitea', 'Bootstrap', 'primary'],
      ['install-nbg1-1:cert-manager', 'Bootstrap', 'nbg1-1'],
      ['install-cert-manager', 'Bootstrap', 'primary'],
      ['tofu-apply', 'Provision', 'none'],
      ['install-catalyst-platform', 'Bootstrap', 'primary'],
      ['install-nbg1-1:catalyst-platform', 'Bootstrap', 'nbg1-1'],
    ])
    expect(regionBuckets(rows)).toEqual(['primary', 'nbg1-1'])
    const apply = rows.find((r) => r.jobName === 'tofu-apply')!
    // `appId: ""` is "no component".
    expect(apply.appId).toBe('')
    expect(apply.deps).toEqual([{ id: `${D}:tofu-plan`, jobName: 'tofu-plan', label: 'tofu-plan' }])
  })

  it('a Day-2 audit job lands in its own phase and belongs to no region', () => {
    const rows = rowsOf(listCases[1]!.wire)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      jobName: MUTATION_SUCCEEDED.jobName,
      phaseLabel: 'Day-2 Mutations',
      region: 'none',
    })
  })

  it('groups without display names (strict Go) still give readable phase labels', () => {
    const wire = listCases[0]!.wire as { jobs: Record<string, unknown>[] }
    const strict = wire.jobs.map(({ displayName: _drop, ...j }) => j)
    const rows = rowsOf({ jobs: strict })
    expect(new Set(rows.map((r) => r.phaseLabel))).toEqual(new Set(['Bootstrap kit', 'Provision']))
  })

  it('the April shape still makes a complete row', () => {
    const [row] = rowsOf({ jobs: [APRIL_JOB] })
    expect(row).toMatchObject({
      jobName: 'install-external-dns',
      displayName: undefined,
      region: 'primary',
      status: 'succeeded',
      durationMs: 53613,
    })
    expect(row!.deps).toEqual([
      { id: `${D}:install-cert-manager`, jobName: 'install-cert-manager', label: 'cert-manager' },
    ])
  })
})
