import { describe, expect, it } from 'vitest'
import { COLUMNS, sortRows } from './cloudColumns.ts'
import { LIST_KINDS } from './cloudKinds.ts'

describe('cloud tables', () => {
  it('gives every kind a name and a status column with unique ids', () => {
    for (const k of LIST_KINDS) {
      const ids = COLUMNS[k].map((c) => c.id)
      expect(ids[0]).toBe('name')
      expect(ids).toContain('status')
      expect(new Set(ids).size).toBe(ids.length)
    }
  })

  it('sorts naturally, numerically, both ways, stably', () => {
    const rows = [
      { n: 'worker-10', v: 3 },
      { n: 'worker-2', v: 10 },
      { n: 'Worker-1', v: 3 },
    ]
    expect(sortRows(rows, (r) => r.n, false).map((r) => r.n)).toEqual(['Worker-1', 'worker-2', 'worker-10'])
    expect(sortRows(rows, (r) => r.n, true).map((r) => r.n)).toEqual(['worker-10', 'worker-2', 'Worker-1'])
    expect(sortRows(rows, (r) => r.v, false).map((r) => r.n)).toEqual(['worker-10', 'Worker-1', 'worker-2'])
    expect(sortRows(rows, undefined, false)).toEqual(rows)
  })
})
