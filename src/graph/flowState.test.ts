import { describe, expect, test } from 'vitest'
import {
  applyFlowMessage,
  applyFlowMessages,
  EMPTY_FLOW_STATE,
  relKey,
  type FlowMessageData,
  type FlowState,
} from './flowState.ts'

const flow = { id: 'd', status: 'running', startedAt: 0 }
const n = (id: string, status = 'pending') => ({ id, label: id, status })
const fs = (fromId: string, toId: string) => ({ fromId, toId, type: 'finish-to-start' })
const contains = (child: string, parent: string) => ({ fromId: child, toId: parent, type: 'contains' })

const snapshot: FlowMessageData = {
  type: 'snapshot',
  flow,
  nodes: [n('g'), n('a', 'succeeded'), n('b', 'running'), n('c')],
  relationships: [contains('a', 'g'), contains('b', 'g'), fs('a', 'b'), fs('b', 'c')],
}

const stream: FlowMessageData[] = [
  snapshot,
  { type: 'upsert-nodes', nodes: [n('b', 'succeeded'), n('c', 'running')] },
  { type: 'upsert-nodes', nodes: [n('d')] },
  { type: 'upsert-rels', relationships: [fs('c', 'd')] },
  { type: 'delete-rels', pairs: [fs('a', 'b')] },
  { type: 'upsert-flow', flow: { ...flow, status: 'succeeded' } },
  { type: 'delete-nodes', ids: ['a'] },
]

function summary(s: FlowState) {
  return {
    flow: s.flow?.status,
    nodes: [...s.nodes.values()].map((x) => `${x.id}:${x.status}`).sort(),
    rels: [...s.rels.keys()].sort(),
  }
}

describe('applyFlowMessage', () => {
  test('a replayed stream (reconnect) yields the identical state', () => {
    const once = applyFlowMessages(EMPTY_FLOW_STATE, stream)
    const twice = applyFlowMessages(once, stream)
    expect(summary(twice)).toEqual(summary(once))
    // Re-applying the tail (no snapshot) changes nothing at all: same object.
    expect(applyFlowMessages(once, stream.slice(1))).toBe(once)
  })

  test.each(stream.map((m, i) => [i, m.type, m] as const))(
    'message %i (%s) applied twice returns the same object the second time',
    (i, _t, m) => {
      const before = applyFlowMessages(EMPTY_FLOW_STATE, stream.slice(0, i))
      const after = applyFlowMessage(before, m)
      expect(applyFlowMessage(after, m)).toBe(after)
    },
  )

  test('an identical snapshot re-sent every 3 s keeps the state object (nothing re-renders)', () => {
    const a = applyFlowMessage(EMPTY_FLOW_STATE, snapshot)
    const again = JSON.parse(JSON.stringify(snapshot)) as FlowMessageData
    expect(applyFlowMessage(a, again)).toBe(a)
  })

  test('a snapshot with one changed status keeps every unchanged node object', () => {
    const a = applyFlowMessage(EMPTY_FLOW_STATE, snapshot)
    const changed = { ...snapshot, nodes: [n('g'), n('a', 'succeeded'), n('b', 'failed'), n('c')] }
    const b = applyFlowMessage(a, changed as FlowMessageData)
    expect(b).not.toBe(a)
    expect(b.nodes.get('a')).toBe(a.nodes.get('a'))
    expect(b.nodes.get('b')?.status).toBe('failed')
  })

  test.each([
    ['snapshot without relationships', { type: 'snapshot', flow, nodes: [n('x')] }, ['x'], 0],
    ['snapshot without nodes', { type: 'snapshot', flow, relationships: [fs('x', 'y')] }, [], 1],
    ['snapshot with nulls', { type: 'snapshot', flow, nodes: null, relationships: null }, [], 0],
    ['upsert-nodes without nodes', { type: 'upsert-nodes' }, ['g', 'a', 'b', 'c'], 4],
    ['upsert-rels without relationships', { type: 'upsert-rels' }, ['g', 'a', 'b', 'c'], 4],
    ['delete-nodes without ids', { type: 'delete-nodes' }, ['g', 'a', 'b', 'c'], 4],
    ['delete-rels without pairs', { type: 'delete-rels' }, ['g', 'a', 'b', 'c'], 4],
  ] as const)('missing arrays mean empty: %s', (_name, msg, nodes, rels) => {
    const base = applyFlowMessage(EMPTY_FLOW_STATE, snapshot)
    const out = applyFlowMessage(base, msg as unknown as FlowMessageData)
    expect([...out.nodes.keys()]).toEqual(nodes)
    expect(out.rels.size).toBe(rels)
  })

  test('delete-nodes prunes every relationship touching the deleted ids', () => {
    const s = applyFlowMessages(EMPTY_FLOW_STATE, [snapshot, { type: 'delete-nodes', ids: ['b'] }])
    expect([...s.nodes.keys()]).toEqual(['g', 'a', 'c'])
    expect([...s.rels.keys()]).toEqual([relKey(contains('a', 'g'))])
  })

  test('delete-nodes of an unknown id still prunes relationships naming it (dangling rels go too)', () => {
    const s = applyFlowMessages(EMPTY_FLOW_STATE, [
      snapshot,
      { type: 'upsert-rels', relationships: [fs('ghost', 'c')] },
      { type: 'delete-nodes', ids: ['ghost'] },
    ])
    expect(s.rels.has(relKey(fs('ghost', 'c')))).toBe(false)
  })

  test.each([
    [
      'relationship before its nodes',
      [
        { type: 'upsert-rels', relationships: [fs('p', 'q')] },
        { type: 'upsert-nodes', nodes: [n('p'), n('q')] },
      ],
    ],
    [
      'nodes before the relationship',
      [
        { type: 'upsert-nodes', nodes: [n('p'), n('q')] },
        { type: 'upsert-rels', relationships: [fs('p', 'q')] },
      ],
    ],
    [
      'nodes one by one, reversed',
      [
        { type: 'upsert-nodes', nodes: [n('q')] },
        { type: 'upsert-rels', relationships: [fs('p', 'q')] },
        { type: 'upsert-nodes', nodes: [n('p')] },
      ],
    ],
  ] as const)('out-of-order deltas converge: %s', (_name, msgs) => {
    const s = applyFlowMessages(EMPTY_FLOW_STATE, msgs as unknown as FlowMessageData[])
    expect(summary(s)).toEqual({
      flow: undefined,
      nodes: ['p:pending', 'q:pending'],
      rels: [relKey(fs('p', 'q'))],
    })
  })

  test('deltas before the first snapshot are superseded by it', () => {
    const s = applyFlowMessages(EMPTY_FLOW_STATE, [{ type: 'upsert-nodes', nodes: [n('early')] }, snapshot])
    expect([...s.nodes.keys()]).toEqual(['g', 'a', 'b', 'c'])
  })

  test('duplicate ids within a message are recorded (last copy wins)', () => {
    const s = applyFlowMessage(EMPTY_FLOW_STATE, {
      type: 'snapshot',
      flow,
      nodes: [n('x', 'pending'), n('x', 'failed')],
      relationships: [],
    })
    expect(s.duplicateIds).toEqual(['x'])
    expect(s.nodes.get('x')?.status).toBe('failed')
  })

  test('relationships merge by from + to + type', () => {
    const s = applyFlowMessages(EMPTY_FLOW_STATE, [
      snapshot,
      { type: 'upsert-rels', relationships: [fs('a', 'b'), { ...fs('a', 'b'), type: 'start-to-start' }] },
    ])
    expect(s.rels.size).toBe(5)
  })
})
