import { describe, expect, it } from 'vitest'
import { compareBlockReason, pruneSelected, toggleSelected } from './compareSelection.ts'

describe('compare selection', () => {
  it('keeps pick order and unpicks on a second toggle', () => {
    let s: string[] = []
    s = toggleSelected(s, 'b')
    s = toggleSelected(s, 'a')
    expect(s).toEqual(['b', 'a'])
    expect(toggleSelected(s, 'b')).toEqual(['a'])
  })

  it('is enabled for exactly two picks and says why otherwise', () => {
    expect(compareBlockReason([])).toBe('Select two deployments to compare')
    expect(compareBlockReason(['a'])).toBe('Select one more deployment to compare')
    expect(compareBlockReason(['a', 'b'])).toBeUndefined()
    expect(compareBlockReason(['a', 'b', 'c'])).toBe('Select exactly two deployments to compare (3 selected)')
  })

  it('drops picks of rows that are gone, and keeps the same array when nothing changed', () => {
    const s = ['a', 'b']
    expect(pruneSelected(s, new Set(['a', 'b', 'c']))).toBe(s)
    expect(pruneSelected(s, new Set(['b']))).toEqual(['b'])
  })
})
