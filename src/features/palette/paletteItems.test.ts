import { describe, expect, it } from 'vitest'
import { Catalog } from '../../contracts/apps.ts'
import { DeploymentList } from '../../contracts/deployments.ts'
import { JobList } from '../../contracts/jobs.ts'
import type { Action } from '../../contracts/tiers.ts'
import { can } from '../../entities/session/permissions.ts'
import { rankPaletteItems } from '../../graph/rankPaletteItems.ts'
import { actionEntries, appEntries, deploymentEntries, jobEntries, pageEntries } from './paletteItems.ts'

const DEP = 'a43364f11c10cde3'
const ids = (xs: { id: string }[]) => xs.map((x) => x.id)

describe('pages', () => {
  it('mothership without a deployment: the lists only', () => {
    expect(ids(pageEntries('mothership', ''))).toEqual([
      'page:deployments',
      'page:fleet',
      'page:compare',
      'page:notifications',
    ])
  })
  it('mothership with a deployment: its pages under /provision/<id>', () => {
    const pages = pageEntries('mothership', DEP)
    expect(ids(pages)).toEqual([
      'page:deployments',
      'page:fleet',
      'page:compare',
      'page:notifications',
      'page:overview',
      'page:dashboard',
      'page:jobs',
      'page:jobsTimeline',
      'page:cloud',
      'page:apps',
      'page:users',
      'page:settings',
      'page:userNew',
    ])
    expect(pages.find((p) => p.id === 'page:jobs')!.detail).toBe(`/provision/${DEP}/jobs`)
  })
  it('a Sovereign: no mothership pages, clean URLs', () => {
    const pages = pageEntries('sovereign', DEP)
    expect(ids(pages)).not.toContain('page:deployments')
    expect(ids(pages)).not.toContain('page:fleet')
    expect(ids(pages)).not.toContain('page:overview')
    expect(ids(pages)).not.toContain('page:compare')
    expect(ids(pages)).toContain('page:settings')
    expect(pages.find((p) => p.id === 'page:jobs')!.detail).toBe('/jobs')
  })
})

describe('actions', () => {
  it('what the session may run, per mode and scope', () => {
    expect(ids(actionEntries('mothership', { deploymentId: '', theme: 'dark' }))).toEqual([
      'action:new-deployment',
      'action:toggle-theme',
      'action:sign-out',
    ])
    expect(ids(actionEntries('sovereign', { deploymentId: DEP, theme: 'dark' }))).toEqual([
      'action:toggle-theme',
      'action:copy-kubeconfig-link',
      'action:sign-out',
    ])
  })
  it('never a command the session cannot run: no New deployment or New user access below their tier', () => {
    const viewer = (a: Action) => can('viewer', a).allowed
    expect(ids(actionEntries('mothership', { deploymentId: '', theme: 'dark', allows: viewer }))).toEqual([
      'action:toggle-theme',
      'action:sign-out',
    ])
    expect(ids(pageEntries('mothership', DEP, viewer))).not.toContain('page:userNew')
    expect(ids(pageEntries('mothership', DEP, viewer))).toContain('page:users')
    const operator = (a: Action) => can('operator', a).allowed
    expect(ids(actionEntries('mothership', { deploymentId: '', theme: 'dark', allows: operator }))).toContain(
      'action:new-deployment',
    )
    expect(ids(pageEntries('mothership', DEP, operator))).not.toContain('page:userNew')
    expect(ids(pageEntries('mothership', DEP, (a) => can('admin', a).allowed))).toContain('page:userNew')
  })
  it('the theme action names the theme it switches to', () => {
    const label = (theme: 'light' | 'dark') =>
      actionEntries('sovereign', { deploymentId: '', theme }).find((a) => a.id === 'action:toggle-theme')!
        .label
    expect(label('dark')).toBe('Switch to light theme')
    expect(label('light')).toBe('Switch to dark theme')
  })
})

describe('resources', () => {
  const rows = DeploymentList.parse({
    deployments: [
      { id: 'b2c4d6e8f0a1b3c5', status: 'ready', sovereignFQDN: 'acme.omani.works', ownerEmail: 'o@acme.io' },
      { id: 'c1d2e3f4a5b6c7d8', status: 'provisioning' },
    ],
  })
  it('deployments: by FQDN, id, owner, and org where the record is known', () => {
    const items = deploymentEntries(rows, new Map([['b2c4d6e8f0a1b3c5', 'Acme Corp']]))
    expect(items[0]).toMatchObject({
      id: 'dep:b2c4d6e8f0a1b3c5',
      label: 'acme.omani.works',
      keywords: ['b2c4d6e8f0a1b3c5', 'Acme Corp', 'o@acme.io'],
      detail: 'Acme Corp · ready',
      run: { go: { page: 'overview', deploymentId: 'b2c4d6e8f0a1b3c5' } },
    })
    // No FQDN yet: named by its id.
    expect(items[1]!.label).toBe('deployment c1d2e3f4')
    expect(ids(rankPaletteItems('acme corp', items, []).map((r) => r.item))).toEqual(['dep:b2c4d6e8f0a1b3c5'])
    expect(ids(rankPaletteItems('c1d2e3', items, []).map((r) => r.item))).toEqual(['dep:c1d2e3f4a5b6c7d8'])
  })

  it('jobs: by name (groups left out), keyed by deployment so recents never cross deployments', () => {
    const jobs = JobList.parse({
      jobs: [
        {
          id: `${DEP}:install-nbg1-1:cilium`,
          jobName: 'install-nbg1-1:cilium',
          appId: 'cilium',
          status: 'running',
          region: 'nbg1-1',
        },
        { id: `${DEP}:bootstrap-kit`, jobName: 'bootstrap-kit', type: 'group' },
      ],
    }).jobs
    const items = jobEntries(DEP, jobs)
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({
      id: `job:${DEP}:install-nbg1-1:cilium`,
      label: 'install-nbg1-1:cilium',
      detail: 'running · nbg1-1',
      run: { go: { page: 'job', deploymentId: DEP, jobId: 'install-nbg1-1:cilium' } },
    })
  })

  it('apps: by title, slug and id, never a doubled bp- prefix', () => {
    const catalog = Catalog.parse({
      items: [
        { name: 'bp-harbor', card: { title: 'Harbor', family: 'spine' } },
        { name: 'cilium', card: {} },
      ],
    }).items
    const items = appEntries(DEP, catalog)
    expect(items.map((i) => [i.id, i.label, i.keywords])).toEqual([
      ['app:bp-harbor', 'Harbor', ['harbor', 'bp-harbor']],
      ['app:bp-cilium', 'cilium', ['bp-cilium']],
    ])
    expect(items[0]!.run).toEqual({ go: { page: 'app', deploymentId: DEP, componentId: 'bp-harbor' } })
  })
})
