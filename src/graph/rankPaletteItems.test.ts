import { describe, expect, it } from 'vitest'
import { KEYWORD_PENALTY, rankPaletteItems, type PaletteItem } from './rankPaletteItems.ts'

const items: PaletteItem[] = [
  { id: 'page:deployments', label: 'Deployments', suggested: true },
  { id: 'action:new', label: 'New deployment', keywords: ['create', 'wizard'], suggested: true },
  { id: 'action:theme', label: 'Toggle theme', keywords: ['dark', 'light'], suggested: true },
  { id: 'dep:a43364f11c10cde3', label: 't126.omani.works', keywords: ['Omani Telecom', 'a43364f11c10cde3'] },
  { id: 'dep:b9f0', label: 'harbor-lab.omani.works', keywords: ['Harbor Labs', 'b9f0aa11c10cde30'] },
  { id: 'app:harbor', label: 'harbor', keywords: ['Registry'] },
  { id: 'job:install-harbor', label: 'install-harbor', keywords: ['bootstrap-kit'] },
  { id: 'page:users', label: 'Users' },
]
const ids = (r: ReturnType<typeof rankPaletteItems>) => r.map((x) => x.item.id)

describe('rankPaletteItems', () => {
  it.each<[string, string[], string[]]>([
    [
      'no recents: the suggested items in input order',
      [],
      ['page:deployments', 'action:new', 'action:theme'],
    ],
    [
      'recents first (most recent first), then the suggested ones not repeated',
      ['dep:b9f0', 'action:theme'],
      ['dep:b9f0', 'action:theme', 'page:deployments', 'action:new'],
    ],
    [
      'unknown and duplicate recent ids are skipped',
      ['gone', 'app:harbor', 'app:harbor'],
      ['app:harbor', 'page:deployments', 'action:new', 'action:theme'],
    ],
  ])('empty query, %s', (_name, recent, want) => {
    const r = rankPaletteItems('  ', items, recent)
    expect(ids(r)).toEqual(want)
    expect(r.every((x) => x.score === 0 && x.ranges.length === 0)).toBe(true)
    expect(r.map((x) => x.recent)).toEqual(want.map((id) => recent.includes(id)))
  })

  it('matches label and keywords; a label match outranks the same keyword match', () => {
    const r = rankPaletteItems('harbor', items, [])
    expect(ids(r)).toEqual(['app:harbor', 'dep:b9f0', 'job:install-harbor'])
    expect(r[0]!.ranges).toEqual([[0, 6]])
    expect(r[0]!.keyword).toBeUndefined()
  })

  it('finds a deployment by org or id through its keywords, with the keyword highlight', () => {
    const byOrg = rankPaletteItems('omani tel', items, [])
    expect(ids(byOrg)[0]).toBe('dep:a43364f11c10cde3')
    // Query whitespace is ignored: "omanitel" in "Omani Telecom".
    expect(byOrg[0]!.keyword).toEqual({
      index: 0,
      ranges: [
        [0, 5],
        [6, 9],
      ],
    })
    const byId = rankPaletteItems('a4336', items, [])
    expect(ids(byId)).toEqual(['dep:a43364f11c10cde3'])
    expect(byId[0]!.ranges).toEqual([])
    expect(byId[0]!.keyword!.index).toBe(1)
  })

  it('boosts recent items, the most recent most, and prefers them on ties', () => {
    const plain = rankPaletteItems('harbor', items, [])
    const withRecent = rankPaletteItems('harbor', items, ['job:install-harbor'])
    expect(ids(withRecent)[0]).toBe('job:install-harbor')
    expect(withRecent[0]!.recent).toBe(true)
    const gain = withRecent[0]!.score - plain.find((x) => x.item.id === 'job:install-harbor')!.score
    expect(gain).toBe(24)
    // Two recents: the older gets the smaller boost.
    const two = rankPaletteItems(
      't',
      [items[3]!, { id: 'x', label: 't126.omani.works' }],
      ['x', 'dep:a43364f11c10cde3'],
    )
    expect(ids(two)).toEqual(['x', 'dep:a43364f11c10cde3'])
    expect(two[0]!.score - two[1]!.score).toBe(12)
  })

  it('breaks full ties by shorter label, then label, then id', () => {
    const tie: PaletteItem[] = [
      { id: 'b', label: 'zeta' },
      { id: 'a', label: 'zeta' },
      { id: 'c', label: 'zebra' },
      { id: 'd', label: 'zed' },
      { id: 'e', label: 'zeal' },
    ]
    expect(ids(rankPaletteItems('ze', tie, []))).toEqual(['d', 'e', 'a', 'b', 'c'])
  })

  it('drops items that do not match, keeps the first copy of a duplicated id, honours the limit', () => {
    const dup = [...items, { id: 'app:harbor', label: 'harbor (copy)' }]
    expect(ids(rankPaletteItems('harbor', dup, []))).toEqual(['app:harbor', 'dep:b9f0', 'job:install-harbor'])
    expect(rankPaletteItems('qqq', items, [])).toEqual([])
    expect(ids(rankPaletteItems('harbor', items, [], { limit: 1 }))).toEqual(['app:harbor'])
    expect(ids(rankPaletteItems('', items, ['app:harbor'], { limit: 2 }))).toEqual([
      'app:harbor',
      'page:deployments',
    ])
  })

  it('the keyword penalty is what separates an equal label and keyword match', () => {
    const r = rankPaletteItems(
      'registry',
      [
        { id: 'k', label: 'harbor', keywords: ['registry'] },
        { id: 'l', label: 'registry' },
      ],
      [],
    )
    expect(ids(r)).toEqual(['l', 'k'])
    expect(r[0]!.score - r[1]!.score).toBe(KEYWORD_PENALTY)
  })

  it('ranks 10,000 deployments deterministically and finds the one typed', () => {
    const many: PaletteItem[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `dep:${i}`,
      label: `t${i}.omani.works`,
      keywords: [`Org ${i % 97}`, i.toString(16).padStart(16, '0')],
    }))
    const a = rankPaletteItems('t7777', many, ['dep:7777'], { limit: 20 })
    const b = rankPaletteItems('t7777', [...many].reverse(), ['dep:7777'], { limit: 20 })
    expect(ids(a)[0]).toBe('dep:7777')
    expect(ids(b)).toEqual(ids(a))
  })
})
