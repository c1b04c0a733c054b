/* eslint-disable no-control-regex -- this module exists to find and remove control characters */
/**
 * Log text hygiene and styling, as pure string functions.
 *
 * `sanitiseLine` keeps exactly one kind of control sequence — SGR colours/attributes (`ESC [ … m`) — and
 * removes everything else that could act outside the line: OSC (52 clipboard writes, 8 hyperlinks, window
 * titles), DCS/SOS/PM/APC strings, cursor movement and mode changes, charset switches, C1 controls and
 * stray C0 controls (bell, backspace, shift-in/out). Tabs become spaces; a carriage return keeps what was
 * printed after it (progress bars).
 *
 * `styledRuns` / `renderSlice` turn a sanitised line into terminal output for a column window, with search
 * highlights overlaid, always starting from a reset so no style leaks between rows.
 */

const ESC = 0x1b
const BEL = 0x07
const ST_C1 = 0x9c
const TAB_WIDTH = 8
/** Longer SGR parameter lists are not colours anyone meant to print. */
const MAX_SGR_PARAMS = 64

const NEEDS_WORK = /[\u0000-\u001f\u007f-\u009f]/
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

/** Keeps SGR, drops every other escape sequence and control character (see the module comment). */
export function sanitiseLine(raw: string): string {
  if (!NEEDS_WORK.test(raw)) return raw
  let out = ''
  /** SGR sequences seen so far, replayed when a carriage return discards the visible text before it. */
  let styles = ''
  let col = 0
  let crPending = false
  const n = raw.length
  let i = 0
  /** Index just past a string terminated by ST (ESC \ or 0x9c) or, for OSC, BEL; n when unterminated. */
  const skipString = (from: number, belEnds: boolean): number => {
    for (let j = from; j < n; j++) {
      const c = raw.charCodeAt(j)
      if (c === ST_C1 || (belEnds && c === BEL)) return j + 1
      if (c === ESC && raw.charCodeAt(j + 1) === 0x5c) return j + 2
    }
    return n
  }
  /** Parses a CSI body from `from`; returns [end index, params, final char] (final '' when unterminated). */
  const parseCsi = (from: number): [number, string, string] => {
    let j = from
    while (j < n) {
      const c = raw.charCodeAt(j)
      if (c >= 0x40 && c <= 0x7e) return [j + 1, raw.slice(from, j), raw[j]!]
      if (c < 0x20 || c > 0x3f) {
        if (c >= 0x20 && c <= 0x2f) {
          j++
          continue
        }
        return [j, raw.slice(from, j), '']
      }
      j++
    }
    return [n, raw.slice(from, n), '']
  }
  while (i < n) {
    const c = raw.charCodeAt(i)
    if (c === ESC) {
      const next = raw.charCodeAt(i + 1)
      if (next === 0x5b /* [ */) {
        const [end, params, final] = parseCsi(i + 2)
        if (final === 'm' && /^[0-9;:]*$/.test(params) && params.split(/[;:]/).length <= MAX_SGR_PARAMS) {
          const seq = `\x1b[${params}m`
          out += seq
          styles += seq
        }
        i = end
      } else if (next === 0x5d /* ] OSC */) {
        i = skipString(i + 2, true)
      } else if (next === 0x50 || next === 0x58 || next === 0x5e || next === 0x5f /* P X ^ _ */) {
        i = skipString(i + 2, false)
      } else if (next >= 0x20 && next <= 0x2f) {
        // nF escape (charset designation `ESC ( 0` …): intermediates then one final byte.
        let j = i + 1
        while (j < n && raw.charCodeAt(j) >= 0x20 && raw.charCodeAt(j) <= 0x2f) j++
        i = Math.min(n, j + 1)
      } else {
        i = Math.min(n, i + 2) // ESC c, ESC 7, ESC M, …
      }
      continue
    }
    if (c === 0x9b /* C1 CSI */) {
      i = parseCsi(i + 1)[0]
      continue
    }
    if (c === 0x9d /* C1 OSC */) {
      i = skipString(i + 1, true)
      continue
    }
    if (c === 0x90 || c === 0x98 || c === 0x9e || c === 0x9f /* C1 DCS SOS PM APC */) {
      i = skipString(i + 1, false)
      continue
    }
    if (c === 0x0d) {
      crPending = true
      i++
      continue
    }
    if (c === 0x09) {
      if (crPending) {
        out = styles
        col = 0
        crPending = false
      }
      const spaces = TAB_WIDTH - (col % TAB_WIDTH)
      out += ' '.repeat(spaces)
      col += spaces
      i++
      continue
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      i++
      continue
    }
    if (crPending) {
      out = styles
      col = 0
      crPending = false
    }
    // Copy the whole run of printable characters at once (a 1 MB line is one slice, not a million appends).
    CONTROL.lastIndex = i
    const j = CONTROL.exec(raw)?.index ?? n
    out += raw.slice(i, j)
    col += j - i
    i = j
  }
  return out
}

const SGR = /\x1b\[[0-9;:]*m/g

/** Visible text of a sanitised line (SGR removed). */
export function stripSgr(sanitised: string): string {
  return sanitised.includes('\x1b') ? sanitised.replace(SGR, '') : sanitised
}

/** Terminal cell width of a UTF-16 code unit, matching xterm's default (Unicode 6) table closely enough. */
export function cellWidth(code: number): number {
  if (code >= 0xdc00 && code <= 0xdfff) return 0 // low surrogate: counted with its high half
  if (code >= 0x300 && code <= 0x36f) return 0 // combining marks
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  )
    return 2
  return 1
}

/** Width of a plain string in cells. */
export function textWidth(plain: string): number {
  let w = 0
  for (let i = 0; i < plain.length; i++) w += cellWidth(plain.charCodeAt(i))
  return w
}

export interface StyledRun {
  /** SGR sequences in force for this run (replayed after a reset), '' for default style. */
  sgr: string
  text: string
}

/** Splits a sanitised line into runs of text with the SGR state in force for each. */
export function styledRuns(sanitised: string): StyledRun[] {
  if (!sanitised.includes('\x1b')) return sanitised ? [{ sgr: '', text: sanitised }] : []
  const runs: StyledRun[] = []
  let sgr = ''
  let last = 0
  for (const m of sanitised.matchAll(SGR)) {
    const at = m.index
    if (at > last) runs.push({ sgr, text: sanitised.slice(last, at) })
    const params = m[0].slice(2, -1)
    // A full reset clears the state; anything else accumulates in order (replaying it reproduces the state).
    sgr = params === '' || params === '0' ? '' : sgr.length > 256 ? m[0] : sgr + m[0]
    last = at + m[0].length
  }
  if (last < sanitised.length) runs.push({ sgr, text: sanitised.slice(last) })
  return runs
}

/** A highlighted range in plain-text code-unit offsets, drawn with `sgr` (typically a background). */
export interface Mark {
  start: number
  end: number
  sgr: string
}

const RESET = '\x1b[0m'

/**
 * Terminal output for the cells [startCol, startCol + width) of a line given as runs, with marks overlaid.
 * Output starts and ends with a reset. Returns the text and the cells it covers.
 */
export function renderSlice(
  runs: readonly StyledRun[],
  startCol: number,
  width: number,
  marks: readonly Mark[] = [],
  /** Style under everything (a highlighted row's background), re-applied after each reset. */
  base = '',
): { text: string; cells: number } {
  let out = RESET + base
  let col = 0
  let offset = 0 // plain-text offset
  let cells = 0
  const endCol = startCol + width
  let currentStyle: string | undefined
  let prevIncluded = false
  for (const run of runs) {
    for (let i = 0; i < run.text.length; i++) {
      const code = run.text.charCodeAt(i)
      const w = cellWidth(code)
      // A wide char straddling the window edge is dropped rather than half-drawn; zero-width units
      // (combining marks, low surrogates) follow the character they belong to.
      const include: boolean = w === 0 ? prevIncluded : col >= startCol && col + w <= endCol
      prevIncluded = include
      if (include) {
        let mark = ''
        for (const m of marks) if (offset >= m.start && offset < m.end) mark = m.sgr
        const style = run.sgr + mark
        if (style !== currentStyle) {
          out += currentStyle === undefined && style === '' ? '' : RESET + base + style
          currentStyle = style
        }
        out += run.text[i]
        cells += w
      }
      col += w
      offset++
      if (col > endCol) return { text: out + RESET, cells }
    }
  }
  return { text: out + RESET, cells }
}
