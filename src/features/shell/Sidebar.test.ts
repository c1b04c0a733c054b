import { describe, expect, it } from 'vitest'
import { can } from '../../entities/session/permissions.ts'
import { navSections } from './Sidebar.tsx'

const DEP = 'a43364f11c10cde3'

function summary(mode: 'mothership' | 'sovereign', dep: string, path: string) {
  return navSections(mode, dep, path).map((s) => ({
    id: s.id,
    items: s.items.map((i) => (i.active ? `*${i.label}` : i.label)),
  }))
}

describe('navSections', () => {
  it('mothership without a deployment: the mothership section only', () => {
    expect(summary('mothership', '', '/deployments')).toEqual([
      { id: 'mothership', items: ['*Deployments', 'New deployment', 'Fleet'] },
    ])
    expect(summary('mothership', '', '/app/dashboard')).toEqual([
      { id: 'mothership', items: ['Deployments', 'New deployment', '*Fleet'] },
    ])
  })

  it('a session whose tier cannot launch gets no New deployment entry (contract §1.2)', () => {
    const viewer = navSections('mothership', DEP, '/deployments', (a) => can('viewer', a).allowed)
    expect(viewer[0]!.items.map((i) => i.label)).toEqual(['Deployments', 'Fleet'])
    const operator = navSections('mothership', '', '/deployments', (a) => can('operator', a).allowed)
    expect(operator[0]!.items.map((i) => i.label)).toContain('New deployment')
  })

  it.each<[string, string]>([
    [`/provision/${DEP}`, 'Overview'],
    [`/provision/${DEP}/`, 'Overview'],
    [`/provision/${DEP}/dashboard`, 'Dashboard'],
    [`/provision/${DEP}/apps`, 'Apps'],
    [`/provision/${DEP}/app/bp-alloy`, 'Apps'],
    [`/provision/${DEP}/jobs`, 'Jobs'],
    [`/provision/${DEP}/jobs/timeline`, 'Jobs'],
    [`/provision/${DEP}/jobs/install-nbg1-1%3Acilium`, 'Jobs'],
    [`/provision/${DEP}/cloud`, 'Cloud'],
    [`/provision/${DEP}/users/new`, 'Users'],
    [`/provision/${DEP}/settings`, 'Settings'],
  ])('mothership %s marks only %s', (path, label) => {
    const sections = summary('mothership', DEP, path)
    expect(sections.map((s) => s.id)).toEqual(['mothership', 'deployment'])
    expect(sections.flatMap((s) => s.items).filter((i) => i.startsWith('*'))).toEqual([`*${label}`])
  })

  it.each<[string, string | undefined]>([
    ['/dashboard', 'Dashboard'],
    ['/apps', 'Apps'],
    ['/app/bp-alloy', 'Apps'],
    ['/jobs/install-nbg1-1%3Acilium', 'Jobs'],
    ['/cloud', 'Cloud'],
    ['/users/someone', 'Users'],
    ['/settings', 'Settings'],
    ['/nowhere', undefined],
    // "cloud" inside another segment is not the Cloud section.
    ['/jobs/install-cloudnative-pg', 'Jobs'],
  ])('Sovereign %s marks only %s, and no mothership entry exists', (path, label) => {
    const sections = summary('sovereign', DEP, path)
    expect(sections).toHaveLength(1)
    expect(sections[0]!.items.map((i) => i.replace('*', ''))).toEqual([
      'Dashboard',
      'Apps',
      'Jobs',
      'Cloud',
      'Users',
      'Settings',
    ])
    expect(sections[0]!.items.filter((i) => i.startsWith('*'))).toEqual(label ? [`*${label}`] : [])
  })
})
