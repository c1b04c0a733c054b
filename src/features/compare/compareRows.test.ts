import { describe, expect, it } from 'vitest'
import type { CompareRow, CompareSide, RegionPair } from '../../graph/compareRuns.ts'
import {
  type COMPARE_SORT,
  filterCompareRows,
  formatDelta,
  regionLabel,
  rowDifferences,
  sortCompareRows,
} from './compareRows.ts'

const pair = (a: string | undefined, b: string | undefined): RegionPair => ({
  key: a && b ? (a === b ? a : `${a}~${b}`) : (a ?? b)!,
  a,
  b,
  rule: a && b ? 'same-key' : a ? 'only-a' : 'only-b',
})

function side(durationMs: number | undefined, extra: Partial<CompareSide> = {}): CompareSide {
  return {
    jobId: 'x',
    status: 'succeeded',
    startedAtMs: 0,
    finishedAtMs: durationMs,
    durationMs,
    lastAttemptMs: durationMs,
    running: false,
    attempts: 1,
    retried: false,
    onCriticalPath: false,
    ...extra,
  }
}

function row(
  name: string,
  a: CompareSide | undefined,
  b: CompareSide | undefined,
  p = pair('primary', 'primary'),
) {
  const r: CompareRow = {
    key: `${p.key}/${name}`,
    name,
    label: name,
    phase: 'bootstrap-kit',
    pair: p,
    a,
    b,
    presence: a && b ? 'both' : a ? 'only-a' : 'only-b',
    deltaMs:
      a?.durationMs !== undefined && b?.durationMs !== undefined ? b.durationMs - a.durationMs : undefined,
    ratio: undefined,
    statusChanged: !!a && !!b && a.status !== b.status,
  }
  return r
}

const rows = [
  row('cilium', side(60_000, { onCriticalPath: true }), side(90_000, { onCriticalPath: true })),
  row('harbor', side(120_000), side(200_000, { status: 'failed' })),
  row('keycloak', side(300_000, { retried: true, attempts: 2 }), side(100_000)),
  row('velero', side(50_000), undefined, pair('hel1-2', undefined)),
  row('grafana', side(undefined, { status: 'pending', startedAtMs: undefined }), side(40_000)),
]

describe('formatDelta', () => {
  it('signs the delta and reads a sub-second one as no change', () => {
    expect(formatDelta(84_000)).toBe('+1m 24s')
    expect(formatDelta(-12_000)).toBe('−12s')
    expect(formatDelta(400)).toBe('±0s')
    expect(formatDelta(undefined)).toBe('—')
  })
})

describe('regionLabel', () => {
  it('names the primary, deployment-wide and mismatched pairs', () => {
    expect(regionLabel(pair('primary', 'primary'))).toBe('primary')
    expect(regionLabel(pair('none', 'none'))).toBe('deployment-wide')
    expect(regionLabel(pair('hel1-2', 'sin-2'))).toBe('hel1-2 ↔ sin-2')
    expect(regionLabel(pair(undefined, 'sin-3'))).toBe('sin-3')
  })
})

describe('rowDifferences', () => {
  it('says what happened in one run only', () => {
    expect(rowDifferences(rows[0]!)).toEqual([])
    expect(rowDifferences(rows[1]!)).toEqual(['failed in B only'])
    expect(rowDifferences(rows[2]!)).toEqual(['retried in A only'])
    expect(rowDifferences(rows[3]!)).toEqual(['only in A'])
    expect(rowDifferences(rows[4]!)).toEqual(['status differs'])
  })
})

describe('filterCompareRows', () => {
  const names = (f: Parameters<typeof filterCompareRows>[1]) => filterCompareRows(rows, f).map((r) => r.name)
  const none = { filter: undefined, region: undefined, q: undefined }

  it('keeps everything by default', () => {
    expect(names(none)).toHaveLength(rows.length)
  })

  it.each([
    ['differences', ['harbor', 'keycloak', 'velero', 'grafana']],
    ['failed', ['harbor']],
    ['retried', ['keycloak']],
    ['one-side', ['velero']],
    ['critical', ['cilium']],
  ] as const)('filter %s', (filter, expected) => {
    expect(names({ ...none, filter })).toEqual(expected)
  })

  it('narrows by region pair and by name', () => {
    expect(names({ ...none, region: 'hel1-2' })).toEqual(['velero'])
    expect(names({ ...none, q: ' KEY ' })).toEqual(['keycloak'])
  })
})

describe('sortCompareRows', () => {
  const order = (column: (typeof COMPARE_SORT.columns)[number] | undefined, desc = false) =>
    sortCompareRows(rows, column ? { column, desc } : undefined).map((r) => r.name)

  it('keeps the comparison order without a sort', () => {
    expect(order(undefined)).toEqual(rows.map((r) => r.name))
  })

  it('sorts by delta with rows lacking one last, both ways', () => {
    expect(order('delta', true)).toEqual(['harbor', 'cilium', 'keycloak', 'velero', 'grafana'])
    expect(order('delta', false)).toEqual(['keycloak', 'cilium', 'harbor', 'velero', 'grafana'])
  })

  it('sorts by either side’s duration and by name', () => {
    expect(order('a', true)).toEqual(['keycloak', 'harbor', 'cilium', 'velero', 'grafana'])
    expect(order('b', false)).toEqual(['grafana', 'cilium', 'keycloak', 'harbor', 'velero'])
    expect(order('name')).toEqual(['cilium', 'grafana', 'harbor', 'keycloak', 'velero'])
  })

  it('sorts by region in the comparison’s region order, reversible', () => {
    expect(order('region', true)[0]).toBe('grafana')
  })
})
