/**
 * The log viewer's source of truth: lines indexed by their 1-based `lineNumber`, merged from pages that
 * may arrive out of order, twice, overlapping or with holes. A line is stored once, whatever happens on
 * the wire, so the view can never lose or duplicate one; holes are reported so the fetcher can refill
 * them. xterm only ever shows a window of this buffer.
 */
import type { LogLevel } from '../../../contracts/jobs.ts'
import { sanitiseLine, stripSgr } from './ansi.ts'

export interface StoredLine {
  n: number
  timestamp: string
  level: LogLevel
  /** Sanitised message: SGR colours kept, every other control sequence removed. */
  text: string
  /** Visible text (for search, filter and the accessible mirror). */
  plain: string
}

export interface IncomingLine {
  lineNumber: number
  timestamp: string
  level: LogLevel
  message: string
}

export interface IncomingPage {
  lines: readonly IncomingLine[]
  total: number
  executionFinished: boolean
}

/** A closed range of line numbers. */
export type LineRange = readonly [from: number, to: number]

export class LogBuffer {
  private readonly lines: (StoredLine | undefined)[] = []
  /** Lines known to exist: the largest `total` reported and the largest line number received. */
  total = 0
  /** Distinct lines stored. */
  loaded = 0
  maxLine = 0
  /** The producer said no more lines will come. */
  finished = false
  /** Bumped on every change (React subscribes to it). */
  version = 0
  /** Lowest line number added since `takeChangedFrom()` was last called (Infinity = none). */
  private changedFrom = Infinity

  /** Merges a page; returns how many new lines it added (duplicates and bad line numbers are ignored). */
  merge(page: IncomingPage): number {
    let added = 0
    for (const l of page.lines) {
      const n = l.lineNumber
      if (!Number.isInteger(n) || n < 1 || this.lines[n - 1]) continue
      const text = sanitiseLine(l.message)
      this.lines[n - 1] = { n, timestamp: l.timestamp, level: l.level, text, plain: stripSgr(text) }
      added++
      if (n > this.maxLine) this.maxLine = n
      if (n < this.changedFrom) this.changedFrom = n
    }
    this.loaded += added
    const total = Math.max(this.total, page.total, this.maxLine)
    const finished = this.finished || page.executionFinished
    if (added || total !== this.total || finished !== this.finished) {
      this.total = total
      this.finished = finished
      this.version++
    }
    return added
  }

  get(n: number): StoredLine | undefined {
    return this.lines[n - 1]
  }

  has(n: number): boolean {
    return this.lines[n - 1] !== undefined
  }

  /** Every line 1..total is present. */
  get complete(): boolean {
    return this.loaded >= this.total
  }

  /** Holes within [from, to] (clamped to 1..total), in ascending order. */
  missing(from = 1, to = this.total): LineRange[] {
    const out: [number, number][] = []
    const hi = Math.min(to, this.total)
    if (this.complete) return out
    let start = -1
    for (let n = Math.max(1, from); n <= hi; n++) {
      if (this.lines[n - 1] === undefined) {
        if (start < 0) start = n
      } else if (start >= 0) {
        out.push([start, n - 1])
        start = -1
      }
    }
    if (start >= 0) out.push([start, hi])
    return out
  }

  /** Lowest line number added since the previous call (Infinity when nothing was added). */
  takeChangedFrom(): number {
    const v = this.changedFrom
    this.changedFrom = Infinity
    return v
  }

  /** The stored lines in order (holes skipped). */
  *iterate(from = 1, to = this.total): Generator<StoredLine> {
    for (let n = Math.max(1, from); n <= Math.min(to, this.total); n++) {
      const l = this.lines[n - 1]
      if (l) yield l
    }
  }
}
