import { describe, expect, it } from 'vitest'
import type { LogLevel } from '../../../contracts/jobs.ts'
import { LogBuffer } from './logBuffer.ts'
import { compileQuery } from './logQuery.ts'
import { buildView, firstMatchFrom, locateMatch, type ViewFilter } from './logView.ts'

const LEVELS: LogLevel[] = ['INFO', 'DEBUG', 'WARN', 'ERROR']
function buffer(messages: string[], total = messages.length): LogBuffer {
  const b = new LogBuffer()
  b.merge({
    lines: messages.map((message, i) => ({
      lineNumber: i + 1,
      timestamp: 't',
      level: LEVELS[i % 4]!,
      message,
    })),
    total,
    executionFinished: false,
  })
  return b
}
const filter = (
  text = '',
  extra: Partial<ViewFilter> = {},
  q: { caseSensitive?: boolean; regex?: boolean } = {},
) => ({
  levels: new Set<LogLevel>(),
  query: compileQuery({ text, caseSensitive: !!q.caseSensitive, regex: !!q.regex }),
  onlyMatching: false,
  ...extra,
})
const entries = (v: ReturnType<typeof buildView>) => Array.from({ length: v.length }, (_, i) => v.lineAt(i))

describe('compileQuery', () => {
  it.each([
    [
      'error',
      {},
      'An ERROR and an error',
      [
        [3, 8],
        [16, 21],
      ],
    ],
    ['error', { caseSensitive: true }, 'An ERROR and an error', [[16, 21]]],
    [
      'err(or)?',
      { regex: true },
      'err error',
      [
        [0, 3],
        [4, 9],
      ],
    ],
    ['a.c', {}, 'abc a.c', [[4, 7]]],
    [
      'a.c',
      { regex: true },
      'abc a.c',
      [
        [0, 3],
        [4, 7],
      ],
    ],
    ['x*', { regex: true }, 'axxb', [[1, 3]]],
  ] as const)('%s %o in %s', (text, o, plain, expected) => {
    const q = compileQuery({ text, caseSensitive: false, regex: false, ...o })
    expect(q.ranges(plain)).toEqual(expected)
    expect(q.count(plain)).toBe(expected.length)
  })

  it('falls back to plain text on an invalid regular expression and says so', () => {
    const q = compileQuery({ text: 'a(b', caseSensitive: false, regex: true })
    expect(q.error).toBeTruthy()
    expect(q.ranges('xa(by')).toEqual([[1, 4]])
  })

  it('an empty query matches everything and highlights nothing', () => {
    const q = compileQuery({ text: '', caseSensitive: false, regex: false })
    expect(q.active).toBe(false)
    expect(q.test('x')).toBe(true)
    expect(q.count('x')).toBe(0)
  })
})

describe('buildView', () => {
  const msgs = ['alpha', 'beta error', 'gamma', 'delta error error', 'epsilon', 'zeta']

  it('shows every line (holes included) without a filter, and counts matches', () => {
    const b = buffer(msgs, 8)
    const v = buildView(b, filter('error'))
    expect(v.subset).toBe(false)
    expect(v.length).toBe(8)
    expect(v.totalMatches).toBe(3)
    expect(v.matchLines).toEqual([2, 4])
    expect(locateMatch(v, 0)).toEqual({ line: 2, nth: 0 })
    expect(locateMatch(v, 2)).toEqual({ line: 4, nth: 1 })
    expect(locateMatch(v, 3)).toBeUndefined()
    expect(firstMatchFrom(v, 3)).toBe(1)
    expect(firstMatchFrom(v, 5)).toBe(0)
  })

  it('filter mode shows only matching lines', () => {
    const v = buildView(buffer(msgs), filter('error', { onlyMatching: true }))
    expect(entries(v)).toEqual([2, 4])
    expect(v.indexOf(3)).toBe(1)
    expect(v.indexOf(9)).toBe(2)
  })

  it('level filter composes with search', () => {
    // levels cycle INFO, DEBUG, WARN, ERROR, INFO, DEBUG
    const v = buildView(buffer(msgs), filter('', { levels: new Set<LogLevel>(['ERROR', 'WARN']) }))
    expect(entries(v)).toEqual([3, 4])
    const w = buildView(
      buffer(msgs),
      filter('error', { levels: new Set<LogLevel>(['DEBUG']), onlyMatching: true }),
    )
    expect(entries(w)).toEqual([2])
    expect(w.totalMatches).toBe(1)
  })

  it('extends incrementally when lines arrive after the scanned part, rebuilds when a hole fills', () => {
    const b = new LogBuffer()
    const f = filter('error', { onlyMatching: true })
    const page = (from: number, to: number) => ({
      lines: Array.from({ length: to - from + 1 }, (_, i) => ({
        lineNumber: from + i,
        timestamp: 't',
        level: 'INFO' as const,
        message: (from + i) % 2 ? `ok ${from + i}` : `error ${from + i}`,
      })),
      total: to,
      executionFinished: false,
    })
    b.merge(page(1, 4))
    b.merge(page(9, 10))
    const v1 = buildView(b, f)
    expect(entries(v1)).toEqual([2, 4, 10])
    b.merge(page(11, 12))
    const v2 = buildView(b, f, v1)
    expect(entries(v2)).toEqual([2, 4, 10, 12])
    b.merge(page(5, 8)) // fills the hole below what was scanned → full rebuild
    const v3 = buildView(b, f, v2)
    expect(entries(v3)).toEqual([2, 4, 6, 8, 10, 12])
    expect(v3.totalMatches).toBe(6)
  })
})
