/**
 * One codec for a sortable table's URL state: `?sort=<column>&dir=asc|desc` (the style every list already
 * bookmarks). Parsing never throws — a stale or hand-edited URL falls back to the table's default order —
 * and a header click follows the same rule everywhere: the active column flips, another column starts in
 * its natural direction (times and sizes largest first, text A→Z).
 */
export type SortDir = 'asc' | 'desc'

export interface SortState<C extends string> {
  column: C
  desc: boolean
}

export interface SortCodec<C extends string> {
  readonly columns: readonly C[]
  /** `undefined` when the URL names no (known) column: the table's own default order applies. */
  parse(sort: string | undefined, dir: string | undefined): SortState<C> | undefined
  /** The sort after clicking `column`'s header. */
  next(current: SortState<C> | undefined, column: C): SortState<C>
  /** URL params for a sort (`undefined` clears both). */
  toSearch(sort: SortState<C> | undefined): { sort: C | undefined; dir: SortDir | undefined }
}

/**
 * `columns`: the table's sortable columns, or `'any'` for tables whose columns change with what they show
 * (the cloud lists: one set per resource kind) — there the table ignores a column it does not have.
 */
export function sortCodec<C extends string>(
  columns: readonly C[] | 'any',
  opts: { descFirst?: readonly C[] } = {},
): SortCodec<C> {
  const known = columns === 'any' ? undefined : new Set<string>(columns)
  const descFirst = new Set<string>(opts.descFirst ?? [])
  return {
    columns: columns === 'any' ? [] : columns,
    parse(sort, dir) {
      if (!sort || (known && !known.has(sort))) return undefined
      return { column: sort as C, desc: dir === 'desc' || (dir !== 'asc' && descFirst.has(sort)) }
    },
    next(current, column) {
      if (current?.column === column) return { column, desc: !current.desc }
      return { column, desc: descFirst.has(column) }
    },
    toSearch(sort) {
      return sort
        ? { sort: sort.column, dir: sort.desc ? 'desc' : 'asc' }
        : { sort: undefined, dir: undefined }
    },
  }
}

/** Numbers with missing values last whatever the direction (a run that never started is not "fastest"). */
export function compareOptional(a: number | undefined, b: number | undefined, desc: boolean): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1
  return desc ? b - a : a - b
}
