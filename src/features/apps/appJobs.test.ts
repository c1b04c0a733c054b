import { describe, expect, it } from 'vitest'
import { appEndpoints } from './appEndpoints.ts'
import { appJobs, jobForPlacement, primaryInstallJob, stripAnsi, tailWindow } from './appJobs.ts'

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

describe('log tail helpers', () => {
  it.each([
    ['\x1b[36m[worker-1]\x1b[0m reconcile', '[worker-1] reconcile'],
    ['\x1b[1;31mERROR\x1b[m done\r', 'ERROR done'],
    ['\x1b]8;;https://x\x07link\x1b]8;;\x07', 'link'],
    ['tab\tkept', 'tab\tkept'],
    ['bell\x07 and nul\x00 gone', 'bell and nul gone'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ])('stripAnsi(%j)', (input, out) => {
    expect(stripAnsi(input)).toBe(out)
  })

  it.each([
    [0, { fromLine: 1, limit: 50 }],
    [6, { fromLine: 1, limit: 50 }],
    [50, { fromLine: 1, limit: 50 }],
    [51, { fromLine: 2, limit: 50 }],
    [1000, { fromLine: 951, limit: 50 }],
  ])('tailWindow(%i)', (total, w) => {
    expect(tailWindow(total)).toEqual(w)
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
