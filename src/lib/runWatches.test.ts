import { describe, expect, it } from 'vitest'
import { createRunWatches } from './runWatches.ts'

function memory() {
  const m = new Map<string, string>()
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    m,
  }
}

describe('runWatches', () => {
  it('survives a reload (same storage), toggles, and clears', () => {
    const s = memory()
    const a = createRunWatches(s)
    let calls = 0
    a.subscribe(() => calls++)
    a.watch('c1d2e3f4a5b6c7d8')
    a.watch('c1d2e3f4a5b6c7d8')
    expect(calls).toBe(1)
    expect(createRunWatches(s).snapshot()).toEqual(['c1d2e3f4a5b6c7d8'])
    a.unwatch('c1d2e3f4a5b6c7d8')
    expect(createRunWatches(s).snapshot()).toEqual([])
    a.watch('x1')
    a.clear()
    expect(s.m.size).toBe(0)
  })

  it('ignores hostile stored values', () => {
    const s = memory()
    s.setItem('cc-run-watches', JSON.stringify(['ok-1', '../x', 3, 'a'.repeat(200)]))
    expect(createRunWatches(s).snapshot()).toEqual(['ok-1'])
    s.setItem('cc-run-watches', '{not json')
    expect(createRunWatches(s).snapshot()).toEqual([])
  })
})
