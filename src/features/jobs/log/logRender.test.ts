/* eslint-disable no-control-regex -- escape sequences are the output format */
import { describe, expect, it } from 'vitest'
import { stripSgr } from './ansi.ts'
import { LogBuffer } from './logBuffer.ts'
import { compileQuery } from './logQuery.ts'
import { bottomTop, renderWindow, rowsFor, type RenderOptions } from './logRender.ts'
import { buildPalette } from './palette.ts'

const palette = buildPalette({})
function buf(messages: string[]): LogBuffer {
  const b = new LogBuffer()
  b.merge({
    lines: messages.map((message, i) => ({
      lineNumber: i + 1,
      timestamp: '2026-01-01T10:20:30.456Z',
      level: 'INFO' as const,
      message,
    })),
    total: messages.length,
    executionFinished: true,
  })
  return b
}
const opts = (o: Partial<RenderOptions> = {}): RenderOptions => ({
  cols: 30,
  rows: 5,
  wrap: false,
  hOffset: 0,
  lineNumbers: true,
  timestamps: false,
  numberWidth: 3,
  maxChars: 2000,
  palette,
  ...o,
})
const screen = (text: string) => text.split('\r\n').map((r) => stripSgr(r).replace(/\x1b\[K/g, ''))
const none = () => undefined
const noTarget = () => false

describe('renderWindow', () => {
  const b = buf(['first line', 'x'.repeat(60), '\x1b[32mgreen\x1b[0m text', 'last'])
  const lookup = (n: number) => b.get(n)

  it('draws line numbers and messages, no more rows than fit', () => {
    const w = renderWindow(lookup, [1, 2, 3, 4], opts({ rows: 3 }), none, noTarget)
    expect(screen(w.text)).toEqual(['  1 first line', '  2 ' + 'x'.repeat(26), '  3 green text'])
    expect(w.rows.map((r) => r.n)).toEqual([1, 2, 3])
    expect(w.text).toContain('\x1b[32mgreen')
  })

  it('wraps under the gutter and reports continuation rows', () => {
    const w = renderWindow(lookup, [2, 3], opts({ wrap: true }), none, noTarget)
    expect(screen(w.text)).toEqual([
      '  2 ' + 'x'.repeat(26),
      '    ' + 'x'.repeat(26),
      '    ' + 'x'.repeat(8),
      '  3 green text',
    ])
    expect(w.rows.map((r) => r.first)).toEqual([true, false, false, true])
    expect(rowsFor(b.get(2), opts({ wrap: true }))).toBe(3)
  })

  it('scrolls horizontally without moving the gutter', () => {
    const w = renderWindow(lookup, [1], opts({ hOffset: 6 }), none, noTarget)
    expect(screen(w.text)).toEqual(['  1 line'])
  })

  it('shows timestamps and levels when asked', () => {
    const w = renderWindow(lookup, [4], opts({ cols: 60, timestamps: true }), none, noTarget)
    expect(screen(w.text)[0]).toMatch(/^ {2}4 \d\d:\d\d:30\.456 INFO {2}last$/)
  })

  it('draws placeholders for lines not loaded yet', () => {
    const w = renderWindow(() => undefined, [7], opts(), none, noTarget)
    expect(screen(w.text)).toEqual(['  7 …'])
  })

  it('highlights matches, the current one differently, and a target line with a full-row background', () => {
    const q = compileQuery({ text: 'e', caseSensitive: false, regex: false })
    const w = renderWindow(
      lookup,
      [3],
      opts(),
      (l) => ({ ranges: q.ranges(l.plain), current: 1 }),
      (n) => n === 3,
    )
    expect(w.text).toContain(palette.match)
    expect(w.text).toContain(palette.current)
    expect(w.text).toContain(palette.target)
    expect(w.text).toContain('\x1b[K')
    expect(screen(w.text)).toEqual(['  3 green text'])
  })

  it('cuts a 1 MB line for display and says how much is hidden', () => {
    const big = buf(['y'.repeat(1_000_000)])
    const w = renderWindow((n) => big.get(n), [1], opts({ cols: 200, maxChars: 50 }), none, noTarget)
    expect(screen(w.text)[0]).toBe('  1 ' + 'y'.repeat(50) + ' … [+999,950 characters; open the whole line]')
  })

  it('anchors the bottom: the last lines fill the screen even when they wrap', () => {
    const o = opts({ wrap: true, rows: 4 })
    const lineAt = (i: number) => i + 1
    expect(bottomTop(4, lineAt, lookup, o)).toBe(2) // line 3 (1 row) + line 4 (1 row); line 2 needs 3 more
    expect(bottomTop(4, lineAt, lookup, opts({ rows: 3 }))).toBe(1)
    expect(bottomTop(2, lineAt, lookup, opts({ rows: 10 }))).toBe(0)
  })
})
