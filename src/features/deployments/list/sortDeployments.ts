/**
 * Sorting the deployments list (pure). Dates compare as instants, strings case-insensitively; an empty
 * value sorts last in ascending order (and therefore first in descending order — the whole comparison is
 * reversed, as upstream does). Ties fall back to the id so the order is total and stable across renders.
 */
import type { DeploymentSummary } from '../../../contracts/deployments.ts'
import { DEPLOYMENT_SORT_KEYS } from '../../../entities/deployment/deploymentsSearch.ts'
import { sortCodec, type SortDir, type SortState } from '../../../lib/sortCodec.ts'

export type DeploymentSortKey = (typeof DEPLOYMENT_SORT_KEYS)[number]
export type { SortDir }
export interface DeploymentSort {
  key: DeploymentSortKey
  dir: SortDir
}

export const DEFAULT_SORT: DeploymentSort = { key: 'started', dir: 'desc' }

const DATE_KEYS: ReadonlySet<DeploymentSortKey> = new Set(['started', 'finished'])

export function isDateKey(key: DeploymentSortKey): boolean {
  return DATE_KEYS.has(key)
}

/** A newly chosen column starts newest-first for dates and A→Z for text. */
export function defaultDirFor(key: DeploymentSortKey): SortDir {
  return isDateKey(key) ? 'desc' : 'asc'
}

/** The list's `?sort=&dir=`: the one sort codec every table uses; dates start newest first. */
export const DEPLOYMENT_SORT = sortCodec(DEPLOYMENT_SORT_KEYS, { descFirst: [...DATE_KEYS] })

const fromState = (s: SortState<DeploymentSortKey>): DeploymentSort => ({
  key: s.column,
  dir: s.desc ? 'desc' : 'asc',
})

/** Clicking the active header toggles its direction; clicking another header starts it at its default. */
export function nextSort(current: DeploymentSort, clicked: DeploymentSortKey): DeploymentSort {
  return fromState(DEPLOYMENT_SORT.next({ column: current.key, desc: current.dir === 'desc' }, clicked))
}

/** The sort from URL params (either may be missing or invalid — the schema already dropped junk). */
export function sortFromSearch(search: { sort?: DeploymentSortKey | undefined; dir?: SortDir | undefined }) {
  const s = DEPLOYMENT_SORT.parse(search.sort, search.dir)
  return s ? fromState(s) : { key: DEFAULT_SORT.key, dir: search.dir ?? DEFAULT_SORT.dir }
}

/** Region keys of a row, primary first: the mock's `regions` extension, else the single `region`. */
export function regionsOf(row: DeploymentSummary): string[] {
  if (row.regions && row.regions.length > 0) return row.regions
  return row.region ? [row.region] : []
}

function parseDate(value: string | undefined): number | undefined {
  if (!value) return undefined
  const t = Date.parse(value)
  return Number.isFinite(t) ? t : undefined
}

/** Status words as the operator reads them (`phase1-watching` shows as "Installing"); identity by default. */
export type StatusLabeller = (status: string) => string
const asIs: StatusLabeller = (s) => s

/** The comparable value of a row for a key: a number for dates, a lower-cased string otherwise. */
export function sortValue(
  row: DeploymentSummary,
  key: DeploymentSortKey,
  labelOf: StatusLabeller = asIs,
): number | string | undefined {
  switch (key) {
    case 'started':
      return parseDate(row.startedAt)
    case 'finished':
      return parseDate(row.finishedAt)
    case 'fqdn':
      return lower(row.sovereignFQDN || row.id)
    case 'status':
      return lower(labelOf(row.status))
    case 'regions':
      return lower(regionsOf(row).join(', '))
    case 'owner':
      return lower(row.ownerEmail)
  }
}

function lower(s: string | undefined): string | undefined {
  const t = s?.trim()
  return t ? t.toLowerCase() : undefined
}

function compareValues(a: number | string | undefined, b: number | string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1
  if (a < b) return -1
  if (a > b) return 1
  return 0
}

function tieBreak(a: DeploymentSummary, b: DeploymentSummary): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Comparator for one sort (ascending puts empty values last; descending reverses everything). */
export function compareDeployments(
  a: DeploymentSummary,
  b: DeploymentSummary,
  sort: DeploymentSort,
  labelOf: StatusLabeller = asIs,
): number {
  const c = compareValues(sortValue(a, sort.key, labelOf), sortValue(b, sort.key, labelOf))
  if (c !== 0) return sort.dir === 'asc' ? c : -c
  return tieBreak(a, b)
}

/**
 * A sorted copy. Values are computed once per row (decorate–sort–undecorate), so 10,000 rows sort without
 * parsing a date or lower-casing a string inside the comparator.
 */
export function sortDeployments(
  rows: readonly DeploymentSummary[],
  sort: DeploymentSort,
  labelOf: StatusLabeller = asIs,
): DeploymentSummary[] {
  const sign = sort.dir === 'asc' ? 1 : -1
  const decorated = rows.map((row) => ({ row, v: sortValue(row, sort.key, labelOf) }))
  decorated.sort((x, y) => {
    const c = compareValues(x.v, y.v)
    return c !== 0 ? sign * c : tieBreak(x.row, y.row)
  })
  return decorated.map((d) => d.row)
}
