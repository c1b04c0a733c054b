/** Conformance, third leg (apps): an app's jobs found in the golden job lists, Go forms included. */
import { describe, expect, it } from 'vitest'
import { APRIL_JOB, JOBS_GOLDEN, LIFECYCLE_SUCCEEDED } from '../../contracts/golden/jobs.golden.ts'
import { JobList } from '../../contracts/jobs.ts'
import { appJobs } from './appJobs.ts'

const listCases = JOBS_GOLDEN.find((t) => t.endpoint === 'GET /deployments/{id}/jobs')!.cases
const jobsOf = (wire: unknown) => JobList.parse(wire).jobs

describe('app jobs from the golden job lists', () => {
  it('finds an app’s installs in every region by appId', () => {
    expect(appJobs(jobsOf(listCases[0]!.wire), 'cert-manager').map((j) => j.jobName)).toEqual([
      'install-cert-manager',
      'install-nbg1-1:cert-manager',
    ])
    expect(appJobs(jobsOf({ jobs: [APRIL_JOB] }), 'external-dns')).toHaveLength(1)
  })

  it('never takes a job with appId "" or a Day-2 job (appId = the XRC kind) for an app', () => {
    expect(appJobs(jobsOf({ jobs: [LIFECYCLE_SUCCEEDED] }), '')).toEqual([])
    expect(appJobs(jobsOf(listCases[1]!.wire), 'pool')).toEqual([])
  })
})
