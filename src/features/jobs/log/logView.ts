/**
 * What the viewer shows, as positions over the buffer: every line 1..total (holes included, drawn as
 * placeholders) or, with a level filter or "only matching lines", the loaded lines that pass. Search
 * matches are indexed by line with cumulative counts, so "match 7,431 of 20,000" maps to a line by binary
 * search without storing every occurrence. Rebuilt incrementally when lines only arrived after the part
 * already scanned (the live-tail case).
 */
import type { LogLevel } from '../../../contracts/jobs.ts'
import type { LogBuffer, StoredLine } from './logBuffer.ts'
import type { CompiledQuery } from './logQuery.ts'

export interface ViewFilter {
  /** Levels to show; empty = all. */
  levels: ReadonlySet<LogLevel>
  query: CompiledQuery
  /** Show only lines that match the query. */
  onlyMatching: boolean
}

export interface LogView {
  readonly filter: ViewFilter
  /** Entries in the view. */
  readonly length: number
  /** True when the view is a subset of the buffer (holes are not shown). */
  readonly subset: boolean
  /** Line number of view entry `i`. */
  lineAt(i: number): number
  /** View index of line `n`, or of the first entry after it; `length` when none. */
  indexOf(n: number): number
  /** Lines with at least one match, ascending, and the matches before each (cumulative). */
  readonly matchLines: readonly number[]
  readonly matchBefore: readonly number[]
  readonly totalMatches: number
  /** Longest visible text among the lines scanned (code units), for the horizontal scroll range. */
  readonly maxPlain: number
  /** Buffer state this view was built from. */
  readonly scannedMax: number
  readonly scannedLoaded: number
  readonly scannedTotal: number
}

function lowerBound(arr: readonly number[], v: number): number {
  let lo = 0
  let hi = arr.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (arr[mid]! < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

function passesLevel(l: StoredLine, levels: ReadonlySet<LogLevel>): boolean {
  return levels.size === 0 || levels.has(l.level)
}

/**
 * Builds (or extends `prev`, when it was built with the same filter and every line added since lies after
 * what it scanned) the view of `buffer`.
 */
export function buildView(buffer: LogBuffer, filter: ViewFilter, prev?: LogView): LogView {
  const subset = filter.levels.size > 0 || (filter.onlyMatching && filter.query.active)
  let lines: number[] = []
  let matchLines: number[] = []
  let matchBefore: number[] = []
  let totalMatches = 0
  let maxPlain = 0
  let from = 1
  let loadedBefore = 0
  if (prev && prev.filter === filter && prev.scannedMax <= buffer.maxLine) {
    // Incremental only if nothing new landed at or below what was scanned.
    let newBeyond = 0
    for (let n = prev.scannedMax + 1; n <= buffer.maxLine; n++) if (buffer.has(n)) newBeyond++
    if (prev.scannedLoaded + newBeyond === buffer.loaded) {
      const p = prev as ViewImpl
      lines = p.lines
      matchLines = p.matchLinesMut
      matchBefore = p.matchBeforeMut
      totalMatches = p.totalMatches
      maxPlain = p.maxPlain
      from = prev.scannedMax + 1
      loadedBefore = prev.scannedLoaded
    }
  }
  const { query, levels, onlyMatching } = filter
  for (const l of buffer.iterate(from, buffer.maxLine)) {
    loadedBefore++
    if (!passesLevel(l, levels)) continue
    if (l.plain.length > maxPlain) maxPlain = l.plain.length
    let count = 0
    if (query.active) {
      count = query.count(l.plain)
      if (count) {
        matchLines.push(l.n)
        matchBefore.push(totalMatches)
        totalMatches += count
      }
    }
    if (subset && (!onlyMatching || !query.active || count > 0)) lines.push(l.n)
  }
  return new ViewImpl(
    filter,
    subset,
    lines,
    matchLines,
    matchBefore,
    totalMatches,
    maxPlain,
    buffer.maxLine,
    loadedBefore,
    buffer.total,
  )
}

class ViewImpl implements LogView {
  constructor(
    readonly filter: ViewFilter,
    readonly subset: boolean,
    readonly lines: number[],
    readonly matchLinesMut: number[],
    readonly matchBeforeMut: number[],
    readonly totalMatches: number,
    readonly maxPlain: number,
    readonly scannedMax: number,
    readonly scannedLoaded: number,
    readonly scannedTotal: number,
  ) {}
  get length(): number {
    return this.subset ? this.lines.length : this.scannedTotal
  }
  get matchLines(): readonly number[] {
    return this.matchLinesMut
  }
  get matchBefore(): readonly number[] {
    return this.matchBeforeMut
  }
  lineAt(i: number): number {
    return this.subset ? this.lines[i]! : i + 1
  }
  indexOf(n: number): number {
    if (!this.subset) return Math.min(this.scannedTotal, Math.max(0, n - 1))
    return lowerBound(this.lines, n)
  }
}

/** The line holding match `k` (0-based) and which of that line's matches it is. */
export function locateMatch(view: LogView, k: number): { line: number; nth: number } | undefined {
  if (k < 0 || k >= view.totalMatches) return undefined
  // Last index whose cumulative count is ≤ k.
  let lo = 0
  let hi = view.matchBefore.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (view.matchBefore[mid]! <= k) lo = mid
    else hi = mid - 1
  }
  return { line: view.matchLines[lo]!, nth: k - view.matchBefore[lo]! }
}

/** Index of the first match on or after line `n` (wrapping to 0), for "next match from here". */
export function firstMatchFrom(view: LogView, n: number): number {
  if (!view.totalMatches) return -1
  const i = lowerBound(view.matchLines as number[], n)
  return i >= view.matchLines.length ? 0 : view.matchBefore[i]!
}
