import { describe, expect, it } from 'vitest'
import { appEndpoints } from './appEndpoints.ts'
import { appJobs, jobForPlacement, primaryInstallJob } from './appJobs.ts'

const job = (jobName: string, extra: { appId?: string; region?: string; type?: string } = {}) => ({
  jobName,
  type: extra.type ?? 'install',
  appId: extra.appId,
  region: extra.region,
})

const jobs = [
  job('bootstrap-kit', { type: 'group' }),
  job('install-hel1-2:cilium', { appId: 'hel1-2:cilium', region: 'hel1-2' }),
  job('install-cilium', { appId: 'cilium' }),
  job('install-nbg1-1:cilium', { appId: 'nbg1-1:cilium', region: 'nbg1-1' }),
  job('install-cilium-extra', { appId: 'cilium-extra' }),
  // no appId on the wire: the job name still tells the chart
  job('install-nbg1-1:harbor', { region: 'nbg1-1' }),
  job('cutover-step-02-harbor-replicate'),
]

describe('appJobs', () => {
  it('selects the leaves of one app, primary first then by region', () => {
    expect(appJobs(jobs, 'cilium').map((j) => j.jobName)).toEqual([
      'install-cilium',
      'install-hel1-2:cilium',
      'install-nbg1-1:cilium',
    ])
    expect(appJobs(jobs, 'harbor').map((j) => j.jobName)).toEqual(['install-nbg1-1:harbor'])
    expect(appJobs(jobs, 'bootstrap-kit')).toEqual([])
  })

  it('finds the install job of a placement and the primary one for the log', () => {
    expect(jobForPlacement(jobs, { componentKey: 'nbg1-1:cilium' })?.jobName).toBe('install-nbg1-1:cilium')
    expect(jobForPlacement(jobs, { componentKey: 'sin-2:cilium' })).toBeUndefined()
    expect(
      primaryInstallJob(jobs, [
        { componentKey: 'nbg1-1:cilium', primary: false, status: 'installed' },
        { componentKey: 'cilium', primary: true, status: 'installed' },
      ])?.jobName,
    ).toBe('install-cilium')
    // not placed on the primary: the first placed region's job
    expect(
      primaryInstallJob(jobs, [
        { componentKey: 'harbor', primary: true, status: 'absent' },
        { componentKey: 'nbg1-1:harbor', primary: false, status: 'pending' },
      ])?.jobName,
    ).toBe('install-nbg1-1:harbor')
  })
})

describe('appEndpoints', () => {
  it('prefers the live external URL and adds the known public hostname once', () => {
    expect(
      appEndpoints({
        slug: 'harbor',
        externalURL: 'https://harbor.t126.omani.works',
        sovereignFQDN: 't126.omani.works',
      }),
    ).toEqual([
      {
        kind: 'external',
        label: 'External URL',
        url: 'https://harbor.t126.omani.works/',
        address: 'https://harbor.t126.omani.works/',
      },
    ])
    expect(
      appEndpoints({ slug: 'keycloak', externalURL: undefined, sovereignFQDN: 'acme.omani.works' }),
    ).toEqual([
      {
        kind: 'public',
        label: 'Public hostname',
        url: 'https://auth.acme.omani.works/',
        address: 'auth.acme.omani.works',
      },
    ])
  })

  it('offers nothing for internal charts, hostile FQDNs or non-http URLs', () => {
    expect(appEndpoints({ slug: 'cilium', externalURL: undefined, sovereignFQDN: 'x.example' })).toEqual([])
    expect(
      appEndpoints({ slug: 'gitea', externalURL: 'javascript:alert(1)', sovereignFQDN: '"><img src=x>.io' }),
    ).toEqual([])
  })
})
