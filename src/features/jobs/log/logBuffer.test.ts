import { describe, expect, it } from 'vitest'
import { LogBuffer, type IncomingLine } from './logBuffer.ts'

const line = (n: number, message = `line ${n}`): IncomingLine => ({
  lineNumber: n,
  timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  level: 'INFO',
  message,
})
const page = (from: number, to: number, total = to, executionFinished = false) => ({
  lines: Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => line(from + i)),
  total,
  executionFinished,
})
const numbers = (b: LogBuffer) => [...b.iterate()].map((l) => l.n)

describe('LogBuffer.merge', () => {
  it('merges pages in order', () => {
    const b = new LogBuffer()
    expect(b.merge(page(1, 3))).toBe(3)
    expect(b.merge(page(4, 5))).toBe(2)
    expect(numbers(b)).toEqual([1, 2, 3, 4, 5])
    expect(b.complete).toBe(true)
  })

  it('merges out-of-order pages into the same result', () => {
    const b = new LogBuffer()
    b.merge(page(6, 9, 9))
    b.merge(page(1, 5, 9))
    expect(numbers(b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(b.missing()).toEqual([])
  })

  it('ignores duplicate and overlapping pages (each line stored once, first copy wins)', () => {
    const b = new LogBuffer()
    b.merge(page(1, 5))
    const v = b.version
    expect(b.merge(page(1, 5))).toBe(0)
    expect(b.version).toBe(v)
    expect(b.merge({ lines: [line(3, 'replayed'), line(6)], total: 6, executionFinished: false })).toBe(1)
    expect(numbers(b)).toEqual([1, 2, 3, 4, 5, 6])
    expect(b.get(3)!.plain).toBe('line 3')
    expect(b.loaded).toBe(6)
  })

  it('reports holes left by missing pages, and closes them when the page arrives', () => {
    const b = new LogBuffer()
    b.merge(page(1, 10, 30))
    b.merge(page(21, 25, 30))
    expect(b.missing()).toEqual([
      [11, 20],
      [26, 30],
    ])
    expect(b.missing(15, 22)).toEqual([[15, 20]])
    b.merge(page(11, 20, 30))
    b.merge(page(26, 30, 30, true))
    expect(b.missing()).toEqual([])
    expect(b.complete).toBe(true)
    expect(b.finished).toBe(true)
  })

  it('learns the total from the page and from line numbers beyond it', () => {
    const b = new LogBuffer()
    b.merge({ lines: [], total: 12, executionFinished: false })
    expect(b.total).toBe(12)
    expect(b.missing()).toEqual([[1, 12]])
    b.merge({ lines: [line(15)], total: 12, executionFinished: false })
    expect(b.total).toBe(15)
    expect(b.maxLine).toBe(15)
  })

  it('drops invalid line numbers', () => {
    const b = new LogBuffer()
    expect(
      b.merge({ lines: [line(0), line(-2), line(1.5), line(2)], total: 2, executionFinished: false }),
    ).toBe(1)
    expect(numbers(b)).toEqual([2])
  })

  it('sanitises on ingest and keeps visible text for search', () => {
    const b = new LogBuffer()
    b.merge({
      lines: [line(1, '\x1b[32mok\x1b[0m \x1b]52;c;eA==\x07done')],
      total: 1,
      executionFinished: true,
    })
    expect(b.get(1)!.text).toBe('\x1b[32mok\x1b[0m done')
    expect(b.get(1)!.plain).toBe('ok done')
  })

  it('tracks the lowest changed line for incremental consumers', () => {
    const b = new LogBuffer()
    b.merge(page(5, 8, 8))
    expect(b.takeChangedFrom()).toBe(5)
    expect(b.takeChangedFrom()).toBe(Infinity)
    b.merge(page(1, 2, 8))
    expect(b.takeChangedFrom()).toBe(1)
  })

  it('survives a random storm of shuffled, duplicated and partial pages without loss or duplication', () => {
    let seed = 7
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const total = 2000
    const b = new LogBuffer()
    const pages: ReturnType<typeof page>[] = []
    for (let i = 0; i < 400; i++) {
      const from = 1 + Math.floor(rand() * total)
      pages.push(page(from, Math.min(total, from + Math.floor(rand() * 60)), total))
    }
    for (let n = 1; n <= total; n += 100) pages.push(page(n, n + 99, total)) // everything at least once
    pages.sort(() => rand() - 0.5)
    for (const p of pages) b.merge(p)
    expect(numbers(b)).toEqual(Array.from({ length: total }, (_, i) => i + 1))
    expect(b.loaded).toBe(total)
  })
})
