import { describe, expect, test } from 'vitest'
import { applyFlowMessage, EMPTY_FLOW_STATE, type FlowNodeData, type FlowRelData } from './flowState.ts'
import { buildFlowModel, dependencyRanks } from './model.ts'
import { rollupStatus, type RunStatus } from '../contracts/runStatus.ts'
import { deploymentSnapshot, SMALL_KIT } from './testing/flowFixtures.ts'

const flow = { id: 'd', status: 'running', startedAt: 0 }
const stateOf = (nodes: FlowNodeData[], relationships: FlowRelData[]) =>
  applyFlowMessage(EMPTY_FLOW_STATE, { type: 'snapshot', flow, nodes, relationships })

describe('rollupStatus', () => {
  test.each<[RunStatus[], RunStatus | undefined]>([
    [[], undefined],
    [['succeeded', 'succeeded'], 'succeeded'],
    [['succeeded', 'pending'], 'pending'],
    [['pending', 'running', 'succeeded'], 'running'],
    [['running', 'failed', 'pending'], 'failed'],
    [['failed'], 'failed'],
  ])('%j → %s', (input, out) => {
    expect(rollupStatus(input)).toBe(out)
  })
})

describe('buildFlowModel', () => {
  test('contains is read as toId = parent: one phase with 45 children, not 45 phases (regression 27)', () => {
    const nodes = [{ id: 'p', label: 'P', status: 'pending', family: 'group' }]
    const rels: FlowRelData[] = []
    for (let i = 0; i < 45; i++) {
      nodes.push({ id: `c${i}`, label: `c${i}`, status: 'succeeded', family: 'install' })
      rels.push({ fromId: `c${i}`, toId: 'p', type: 'contains' })
    }
    const m = buildFlowModel(stateOf(nodes, rels))
    expect(m.roots).toEqual(['p'])
    expect(m.nodes.get('p')!.children).toHaveLength(45)
    expect(m.nodes.get('p')!.status).toBe('succeeded')
  })

  test('roots follow phase order whatever order they arrive in', () => {
    const snap = deploymentSnapshot()
    const m = buildFlowModel(
      applyFlowMessage(EMPTY_FLOW_STATE, { ...snap, nodes: [...snap.nodes].reverse() }),
    )
    expect(m.roots).toEqual(['d0:provisioner', 'd0:bootstrap-kit', 'd0:cutover', 'd0:handover', 'd0:apps'])
  })

  test.each<[string, (job: string) => string, Record<string, RunStatus>]>([
    [
      'all succeeded; the empty apps phase stays pending (regression 31)',
      () => 'succeeded',
      { 'd0:bootstrap-kit': 'succeeded', 'd0:fsn1:bootstrap-kit': 'succeeded', 'd0:apps': 'pending' },
    ],
    [
      'one failed install fails its region group and phase only',
      (j) => (j === 'install-nbg1-1:harbor' ? 'failed' : 'succeeded'),
      {
        'd0:nbg1-1:bootstrap-kit': 'failed',
        'd0:fsn1:bootstrap-kit': 'succeeded',
        'd0:bootstrap-kit': 'failed',
        'd0:provisioner': 'succeeded',
      },
    ],
    [
      'running beats pending; nothing started is pending, never running',
      (j) => (j === 'install-flux' ? 'running' : j.startsWith('install-') ? 'pending' : 'succeeded'),
      {
        'd0:fsn1:bootstrap-kit': 'running',
        'd0:nbg1-1:bootstrap-kit': 'pending',
        'd0:bootstrap-kit': 'running',
      },
    ],
    [
      'cluster-bootstrap succeeded keeps the provisioner succeeded (regression 32)',
      (j) => (j.startsWith('install-') ? 'pending' : 'succeeded'),
      { 'd0:provisioner': 'succeeded', 'd0:bootstrap-kit': 'pending', 'd0:cutover': 'pending' },
    ],
    [
      'unknown wire statuses are pending',
      (j) => (j.startsWith('install-') ? 'weird' : 'succeeded'),
      { 'd0:bootstrap-kit': 'pending' },
    ],
  ])('rollup recomputed client-side: %s', (_name, status, expected) => {
    const m = buildFlowModel(applyFlowMessage(EMPTY_FLOW_STATE, deploymentSnapshot({ status })))
    for (const [id, s] of Object.entries(expected)) expect([id, m.nodes.get(id)!.status]).toEqual([id, s])
  })

  test('a group without children keeps its own status', () => {
    const m = buildFlowModel(stateOf([{ id: 'g', label: 'g', status: 'succeeded', family: 'group' }], []))
    expect(m.nodes.get('g')).toMatchObject({ isGroup: true, status: 'succeeded', leafCount: 0 })
  })

  test('counts are conserved: every leaf is counted once at the top', () => {
    const snap = deploymentSnapshot({ status: (j) => (j.length % 3 === 0 ? 'running' : 'succeeded') })
    const m = buildFlowModel(applyFlowMessage(EMPTY_FLOW_STATE, snap))
    const leaves = [...m.nodes.values()].filter((n) => !n.isGroup)
    expect(m.leafCount).toBe(leaves.length)
    expect(m.counts.running + m.counts.succeeded).toBe(leaves.length)
    const perPhase = m.roots.reduce((s, r) => s + m.nodes.get(r)!.leafCount, 0)
    expect(perPhase).toBe(leaves.length)
    const kitPerRegion = SMALL_KIT.filter((c) => !c.phase).length
    expect(m.nodes.get('d0:fsn1:bootstrap-kit')!.leafCount).toBe(kitPerRegion)
    expect(m.nodes.get('d0:nbg1-1:bootstrap-kit')!.leafCount).toBe(kitPerRegion - 1)
  })

  test('regions: wizard order, group regions inherited from their jobs', () => {
    const m = buildFlowModel(
      applyFlowMessage(EMPTY_FLOW_STATE, deploymentSnapshot({ regions: ['hel1', 'fsn1-2', 'nbg1-1'] })),
    )
    expect(m.regions).toEqual(['hel1', 'nbg1-1', 'fsn1-2'])
    expect(m.nodes.get('d0:bootstrap-kit')!.region).toBeUndefined()
    expect(m.maxGroupDepth).toBe(2)
  })

  test('structureKey ignores statuses and changes with structure', () => {
    const a = buildFlowModel(applyFlowMessage(EMPTY_FLOW_STATE, deploymentSnapshot()))
    const b = buildFlowModel(
      applyFlowMessage(EMPTY_FLOW_STATE, deploymentSnapshot({ status: () => 'failed' })),
    )
    const c = buildFlowModel(
      applyFlowMessage(EMPTY_FLOW_STATE, deploymentSnapshot({ regions: ['fsn1', 'nbg1-1'] })),
    )
    expect(b.structureKey).toBe(a.structureKey)
    expect(c.structureKey).not.toBe(a.structureKey)
  })

  test('dependency ranks follow the chain', () => {
    const m = buildFlowModel(applyFlowMessage(EMPTY_FLOW_STATE, deploymentSnapshot()))
    const ranks = dependencyRanks([...m.nodes.keys()], m.deps)
    const rank = (j: string) => ranks.get(`d0:${j}`)
    expect(rank('install-cilium')).toBe(0)
    expect(rank('install-cert-manager')).toBe(1)
    expect(rank('install-harbor')).toBe(3)
    expect(rank('install-self-sovereign-cutover')).toBe(4)
  })
})
