import { describe, expect, it } from 'vitest'
import type { DeploymentSummary } from '../../../contracts/deployments.ts'
import {
  DEFAULT_SORT,
  compareDeployments,
  defaultDirFor,
  nextSort,
  regionsOf,
  sortDeployments,
  sortFromSearch,
  type DeploymentSort,
} from './sortDeployments.ts'
import { filterDeployments, statusOptions } from './filterDeployments.ts'

const row = (id: string, extra: Partial<DeploymentSummary> = {}): DeploymentSummary => ({
  id,
  status: 'ready',
  startedAt: undefined,
  finishedAt: undefined,
  adoptedAt: undefined,
  ...extra,
})

const rows: DeploymentSummary[] = [
  row('a', {
    sovereignFQDN: 'beta.omani.works',
    startedAt: '2026-05-10T10:00:00Z',
    finishedAt: '2026-05-10T11:00:00Z',
    ownerEmail: 'Zed@x.io',
    regions: ['nbg1', 'fsn1-1'],
  }),
  row('b', {
    sovereignFQDN: 'Alpha.omani.works',
    startedAt: '2026-05-12T10:00:00Z',
    ownerEmail: 'amy@x.io',
    region: 'fsn1',
    status: 'phase1-watching',
  }),
  row('c', {
    sovereignFQDN: 'gamma.omani.works',
    startedAt: '2026-05-09T23:00:00+02:00',
    finishedAt: '2026-05-09T22:30:00Z',
    status: 'failed',
  }),
  row('d', { startedAt: 'not a date', status: 'wiped' }),
]

const ids = (sort: DeploymentSort) => sortDeployments(rows, sort).map((r) => r.id)

describe('sortDeployments', () => {
  it.each<[DeploymentSort, string[]]>([
    // Default: Started newest first; an unparsable date is empty → first when descending.
    [DEFAULT_SORT, ['d', 'b', 'a', 'c']],
    [{ key: 'started', dir: 'asc' }, ['c', 'a', 'b', 'd']],
    // Empty finished times (b, d) last ascending, first descending; ties broken by id.
    [{ key: 'finished', dir: 'asc' }, ['c', 'a', 'b', 'd']],
    [{ key: 'finished', dir: 'desc' }, ['b', 'd', 'a', 'c']],
    // Strings case-insensitively: "Alpha" before "beta"; no FQDN falls back to the id.
    [{ key: 'fqdn', dir: 'asc' }, ['b', 'a', 'd', 'c']],
    [{ key: 'fqdn', dir: 'desc' }, ['c', 'd', 'a', 'b']],
    // Empty owners last ascending (c, d), first descending (ties by id).
    [{ key: 'owner', dir: 'asc' }, ['b', 'a', 'c', 'd']],
    [{ key: 'owner', dir: 'desc' }, ['c', 'd', 'a', 'b']],
    [{ key: 'status', dir: 'asc' }, ['c', 'b', 'a', 'd']],
    // Regions: the mock's list, else the single region; none → empty.
    [{ key: 'regions', dir: 'asc' }, ['b', 'a', 'c', 'd']],
  ])('%o → %o', (sort, expected) => {
    expect(ids(sort)).toEqual(expected)
  })

  it('sorts statuses by the word shown (Installing, not phase1-watching)', () => {
    const label = (st: string) => (st === 'phase1-watching' ? 'Installing' : st)
    expect(sortDeployments(rows, { key: 'status', dir: 'asc' }, label).map((r) => r.id)).toEqual([
      'c', // failed
      'b', // Installing
      'a', // ready
      'd', // wiped
    ])
    const x = row('x', { status: 'phase1-watching' })
    const y = row('y', { status: 'pending' })
    // Raw words: "pending" < "phase1-watching"; shown words: "Installing" < "pending".
    expect(compareDeployments(x, y, { key: 'status', dir: 'asc' })).toBeGreaterThan(0)
    expect(compareDeployments(x, y, { key: 'status', dir: 'asc' }, label)).toBeLessThan(0)
    expect(
      compareDeployments(row('x', { status: 'provisioning' }), x, { key: 'status', dir: 'asc' }, label),
    ).toBeGreaterThan(0)
  })

  it('compares dates as instants, not as text', () => {
    const x = row('x', { startedAt: '2026-05-09T23:00:00+02:00' }) // 21:00Z
    const y = row('y', { startedAt: '2026-05-09T22:00:00Z' })
    expect(compareDeployments(x, y, { key: 'started', dir: 'asc' })).toBeLessThan(0)
  })

  it('breaks ties by id so the order is total and stable', () => {
    const same = [row('z', { ownerEmail: 'a@x' }), row('m', { ownerEmail: 'A@X' })]
    expect(sortDeployments(same, { key: 'owner', dir: 'asc' }).map((r) => r.id)).toEqual(['m', 'z'])
    expect(sortDeployments(same, { key: 'owner', dir: 'desc' }).map((r) => r.id)).toEqual(['m', 'z'])
  })

  it('never mutates its input', () => {
    const copy = [...rows]
    sortDeployments(rows, { key: 'fqdn', dir: 'asc' })
    expect(rows).toEqual(copy)
  })

  it('sorts 10,000 rows consistently with the comparator', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      row(`id${i}`, {
        sovereignFQDN: i % 7 === 0 ? undefined : `s${(i * 7919) % 10_007}.omani.works`,
        startedAt:
          i % 11 === 0
            ? undefined
            : new Date(1_700_000_000_000 + ((i * 104_729) % 10_000) * 60_000).toISOString(),
      }),
    )
    for (const sort of [DEFAULT_SORT, { key: 'fqdn', dir: 'asc' } as DeploymentSort]) {
      const out = sortDeployments(many, sort)
      for (let i = 1; i < out.length; i++)
        expect(compareDeployments(out[i - 1]!, out[i]!, sort)).toBeLessThanOrEqual(0)
    }
  })
})

describe('sort state', () => {
  it('toggles the active column and starts others at their natural direction', () => {
    expect(nextSort(DEFAULT_SORT, 'started')).toEqual({ key: 'started', dir: 'asc' })
    expect(nextSort({ key: 'started', dir: 'asc' }, 'started')).toEqual({ key: 'started', dir: 'desc' })
    expect(nextSort(DEFAULT_SORT, 'fqdn')).toEqual({ key: 'fqdn', dir: 'asc' })
    expect(nextSort({ key: 'fqdn', dir: 'asc' }, 'finished')).toEqual({ key: 'finished', dir: 'desc' })
    expect(defaultDirFor('owner')).toBe('asc')
  })

  it('reads the sort from URL params with defaults', () => {
    expect(sortFromSearch({})).toEqual(DEFAULT_SORT)
    expect(sortFromSearch({ sort: 'fqdn' })).toEqual({ key: 'fqdn', dir: 'asc' })
    expect(sortFromSearch({ sort: 'finished', dir: 'asc' })).toEqual({ key: 'finished', dir: 'asc' })
    expect(sortFromSearch({ dir: 'asc' })).toEqual({ key: 'started', dir: 'asc' })
  })

  it('lists regions from the extension or the single region', () => {
    expect(regionsOf(rows[0]!)).toEqual(['nbg1', 'fsn1-1'])
    expect(regionsOf(rows[1]!)).toEqual(['fsn1'])
    expect(regionsOf(rows[2]!)).toEqual([])
  })
})

describe('filterDeployments', () => {
  const label = (s: string) => (s === 'phase1-watching' ? 'Installing' : s)
  it.each<[{ q?: string; status?: string }, string[]]>([
    [{}, ['a', 'b', 'c', 'd']],
    [{ q: 'ALPHA' }, ['b']],
    [{ q: '  omani  ' }, ['a', 'b', 'c']],
    [{ q: 'amy@' }, ['b']],
    [{ q: 'fsn1-1' }, ['a']],
    [{ q: 'installing' }, ['b']],
    [{ status: 'failed' }, ['c']],
    [{ status: 'failed', q: 'beta' }, []],
    [{ q: 'wiped' }, ['d']],
  ])('%o → %o', (filter, expected) => {
    expect(filterDeployments(rows, filter, label).map((r) => r.id)).toEqual(expected)
  })

  it('never matches across two fields, and a different labeller is not served from the memo', () => {
    // "works" ends row a's FQDN and "a" is its id: a query spanning both fields matches nothing.
    expect(filterDeployments(rows, { q: 'works\na' }, label)).toEqual([])
    expect(filterDeployments(rows, { q: 'worksa' }, label)).toEqual([])
    expect(filterDeployments(rows, { q: 'installing' }, label).map((r) => r.id)).toEqual(['b'])
    expect(filterDeployments(rows, { q: 'installing' }).map((r) => r.id)).toEqual([])
    expect(filterDeployments(rows, { q: 'installing' }, label).map((r) => r.id)).toEqual(['b'])
  })

  it('keeps the input order (the screen sorts once and filters the sorted list)', () => {
    const reversed = [...rows].reverse()
    expect(filterDeployments(reversed, { q: 'omani' }, label).map((r) => r.id)).toEqual(['c', 'b', 'a'])
  })

  it('offers the statuses present (plus the current one)', () => {
    expect(statusOptions(rows)).toEqual(['failed', 'phase1-watching', 'ready', 'wiped'])
    expect(statusOptions(rows, 'adopted')).toContain('adopted')
  })
})
