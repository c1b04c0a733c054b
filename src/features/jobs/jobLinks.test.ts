import { describe, expect, it } from 'vitest'
import { canonicalJobId, splitJobId } from '../../contracts/jobs.ts'
import { bareJobName, linkTo } from '../../lib/links.ts'

/**
 * The jobs feature's use of the one link builder: ids whose job names contain `:` survive the trip
 * id → URL → route param → API path → id in both URL trees (regressions 12, 14, 17).
 */
const DEP = 'c1d2e3f4a5b6c7d8'

describe('job links round-trip', () => {
  it.each([
    [`${DEP}:install-nbg1-1:cilium`, 'install-nbg1-1%3Acilium'],
    [`${DEP}:install-cilium`, 'install-cilium'],
    [`${DEP}:tofu-apply`, 'tofu-apply'],
    [`${DEP}:install-me-east-215-b-1:harbor`, 'install-me-east-215-b-1%3Aharbor'],
  ])('%s ↔ …/jobs/%s', (id, segment) => {
    const mothership = linkTo('mothership', { page: 'job', deploymentId: DEP, jobId: id })
    const sovereign = linkTo('sovereign', { page: 'job', deploymentId: DEP, jobId: id })
    expect(mothership).toBe(`/provision/${DEP}/jobs/${segment}`)
    expect(sovereign).toBe(`/jobs/${segment}`)
    // The router hands the screen the decoded segment; the screen strips nothing more and the API gets
    // it encoded again; the id is rebuilt from the route's deployment.
    const param = decodeURIComponent(mothership.split('/').at(-1)!)
    expect(bareJobName(DEP, param)).toBe(splitJobId(id).jobName)
    expect(encodeURIComponent(bareJobName(DEP, param))).toBe(segment)
    expect(canonicalJobId(DEP, param)).toBe(id)
  })

  it('accepts a bare name or a full id for the same link, and a full id in the URL', () => {
    const bare = linkTo('mothership', { page: 'job', deploymentId: DEP, jobId: 'install-nbg1-1:cilium' })
    const full = linkTo('mothership', {
      page: 'job',
      deploymentId: DEP,
      jobId: `${DEP}:install-nbg1-1:cilium`,
    })
    expect(bare).toBe(full)
    expect(bareJobName(DEP, `${DEP}:install-nbg1-1:cilium`)).toBe('install-nbg1-1:cilium')
  })

  it('keeps the graph state and a line anchor', () => {
    expect(
      linkTo('mothership', {
        page: 'job',
        deploymentId: DEP,
        jobId: `${DEP}:install-nbg1-1:cilium`,
        search: { depth: '2', folded: `${DEP}:cutover` },
        hash: 'L120',
      }),
    ).toBe(`/provision/${DEP}/jobs/install-nbg1-1%3Acilium?depth=2&folded=${DEP}:cutover#L120`)
  })

  it('the timeline and "back to jobs" stay in their tree', () => {
    expect(linkTo('mothership', { page: 'jobsTimeline', deploymentId: DEP })).toBe(
      `/provision/${DEP}/jobs/timeline`,
    )
    expect(linkTo('sovereign', { page: 'jobsTimeline', deploymentId: DEP })).toBe('/jobs/timeline')
    expect(linkTo('mothership', { page: 'jobs', deploymentId: DEP })).toBe(`/provision/${DEP}/jobs`)
    expect(linkTo('sovereign', { page: 'jobs', deploymentId: DEP })).toBe('/jobs')
    expect(
      linkTo('sovereign', {
        page: 'jobs',
        deploymentId: DEP,
        search: { view: 'graph', focus: `${DEP}:install-x` },
      }),
    ).toBe(`/jobs?view=graph&focus=${DEP}:install-x`)
  })
})
