import { describe, expect, it } from 'vitest'
import { filterGraph, matchesQuery, type FilterEdge, type FilterNode } from './graphFilter.ts'

const nodes: FilterNode[] = [
  { id: 'cloud', kind: 'Cloud', search: 'cloud hetzner' },
  { id: 'r1', kind: 'Region', parent: 'cloud', search: 'region fsn1' },
  { id: 'c1', kind: 'Cluster', parent: 'r1', search: 'cluster t126-mesh' },
  { id: 'lb1', kind: 'LoadBalancer', parent: 'c1', search: 'loadbalancer ingress-fsn1 49.12.0.1' },
  { id: 'p1', kind: 'NodePool', parent: 'c1', search: 'pool workers-fsn1' },
  { id: 'n1', kind: 'Node', parent: 'p1', search: 'node worker-1-fsn1' },
  { id: 'n2', kind: 'Node', parent: 'p1', search: 'node worker-2-fsn1' },
  { id: 'r2', kind: 'Region', parent: 'cloud', search: 'region hel1' },
  { id: 'c2', kind: 'Cluster', parent: 'r2', search: 'cluster t126-hel' },
]
const edges: FilterEdge[] = [
  { source: 'lb1', target: 'n1' },
  { source: 'lb1', target: 'n2' },
]

describe('filterGraph', () => {
  it('shows everything by default, each node under its parent', () => {
    const f = filterGraph(nodes, edges, {})
    expect(f.shown.size).toBe(nodes.length)
    expect(f.shown.get('n1')).toBe('p1')
    expect(f.shown.get('cloud')).toBeUndefined()
    expect(f.searching).toBe(false)
  })

  it('hides kinds and lifts the children of a hidden container to the next shown ancestor', () => {
    const f = filterGraph(nodes, edges, { hiddenKinds: new Set(['NodePool']) })
    expect(f.shown.has('p1')).toBe(false)
    expect(f.shown.get('n1')).toBe('c1')
    expect(f.shownByKind.get('NodePool') ?? 0).toBe(0)
    expect(f.shownByKind.get('Node')).toBe(2)
  })

  it('isolates matches plus direct neighbours (relations and containment), ancestors as context', () => {
    const f = filterGraph(nodes, edges, { query: 'ingress' })
    expect([...f.matches]).toEqual(['lb1'])
    expect([...f.neighbours].sort()).toEqual(['c1', 'n1', 'n2'])
    // r1, cloud and the nodes' pool are context frames; the other region is gone.
    expect([...f.shown.keys()].sort()).toEqual(['c1', 'cloud', 'lb1', 'n1', 'n2', 'p1', 'r1'])
    expect(f.shown.get('n1')).toBe('p1')
  })

  it('requires every term and ignores case', () => {
    expect(matchesQuery('node worker-1-fsn1', 'WORKER fsn1')).toBe(true)
    expect(matchesQuery('node worker-1-fsn1', 'worker hel1')).toBe(false)
    expect(matchesQuery('anything', '   ')).toBe(false)
    const f = filterGraph(nodes, edges, { query: 'worker-2' })
    expect([...f.matches]).toEqual(['n2'])
    expect([...f.neighbours].sort()).toEqual(['lb1', 'p1'])
  })

  it('finds nothing without crashing and does not match hidden kinds', () => {
    expect(filterGraph(nodes, edges, { query: 'nope' }).shown.size).toBe(0)
    const f = filterGraph(nodes, edges, { query: 'ingress', hiddenKinds: new Set(['LoadBalancer']) })
    expect(f.matches.size).toBe(0)
  })
})
