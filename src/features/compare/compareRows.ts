/**
 * The compare table's rows as the operator reads them (pure): which rows a filter keeps, the order a
 * header sorts them in, what a region pair and a delta read as. The comparison itself is
 * `graph/compareRuns.ts`; this file only decides what to show of it.
 */
import type { CompareRow, RegionPair } from '../../graph/compareRuns.ts'
import { NO_REGION, PRIMARY } from '../../graph/runData.ts'
import { formatDuration } from '../../lib/time.ts'
import { compareOptional, sortCodec, type SortState } from '../../lib/sortCodec.ts'
import type { CompareFilter } from '../../entities/deployment/compareSearch.ts'

export const COMPARE_SORT = sortCodec(['name', 'region', 'a', 'b', 'delta'] as const, {
  descFirst: ['a', 'b', 'delta'],
})
export type CompareSortColumn = (typeof COMPARE_SORT.columns)[number]
export type CompareSort = SortState<CompareSortColumn>

function regionWord(key: string): string {
  if (key === PRIMARY) return 'primary'
  if (key === NO_REGION) return 'deployment-wide'
  return key
}

/** `primary`, `deployment-wide`, `nbg1-1`, or `hel1-2 ↔ sin-2` when the runs' region keys differ. */
export function regionLabel(pair: RegionPair): string {
  if (pair.a !== undefined && pair.b !== undefined && pair.a !== pair.b)
    return `${regionWord(pair.a)} ↔ ${regionWord(pair.b)}`
  return regionWord(pair.a ?? pair.b!)
}

/** `+1m 24s` (B slower), `−12s` (B faster), `±0s`; `—` when either side has no duration. */
export function formatDelta(ms: number | undefined): string {
  if (ms === undefined) return '—'
  if (Math.abs(ms) < 1000) return '±0s'
  return `${ms > 0 ? '+' : '−'}${formatDuration(Math.abs(ms))}`
}

const failedIn = (r: CompareRow, side: 'a' | 'b') =>
  r[side]?.status === 'failed' && r[side === 'a' ? 'b' : 'a']?.status !== 'failed'
const retriedIn = (r: CompareRow, side: 'a' | 'b') =>
  !!r[side]?.retried && !r[side === 'a' ? 'b' : 'a']?.retried

/** What happened in one run and not the other, in words (empty when both runs agree). */
export function rowDifferences(r: CompareRow): string[] {
  const out: string[] = []
  if (r.presence === 'only-a') out.push('only in A')
  if (r.presence === 'only-b') out.push('only in B')
  if (failedIn(r, 'a')) out.push('failed in A only')
  if (failedIn(r, 'b')) out.push('failed in B only')
  if (retriedIn(r, 'a')) out.push('retried in A only')
  if (retriedIn(r, 'b')) out.push('retried in B only')
  if (r.statusChanged && !failedIn(r, 'a') && !failedIn(r, 'b')) out.push('status differs')
  return out
}

export interface RowFilter {
  filter: CompareFilter | undefined
  region: string | undefined
  q: string | undefined
}

function keeps(r: CompareRow, filter: CompareFilter | undefined): boolean {
  switch (filter ?? 'all') {
    case 'all':
      return true
    case 'differences':
      return rowDifferences(r).length > 0
    case 'failed':
      return r.a?.status === 'failed' || r.b?.status === 'failed'
    case 'retried':
      return !!r.a?.retried || !!r.b?.retried
    case 'one-side':
      return r.presence !== 'both'
    case 'critical':
      return !!r.a?.onCriticalPath || !!r.b?.onCriticalPath
  }
}

export function filterCompareRows(rows: readonly CompareRow[], f: RowFilter): CompareRow[] {
  const q = f.q?.trim().toLowerCase()
  return rows.filter(
    (r) =>
      keeps(r, f.filter) &&
      (!f.region || r.pair.key === f.region) &&
      (!q || r.name.toLowerCase().includes(q) || r.label.toLowerCase().includes(q)),
  )
}

/**
 * A sorted copy; without a sort the comparison's own order (region, phase, name) stays. Ties keep that
 * order too (the sort is stable), so the table never reshuffles equal rows between renders.
 */
export function sortCompareRows(rows: readonly CompareRow[], sort: CompareSort | undefined): CompareRow[] {
  if (!sort) return [...rows]
  const rank = new Map(rows.map((r, i) => [r.key, i]))
  const dir = sort.desc ? -1 : 1
  const cmp = (x: CompareRow, y: CompareRow): number => {
    switch (sort.column) {
      case 'name':
        return dir * x.name.localeCompare(y.name)
      case 'region':
        // The comparison already orders regions (primary, secondaries, deployment-wide).
        return dir * (rank.get(x.key)! - rank.get(y.key)!)
      case 'a':
        return compareOptional(x.a?.durationMs, y.a?.durationMs, sort.desc)
      case 'b':
        return compareOptional(x.b?.durationMs, y.b?.durationMs, sort.desc)
      case 'delta':
        return compareOptional(x.deltaMs, y.deltaMs, sort.desc)
    }
  }
  return [...rows].sort((x, y) => cmp(x, y) || rank.get(x.key)! - rank.get(y.key)!)
}
