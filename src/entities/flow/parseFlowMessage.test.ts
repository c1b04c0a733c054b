import { describe, expect, test } from 'vitest'
import { deploymentSnapshot } from '../../graph/testing/flowFixtures.ts'
import { parseFlowMessage } from './parseFlowMessage.ts'

describe('parseFlowMessage', () => {
  test('parses a wire snapshot with the contract tolerances (seconds → ms, absent arrays → [])', () => {
    const wire = deploymentSnapshot({ dep: 'd1', regions: ['fsn1'] })
    const r = parseFlowMessage(JSON.stringify(wire))
    expect(r.ok).toBe(true)
    if (!r.ok || r.data.type !== 'snapshot') throw new Error('not a snapshot')
    expect(r.data.nodes).toHaveLength(wire.nodes.length)
    expect(parseFlowMessage('{"type":"upsert-nodes"}')).toEqual({
      ok: true,
      data: { type: 'upsert-nodes', nodes: [] },
    })
    const secs = parseFlowMessage(
      JSON.stringify({ type: 'upsert-nodes', nodes: [{ id: 'a', startedAt: 1_700_000_000 }] }),
    )
    expect(secs.ok && secs.data.type === 'upsert-nodes' && secs.data.nodes[0]!.startedAt).toBe(
      1_700_000_000_000,
    )
  })

  test.each([
    ['not JSON', '{nope', 'body: not JSON'],
    ['unknown type', '{"type":"explode"}', 'type'],
    ['node without id', '{"type":"upsert-nodes","nodes":[{"label":"x"}]}', 'nodes.0.id'],
  ])('%s is rejected with where it broke', (_, text, where) => {
    const r = parseFlowMessage(text)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error).toContain(where)
  })

  test('the worker path (JSON text back) gives the same message as parsing on the main thread', () => {
    const text = JSON.stringify(deploymentSnapshot({ dep: 'd1', regions: ['fsn1', 'nbg1-1'] }))
    const r = parseFlowMessage(text)
    expect(r.ok && JSON.parse(JSON.stringify(r.data))).toEqual(r.ok && r.data)
  })
})
