import { describe, expect, it } from 'vitest'
import { Infrastructure } from '../../contracts/topology.ts'
import { applyInfraChanges } from '../../entities/topology/infraChanges.ts'
import { deleteChangeFor, listActionFor, markOf, markText, rowActionsFor } from './cloudActions.ts'
import { toTopologyGraph } from './toTopologyGraph.ts'

const infra = Infrastructure.parse({
  cloud: [],
  topology: {
    regions: [
      {
        id: 'r1',
        name: 'fsn1',
        clusters: [
          {
            id: 'c1',
            name: 'main',
            nodePools: [
              { id: 'p-w', name: 'worker', role: 'worker', desiredSize: 2 },
              { id: 'p-cp', name: 'cp', role: 'control-plane', desiredSize: 1 },
            ],
          },
        ],
      },
    ],
  },
})
const graph = toTopologyGraph(infra)
const node = (name: string) => graph.nodes.find((n) => n.name === name)!

describe('cloud row actions', () => {
  it('come from the row kind and data, not its label', () => {
    expect(rowActionsFor(node('worker'))).toEqual(['scale', 'delete'])
    expect(rowActionsFor(node('cp'))).toEqual(['scale'])
    expect(rowActionsFor(node('fsn1'))).toEqual(['delete'])
    expect(rowActionsFor(node('main'))).toEqual([])
    // A cluster named like a pool still gets no pool actions.
    expect(rowActionsFor({ ...node('main'), name: 'worker' })).toEqual([])
    expect(listActionFor('node-pools')).toBe('add-pool')
    expect(listActionFor('regions')).toBe('add-region')
    expect(listActionFor('clusters')).toBeUndefined()
    expect(deleteChangeFor(node('worker'))).toEqual({ op: 'delete-pool', poolId: 'p-w', name: 'worker' })
    expect(deleteChangeFor(node('fsn1'))).toEqual({ op: 'delete-region', regionId: 'r1', name: 'fsn1' })
  })

  it('find and word a row’s pending change', () => {
    const { marks } = applyInfraChanges(infra, [
      {
        key: 1,
        change: { op: 'scale-pool', poolId: 'p-w', name: 'worker', desiredSize: 5 },
        state: 'submitting',
      },
      { key: 2, change: { op: 'delete-region', regionId: 'r1', name: 'fsn1' }, state: 'submitted' },
    ])
    expect(markText(markOf(node('worker'), marks)!)).toBe('Scale to 5 pending (sending…)')
    expect(markText(markOf(node('fsn1'), marks)!)).toBe('Delete pending')
    expect(markOf(node('cp'), marks)).toBeUndefined()
  })
})
