import { describe, expect, it } from 'vitest'
import { compareOptional, sortCodec } from './sortCodec.ts'

const codec = sortCodec(['name', 'delta', 'a'] as const, { descFirst: ['delta'] })

describe('sortCodec', () => {
  it('parses known columns and their direction', () => {
    expect(codec.parse('name', 'desc')).toEqual({ column: 'name', desc: true })
    expect(codec.parse('name', 'asc')).toEqual({ column: 'name', desc: false })
    expect(codec.parse('delta', 'asc')).toEqual({ column: 'delta', desc: false })
  })

  it('fills a missing direction with the column’s natural one', () => {
    expect(codec.parse('name', undefined)).toEqual({ column: 'name', desc: false })
    expect(codec.parse('delta', undefined)).toEqual({ column: 'delta', desc: true })
    expect(codec.parse('delta', 'sideways')).toEqual({ column: 'delta', desc: true })
  })

  it('reads an unknown or missing column as the default order', () => {
    expect(codec.parse(undefined, 'desc')).toBeUndefined()
    expect(codec.parse('constructor', 'asc')).toBeUndefined()
    expect(codec.parse('', 'asc')).toBeUndefined()
  })

  it('flips the active column and starts another in its natural direction', () => {
    expect(codec.next(undefined, 'delta')).toEqual({ column: 'delta', desc: true })
    expect(codec.next({ column: 'delta', desc: true }, 'delta')).toEqual({ column: 'delta', desc: false })
    expect(codec.next({ column: 'delta', desc: true }, 'name')).toEqual({ column: 'name', desc: false })
  })

  it('round-trips through URL params', () => {
    for (const s of [
      { column: 'a', desc: true },
      { column: 'name', desc: false },
    ] as const) {
      const p = codec.toSearch(s)
      expect(codec.parse(p.sort, p.dir)).toEqual(s)
    }
    expect(codec.toSearch(undefined)).toEqual({ sort: undefined, dir: undefined })
  })
})

describe('compareOptional', () => {
  it('orders numbers both ways and keeps missing values last', () => {
    const xs = [3, undefined, 1, 2]
    expect([...xs].sort((a, b) => compareOptional(a, b, false))).toEqual([1, 2, 3, undefined])
    expect([...xs].sort((a, b) => compareOptional(a, b, true))).toEqual([3, 2, 1, undefined])
  })
})
