/* eslint-disable no-control-regex -- escape sequences are the output format */
/**
 * One screenful of the log as terminal output. The viewer never hands xterm the whole log: it asks for
 * the rows that fit, starting at a line, and writes the result over the previous frame. Wrapping is ours
 * (continuation rows are indented past the gutter), horizontal scrolling is a column offset, and very
 * long lines are cut for display with a marker (the whole line stays in the buffer and the download).
 *
 *   ┌gutter──────────────────────────────┬content──────────────────────────────┐
 *   │ 118 12:03:44.120 INFO             │ hcloud_server.worker["fsn1-1"]: Still │
 *   │                                   │ creating... [40s elapsed]             │
 *   │ 119 12:03:45.002 WARN             │ Warning: provider "powerdns" is not … │
 *   └───────────────────────────────────┴───────────────────────────────────────┘
 */
import type { LogLevel } from '../../../contracts/jobs.ts'
import { renderSlice, styledRuns, textWidth, type Mark, type StyledRun } from './ansi.ts'
import type { StoredLine } from './logBuffer.ts'
import type { LogPalette } from './palette.ts'

/** Characters of one line drawn at most (a 1 MB line would otherwise be 7,000 rows of wrap). */
export const DISPLAY_MAX_CHARS = 2000

const RESET = '\x1b[0m'
const CLEAR_TO_EOL = '\x1b[K'

export interface RenderOptions {
  cols: number
  rows: number
  wrap: boolean
  /** Columns scrolled to the right (no-wrap mode). */
  hOffset: number
  lineNumbers: boolean
  timestamps: boolean
  /** Digits reserved for line numbers (of the largest line number). */
  numberWidth: number
  maxChars: number
  palette: LogPalette
}

export interface LineMarks {
  ranges: readonly (readonly [number, number])[]
  /** Index in `ranges` of the current match, if it is on this line. */
  current: number | undefined
}

export interface RowInfo {
  /** Line number drawn on this row (0 = empty row). */
  n: number
  /** First row of its line (continuation rows are false). */
  first: boolean
}

export interface RenderedWindow {
  text: string
  rows: RowInfo[]
  /** Line numbers drawn (fully or partly), top to bottom. */
  lines: number[]
}

const TIMESTAMP_WIDTH = 12 // HH:MM:SS.mmm
const LEVEL_WIDTH = 5

export function gutterWidth(o: Pick<RenderOptions, 'lineNumbers' | 'timestamps' | 'numberWidth'>): number {
  return (o.lineNumbers ? o.numberWidth + 1 : 0) + (o.timestamps ? TIMESTAMP_WIDTH + 1 + LEVEL_WIDTH + 1 : 0)
}

/** Width available for the message. */
export function contentWidth(
  o: Pick<RenderOptions, 'cols' | 'lineNumbers' | 'timestamps' | 'numberWidth'>,
): number {
  return Math.max(8, o.cols - gutterWidth(o))
}

export function isTruncated(line: StoredLine, maxChars: number): boolean {
  return line.plain.length > maxChars
}

export function truncationMarker(hidden: number): string {
  return ` … [+${hidden.toLocaleString('en-US')} characters; open the whole line]`
}

interface Display {
  runs: StyledRun[]
  width: number
}

/** Runs to draw for a line: cut at `maxChars` visible characters, plus the marker when cut. */
export function displayRuns(
  line: StoredLine,
  maxChars: number,
  palette: Pick<LogPalette, 'truncated'>,
): Display {
  if (!isTruncated(line, maxChars)) {
    const runs = styledRuns(line.text)
    return { runs, width: textWidth(line.plain) }
  }
  // Parse only a prefix of the styled text (SGR makes it longer than the visible text, never shorter),
  // dropping an escape sequence the cut may have split.
  const prefix = line.text.slice(0, maxChars * 4 + 4096).replace(/\x1b(\[[0-9;:]*)?$/, '')
  const runs: StyledRun[] = []
  let left = maxChars
  for (const r of styledRuns(prefix)) {
    if (left <= 0) break
    const text = r.text.slice(0, left)
    runs.push({ sgr: r.sgr, text })
    left -= text.length
  }
  const marker = truncationMarker(line.plain.length - maxChars)
  runs.push({ sgr: palette.truncated, text: marker })
  return { runs, width: textWidth(line.plain.slice(0, maxChars)) + marker.length }
}

/** Rows a line takes on screen. */
export function rowsFor(line: StoredLine | undefined, o: RenderOptions): number {
  if (!o.wrap || !line) return 1
  const w = isTruncated(line, o.maxChars)
    ? textWidth(line.plain.slice(0, o.maxChars)) + truncationMarker(line.plain.length - o.maxChars).length
    : textWidth(line.plain)
  return Math.max(1, Math.ceil(w / contentWidth(o)))
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** Local wall-clock time `HH:MM:SS.mmm` of an RFC 3339 timestamp (blank when unparsable). */
export function formatLogTime(ts: string): string {
  const ms = Date.parse(ts)
  if (!Number.isFinite(ms)) return ' '.repeat(TIMESTAMP_WIDTH)
  const d = new Date(ms)
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`
}

function gutter(
  line: StoredLine | undefined,
  n: number,
  first: boolean,
  o: RenderOptions,
  base: string,
): string {
  const w = gutterWidth(o)
  if (!w) return ''
  if (!first) return RESET + base + ' '.repeat(w)
  const p = o.palette
  let out = RESET + base
  if (o.lineNumbers) out += p.gutter + String(n).padStart(o.numberWidth) + ' '
  if (o.timestamps) {
    const level: LogLevel | undefined = line?.level
    out +=
      RESET +
      base +
      p.timestamp +
      (line ? formatLogTime(line.timestamp) : ' '.repeat(TIMESTAMP_WIDTH)) +
      ' ' +
      (level ? p.level[level] + level.padEnd(LEVEL_WIDTH) : ' '.repeat(LEVEL_WIDTH)) +
      ' '
  }
  return out
}

/**
 * Renders lines `lineNumbers` (consecutive view entries, top first) into exactly `o.rows` rows or fewer.
 * `lookup` returns undefined for lines not loaded yet (drawn as placeholders).
 */
export function renderWindow(
  lookup: (n: number) => StoredLine | undefined,
  lineNumbers: readonly number[],
  o: RenderOptions,
  marksFor: (line: StoredLine) => LineMarks | undefined,
  isTarget: (n: number) => boolean,
): RenderedWindow {
  const rows: RowInfo[] = []
  const out: string[] = []
  const drawn: number[] = []
  const avail = contentWidth(o)
  for (const n of lineNumbers) {
    if (rows.length >= o.rows) break
    drawn.push(n)
    const line = lookup(n)
    const base = isTarget(n) ? o.palette.target : ''
    const fill = base ? base + CLEAR_TO_EOL + RESET : ''
    if (!line) {
      out.push(
        gutter(undefined, n, true, o, base) + RESET + base + o.palette.placeholder + '…' + RESET + fill,
      )
      rows.push({ n, first: true })
      continue
    }
    const { runs, width } = displayRuns(line, o.maxChars, o.palette)
    const lm = marksFor(line)
    const marks: Mark[] = lm
      ? lm.ranges.map(([start, end], i) => ({
          start,
          end,
          sgr: i === lm.current ? o.palette.current : o.palette.match,
        }))
      : []
    const count = o.wrap ? Math.max(1, Math.ceil(width / avail)) : 1
    for (let k = 0; k < count && rows.length < o.rows; k++) {
      const start = o.wrap ? k * avail : o.hOffset
      const slice = renderSlice(runs, start, avail, marks, base)
      out.push(gutter(line, n, k === 0, o, base) + slice.text + fill)
      rows.push({ n, first: k === 0 })
    }
  }
  return { text: out.join('\r\n'), rows, lines: drawn }
}

/**
 * The top view index that shows the last entries with the bottom row filled (wrapped lines take several
 * rows, so this walks back from the end).
 */
export function bottomTop(
  length: number,
  lineAt: (i: number) => number,
  lookup: (n: number) => StoredLine | undefined,
  o: RenderOptions,
): number {
  if (!o.wrap) return Math.max(0, length - o.rows)
  let used = 0
  let i = length
  while (i > 0) {
    const h = rowsFor(lookup(lineAt(i - 1)), o)
    if (used + h > o.rows && used > 0) break
    used += h
    i--
    if (used >= o.rows) break
  }
  return i
}
