import { describe, expect, test } from 'vitest'
import { applyFlowMessage, EMPTY_FLOW_STATE, type FlowNodeData, type FlowRelData } from './flowState.ts'
import { buildFlowModel } from './model.ts'
import { deploymentSnapshot } from './testing/flowFixtures.ts'
import { resolveHierarchy, validateFlow, type DiagnosticKind } from './validate.ts'

const flow = { id: 'd', status: 'running', startedAt: 0 }
const n = (id: string, extra: Partial<FlowNodeData> = {}): FlowNodeData => ({
  id,
  label: id,
  status: 'pending',
  ...extra,
})
const rel = (fromId: string, toId: string, type = 'finish-to-start'): FlowRelData => ({ fromId, toId, type })

function stateOf(nodes: FlowNodeData[], relationships: FlowRelData[]) {
  return applyFlowMessage(EMPTY_FLOW_STATE, { type: 'snapshot', flow, nodes, relationships })
}

describe('validateFlow', () => {
  test('a composer-shaped 3-region snapshot is clean', () => {
    const s = applyFlowMessage(EMPTY_FLOW_STATE, deploymentSnapshot())
    expect(validateFlow(s)).toEqual([])
  })

  test.each<[string, FlowNodeData[], FlowRelData[], DiagnosticKind[]]>([
    ['dangling dependency target', [n('a')], [rel('a', 'ghost')], ['dangling']],
    ['dangling contains parent', [n('a')], [rel('a', 'ghost', 'contains')], ['dangling']],
    ['duplicate ids', [n('a'), n('a')], [], ['duplicate-id']],
    ['self-parent', [n('a')], [rel('a', 'a', 'contains')], ['self-parent']],
    [
      'two parents',
      [n('a'), n('g1'), n('g2')],
      [rel('a', 'g1', 'contains'), rel('a', 'g2', 'contains')],
      ['multi-parent'],
    ],
    [
      'contains cycle of three',
      [n('a'), n('b'), n('c')],
      [rel('a', 'b', 'contains'), rel('b', 'c', 'contains'), rel('c', 'a', 'contains')],
      ['contains-cycle'],
    ],
    [
      'cross-region dependency',
      [n('x', { region: 'fsn1' }), n('y', { region: 'nbg1-1' })],
      [rel('x', 'y')],
      ['cross-region'],
    ],
    [
      'same-region dependency is fine',
      [n('x', { region: 'fsn1' }), n('y', { region: 'fsn1' })],
      [rel('x', 'y')],
      [],
    ],
  ])('%s', (_name, nodes, rels, kinds) => {
    const s = stateOf(nodes, rels)
    expect(validateFlow(s).map((d) => d.kind)).toEqual(kinds)
    // Whatever is wrong, the model still builds (no crash, no hang).
    expect(() => buildFlowModel(s)).not.toThrow()
  })

  test('a contains cycle is broken so every node still reaches a root', () => {
    const s = stateOf(
      [n('a'), n('b'), n('c'), n('leaf')],
      [
        rel('a', 'b', 'contains'),
        rel('b', 'c', 'contains'),
        rel('c', 'a', 'contains'),
        rel('leaf', 'a', 'contains'),
      ],
    )
    const { parentOf } = resolveHierarchy(s)
    expect(parentOf.size).toBe(3)
    const model = buildFlowModel(s)
    expect(model.roots).toHaveLength(1)
    expect(model.nodes.size).toBe(4)
  })

  test('a large cycle does not hang (linear time)', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `n${i}`)
    const s = stateOf(
      ids.map((id) => n(id)),
      ids.map((id, i) => rel(id, ids[(i + 1) % ids.length]!, 'contains')),
    )
    const model = buildFlowModel(s)
    expect(model.diagnostics.filter((d) => d.kind === 'contains-cycle')).toHaveLength(1)
    expect(model.roots).toHaveLength(1)
  })
})
