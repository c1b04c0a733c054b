import { describe, expect, it } from 'vitest'
import { Catalog, type CatalogBlueprint, type SovereignApp } from '../../contracts/apps.ts'
import {
  appSlug,
  buildAppCards,
  canonicalAppId,
  deploymentRegions,
  dependentsOf,
  filterAppCards,
  findAppCard,
  liveAppStatus,
  parseComponentKey,
  parseStatusFilter,
  rollupAppStatus,
  safeExternalUrl,
  summariseApps,
  type RegionAppStatus,
} from './appModel.ts'

function bp(name: string, family: string, dependsOn: string[] = [], extra: Record<string, unknown> = {}) {
  return { name, version: '1.0.0', card: { title: name.replace(/^bp-/, ''), family }, dependsOn, ...extra }
}

const catalog: CatalogBlueprint[] = Catalog.parse({
  items: [
    bp('bp-cilium', 'spine', [], { card: { title: 'Cilium', family: 'spine', category: 'Networking' } }),
    bp('bp-cert-manager', 'guardian', ['cilium']),
    bp('bp-harbor', 'silo', ['bp-cert-manager', 'bp-bp-cnpg']),
    bp('bp-cnpg', 'fabric'),
    bp('bp-openova-flow-server', 'catalyst', ['cnpg']),
    // A buggy generator produced doubled prefixes once; the id must still come out as `bp-loki`.
    bp('bp-bp-loki', 'insights'),
    bp('bp-velero', 'silo'),
  ],
}).items

const regions = [
  { region: 'fsn1', primary: true, hrReady: 0, hrTotal: 0, degraded: false },
  { region: 'nbg1-1', primary: false, hrReady: 0, hrTotal: 0, degraded: false },
  { region: 'hel1-2', primary: false, hrReady: 0, hrTotal: 0, degraded: false },
]

const componentStates: Record<string, string> = {
  cilium: 'installed',
  'nbg1-1:cilium': 'installed',
  'hel1-2:cilium': 'installed',
  'cert-manager': 'installed',
  'nbg1-1:cert-manager': 'installing',
  'hel1-2:cert-manager': 'pending',
  harbor: 'failed',
  'nbg1-1:harbor': 'pending',
  'hel1-2:harbor': 'pending',
  cnpg: 'installed',
  'nbg1-1:cnpg': 'installed',
  'hel1-2:cnpg': 'installed',
  // primary-only chart: absent from the secondaries, still "installed everywhere it is placed"
  'openova-flow-server': 'installed',
  loki: 'installed',
  'nbg1-1:loki': 'installed',
  'hel1-2:loki': 'failed',
}

const state = { regions, componentStates }

describe('canonical app ids', () => {
  it.each([
    ['alloy', 'bp-alloy'],
    ['bp-alloy', 'bp-alloy'],
    ['bp-bp-alloy', 'bp-alloy'],
    ['bp-bp-bp-catalyst-platform', 'bp-catalyst-platform'],
    [' bp-harbor ', 'bp-harbor'],
  ])('%s → %s', (input, id) => {
    expect(canonicalAppId(input)).toBe(id)
    expect(canonicalAppId(id)).toBe(id)
    expect(appSlug(input)).toBe(id.slice(3))
  })

  it('parses component keys of the primary and secondary regions', () => {
    expect(parseComponentKey('cilium')).toEqual({ region: undefined, slug: 'cilium' })
    expect(parseComponentKey('nbg1-1:cilium')).toEqual({ region: 'nbg1-1', slug: 'cilium' })
  })
})

describe('rollupAppStatus', () => {
  const cases: [string, (RegionAppStatus | 'absent')[], string][] = [
    ['nothing placed', ['absent', 'absent'], 'available'],
    ['no regions', [], 'available'],
    ['installed everywhere', ['installed', 'installed', 'installed'], 'installed'],
    ['primary-only chart installed', ['installed', 'absent', 'absent'], 'installed'],
    ['rolling out', ['installed', 'installing', 'pending'], 'installing'],
    ['installed on primary, secondaries waiting', ['installed', 'pending', 'pending'], 'installing'],
    ['all pending', ['pending', 'pending'], 'pending'],
    ['failed everywhere placed', ['failed', 'pending', 'pending'], 'failed'],
    ['failed in one region only', ['installed', 'installed', 'failed'], 'degraded'],
    ['degraded HelmRelease', ['installed', 'degraded'], 'degraded'],
  ]
  it.each(cases)('%s', (_name, statuses, expected) => {
    expect(rollupAppStatus(statuses)).toBe(expected)
  })
})

describe('buildAppCards', () => {
  const cards = buildAppCards({ catalog, state })
  const byId = new Map(cards.map((c) => [c.id, c]))

  it('makes one card per catalog blueprint with a canonical bp- id, never bp-bp-', () => {
    expect(cards.map((c) => c.id)).toEqual([
      'bp-cilium',
      'bp-cert-manager',
      'bp-harbor',
      'bp-cnpg',
      'bp-openova-flow-server',
      'bp-loki',
      'bp-velero',
    ])
    for (const c of cards) {
      expect(c.id).toMatch(/^bp-(?!bp-)/)
      for (const d of c.dependsOn) expect(d).toMatch(/^bp-(?!bp-)/)
    }
    expect(byId.get('bp-harbor')!.dependsOn).toEqual(['bp-cert-manager', 'bp-cnpg'])
  })

  it('places each app per region from componentStates (bare key = primary, region:slug = secondary)', () => {
    expect(byId.get('bp-cert-manager')!.regions).toEqual([
      { region: 'fsn1', primary: true, status: 'installed', componentKey: 'cert-manager' },
      { region: 'nbg1-1', primary: false, status: 'installing', componentKey: 'nbg1-1:cert-manager' },
      { region: 'hel1-2', primary: false, status: 'pending', componentKey: 'hel1-2:cert-manager' },
    ])
    expect(byId.get('bp-openova-flow-server')!.regions.map((r) => r.status)).toEqual([
      'installed',
      'absent',
      'absent',
    ])
  })

  it('rolls the regions up into one status', () => {
    expect(Object.fromEntries(cards.map((c) => [c.id, c.status]))).toEqual({
      'bp-cilium': 'installed',
      'bp-cert-manager': 'installing',
      'bp-harbor': 'failed',
      'bp-cnpg': 'installed',
      'bp-openova-flow-server': 'installed',
      'bp-loki': 'degraded',
      'bp-velero': 'available',
    })
  })

  it('labels families from the card category, else from the family map', () => {
    expect(byId.get('bp-cilium')!.familyLabel).toBe('Networking')
    const labelled = buildAppCards({ catalog, state, familyLabels: { silo: 'Storage & Registry' } })
    expect(labelled.find((c) => c.id === 'bp-harbor')!.familyLabel).toBe('Storage & Registry')
  })

  it('lets the Sovereign live status fill in apps the State does not know, never override it', () => {
    const live: SovereignApp[] = [
      { id: 'bp-velero', slug: 'velero', status: 'installed', marketplacePublished: true },
      {
        id: 'bp-harbor',
        slug: 'harbor',
        status: 'installed',
        marketplacePublished: false,
        externalURL: 'https://harbor.t126.omani.works',
      },
      { id: 'bp-cnpg', slug: 'cnpg', status: 'x', marketplacePublished: false, externalURL: 'javascript:1' },
    ]
    const withLive = buildAppCards({ catalog, state, live })
    const v = withLive.find((c) => c.id === 'bp-velero')!
    expect(v.status).toBe('installed')
    expect(v.marketplacePublished).toBe(true)
    const h = withLive.find((c) => c.id === 'bp-harbor')!
    expect(h.status).toBe('failed')
    expect(h.externalURL).toBe('https://harbor.t126.omani.works/')
    expect(withLive.find((c) => c.id === 'bp-cnpg')!.externalURL).toBeUndefined()
  })

  it('works without a State (Phase 0): everything is in the catalog, nothing installed', () => {
    const bare = buildAppCards({ catalog, state: undefined })
    expect(bare.every((c) => c.status === 'available' && c.regions.length === 0)).toBe(true)
  })
})

describe('summariseApps', () => {
  it('counts installed of the catalog the same way the filters do (regression 47)', () => {
    const cards = buildAppCards({ catalog, state })
    const s = summariseApps(cards)
    expect(s.catalog).toBe(7)
    expect(s.installed).toBe(3)
    expect(s.onDeployment).toBe(6)
    expect(filterAppCards(cards, { status: 'installed' })).toHaveLength(s.installed)
    expect(filterAppCards(cards, {})).toHaveLength(s.onDeployment)
    expect(filterAppCards(cards, { status: 'all' })).toHaveLength(s.catalog)
    expect(s.byStatus).toEqual({
      failed: 1,
      degraded: 1,
      installing: 1,
      pending: 0,
      installed: 3,
      available: 1,
    })
    expect(s.families.map((f) => [f.id, f.count])).toEqual([
      ['catalyst', 1],
      ['fabric', 1],
      ['guardian', 1],
      ['insights', 1],
      ['spine', 1],
      ['silo', 2],
    ])
  })
})

describe('filterAppCards', () => {
  const cards = buildAppCards({ catalog, state })
  const ids = (f: Parameters<typeof filterAppCards>[1]) => filterAppCards(cards, f).map((c) => c.id)

  it('shows what is on the deployment by default, problems first then by title', () => {
    expect(ids({})).toEqual([
      'bp-harbor',
      'bp-loki',
      'bp-cert-manager',
      'bp-cilium',
      'bp-cnpg',
      'bp-openova-flow-server',
    ])
  })

  it('filters by status, family and search together', () => {
    expect(ids({ status: 'available' })).toEqual(['bp-velero'])
    expect(ids({ status: 'all', family: 'silo' })).toEqual(['bp-harbor', 'bp-velero'])
    expect(ids({ q: 'CIL' })).toEqual(['bp-cilium'])
    expect(ids({ q: 'networking' })).toEqual(['bp-cilium'])
    expect(ids({ q: 'nothing-matches' })).toEqual([])
    expect(ids({ status: 'installed', family: 'silo' })).toEqual([])
  })

  it('ignores an unknown status value', () => {
    expect(parseStatusFilter('bogus')).toBeUndefined()
    expect(ids({ status: 'bogus' })).toEqual(ids({}))
  })
})

describe('findAppCard / dependents / regions', () => {
  it('finds an app by any id form and one the catalog lacks but the deployment runs', () => {
    expect(findAppCard({ catalog, state }, 'bp-bp-harbor')!.id).toBe('bp-harbor')
    expect(findAppCard({ catalog, state }, 'harbor')!.id).toBe('bp-harbor')
    const extra = findAppCard(
      { catalog, state: { regions, componentStates: { ...componentStates, 'nbg1-1:coredns': 'installed' } } },
      'coredns',
    )!
    expect(extra).toMatchObject({ id: 'bp-coredns', inCatalog: false, title: 'Coredns', status: 'installed' })
    expect(findAppCard({ catalog, state }, 'nope')).toBeUndefined()
  })

  it('lists the apps pulled in by a dependency', () => {
    const cards = buildAppCards({ catalog, state })
    expect(dependentsOf(cards, 'bp-cnpg')).toEqual(['bp-harbor', 'bp-openova-flow-server'])
    expect(dependentsOf(cards, 'cilium')).toEqual(['bp-cert-manager'])
  })

  it('derives regions from componentStates when State.regions is missing', () => {
    expect(
      deploymentRegions({ regions: [], componentStates: { cilium: 'installed', 'x-1:cilium': 'x' } }),
    ).toEqual([
      { region: 'primary', primary: true },
      { region: 'x-1', primary: false },
    ])
    expect(deploymentRegions(undefined)).toEqual([])
  })

  it('maps live statuses and keeps only http(s) links', () => {
    expect(liveAppStatus('bootstrap')).toBe('installed')
    expect(liveAppStatus('available')).toBe('available')
    expect(liveAppStatus('weird')).toBe('pending')
    expect(safeExternalUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeExternalUrl('not a url')).toBeUndefined()
    expect(safeExternalUrl('https://x.example/')).toBe('https://x.example/')
  })
})
