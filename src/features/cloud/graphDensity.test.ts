import { describe, expect, it } from 'vitest'
import { graphDensity } from './graphDensity.ts'
import { graphFocus, restrictShown } from './graphFocus.ts'

const pvcs = (parent: string, n: number, failed: number[] = []) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${parent}-pvc-${i}`,
    type: 'PVC',
    parent,
    failed: failed.includes(i),
  }))

describe('graphDensity', () => {
  const nodes = [
    { id: 'c1', type: 'Cluster', parent: undefined, failed: false },
    ...pvcs('c1', 12, [11]),
    ...pvcs('c2', 12),
  ]

  it('shows everything at 100 % and leaves small types alone at any density', () => {
    expect(graphDensity(nodes, 100).kept.size).toBe(25)
    expect(graphDensity(nodes, 0).kept.has('c1')).toBe(true)
    expect(graphDensity(pvcs('x', 5), 0).kept.size).toBe(5)
  })

  it('thins many-of-a-kind per container, failed first, with a "+N more" aggregate', () => {
    const { kept, aggregates } = graphDensity(nodes, 25)
    expect([...kept].filter((id) => id.startsWith('c1-'))).toEqual(['c1-pvc-11', 'c1-pvc-0', 'c1-pvc-1'])
    expect(aggregates).toEqual([
      { id: 'more:c1:PVC', parent: 'c1', type: 'PVC', count: 9 },
      { id: 'more:c2:PVC', parent: 'c2', type: 'PVC', count: 9 },
    ])
    const none = graphDensity(nodes, 0)
    expect(none.kept.size).toBe(1)
    expect(none.aggregates.map((a) => a.count)).toEqual([12, 12])
  })
})

describe('graphFocus', () => {
  const nodes = [
    { id: 'r', parent: undefined },
    { id: 'c', parent: 'r' },
    { id: 'lb', parent: 'c' },
    { id: 'pool', parent: 'c' },
    { id: 'n1', parent: 'pool' },
    { id: 'n2', parent: 'pool' },
    { id: 'other', parent: 'r' },
  ]
  const edges = [{ source: 'lb', target: 'n1' }]

  it('keeps the node, its relations, children, and the ancestors of all of them', () => {
    expect([...graphFocus(nodes, edges, 'lb')!].sort()).toEqual(['c', 'lb', 'n1', 'pool', 'r'])
    expect([...graphFocus(nodes, edges, 'pool')!].sort()).toEqual(['c', 'n1', 'n2', 'pool', 'r'])
    expect(graphFocus(nodes, edges, 'gone')).toBeUndefined()
    expect(graphFocus(nodes, edges, undefined)).toBeUndefined()
  })

  it('restricts a shown map, lifting parents to the nearest kept ancestor', () => {
    const shown = new Map<string, string | undefined>(nodes.map((n) => [n.id, n.parent]))
    const out = restrictShown(shown, new Set(['r', 'n1']))
    expect([...out]).toEqual([
      ['r', undefined],
      ['n1', 'r'],
    ])
  })
})
