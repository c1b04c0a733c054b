import { describe, expect, test } from 'vitest'
import { applyFlowMessage, EMPTY_FLOW_STATE, type FlowNodeData, type FlowRelData } from './flowState.ts'
import {
  expandAllUnder,
  foldSubtree,
  normaliseFold,
  parseDepth,
  reveal,
  toggleFold,
  unfoldFailures,
} from './foldState.ts'
import { buildFlowModel } from './model.ts'
import { buildOutline } from './outline.ts'
import { deploymentSnapshot, SMALL_KIT } from './testing/flowFixtures.ts'
import { buildScene, type Depth, type FoldView } from './visibility.ts'

const model3 = buildFlowModel(applyFlowMessage(EMPTY_FLOW_STATE, deploymentSnapshot()))
const view = (depth: Depth, folded: string[] = []): FoldView => ({ depth, folded: new Set(folded) })
const ids = (xs: { id: string }[]) => xs.map((x) => x.id)
const edgeList = (model = model3, v = view(2)) =>
  buildScene(model, v).edges.map((e) => `${e.fromId} -> ${e.toId}`)

/** Leaf-to-leaf dependencies: what depth=all must draw, one line each. */
const leafDeps = [...model3.deps].filter(
  (d) => !model3.nodes.get(d.fromId)!.isGroup && !model3.nodes.get(d.toId)!.isGroup,
)

describe('buildScene: depth and folding', () => {
  test('depth 1 shows the five phases connected in order (regression 28)', () => {
    const s = buildScene(model3, view(1))
    expect(ids(s.nodes)).toEqual([
      'd0:provisioner',
      'd0:bootstrap-kit',
      'd0:cutover',
      'd0:handover',
      'd0:apps',
    ])
    expect(s.nodes.every((n) => n.kind === 'group')).toBe(true)
    expect(edgeList(model3, view(1)).sort()).toEqual([
      'd0:bootstrap-kit -> d0:cutover',
      'd0:cutover -> d0:handover',
      'd0:handover -> d0:apps',
      'd0:provisioner -> d0:bootstrap-kit',
    ])
    // The bootstrap → cutover line also stands for each region's harbor → self-sovereign-cutover.
    expect(s.edges.find((e) => e.fromId === 'd0:bootstrap-kit')!.count).toBe(4)
    const kit = s.byId.get('d0:bootstrap-kit')!
    expect(kit.folded).toBe(true)
    expect(kit.hiddenCount).toBe(SMALL_KIT.filter((c) => !c.phase).length * 3 - 2)
  })

  test('unfolding bootstrap-kit shows one region group per region, primary included (regression 29)', () => {
    const s = buildScene(model3, toggleFold(model3, view(1), 'd0:bootstrap-kit'))
    const kitGroups = s.nodes.filter((n) => n.model.parentId === 'd0:bootstrap-kit')
    expect(ids(kitGroups)).toEqual([
      'd0:fsn1:bootstrap-kit',
      'd0:nbg1-1:bootstrap-kit',
      'd0:hel1-2:bootstrap-kit',
    ])
    expect(kitGroups.map((g) => [g.region, g.hiddenCount, g.folded])).toEqual([
      ['fsn1', 6, true],
      ['nbg1-1', 5, true],
      ['hel1-2', 5, true],
    ])
    expect(s.elided).toEqual(new Set(['d0:bootstrap-kit']))
    // The other phases stay folded.
    expect(s.byId.get('d0:cutover')!.folded).toBe(true)
  })

  test.each<[string, Depth, string[], number]>([
    ['depth 2: phases elided, region groups folded, phase-level jobs visible', 2, [], 4 + 3 + 3 + 2 + 1],
    [
      'depth all: only jobs (and the empty apps phase)',
      'all',
      [],
      leafDeps.length ? 4 + 6 + 5 + 5 + 3 + 2 + 1 : 0,
    ],
    ['depth 3 equals all when groups are two deep', 3, [], 4 + 6 + 5 + 5 + 3 + 2 + 1],
    ['depth all with one region folded', 'all', ['d0:nbg1-1:bootstrap-kit'], 4 + 6 + 1 + 5 + 3 + 2 + 1],
  ])('%s', (_name, depth, folded, count) => {
    expect(buildScene(model3, view(depth, folded)).nodes).toHaveLength(count)
  })
})

describe('buildScene: edge lifting', () => {
  test('depth=all draws exactly the real job dependencies: no M×N fan-out (regression 30)', () => {
    const s = buildScene(model3, view('all'))
    const jobEdges = s.edges.filter(
      (e) => s.byId.get(e.fromId)!.kind === 'job' && s.byId.get(e.toId)!.kind === 'job',
    )
    expect(jobEdges).toHaveLength(leafDeps.length)
    expect(jobEdges.every((e) => e.count === 1 && !e.lifted)).toBe(true)
    // install-cnpg keeps only its real dependency.
    expect(s.edges.filter((e) => e.toId === 'd0:install-cnpg').map((e) => e.fromId)).toEqual([
      'd0:install-cert-manager',
    ])
    // Phase → phase edges between elided phases are dropped, not fanned out; the one into the empty
    // (childless, visible) apps phase is moved onto the handover jobs.
    expect(s.edges.filter((e) => e.lifted).map((e) => `${e.fromId} -> ${e.toId}`)).toEqual([
      'd0:handover-publish-dns -> d0:apps',
      'd0:handover-mint-token -> d0:apps',
    ])
  })

  test('M×N case: two elided groups joined by one edge draw nothing between their children', () => {
    const nodes: FlowNodeData[] = [
      { id: 'A', label: 'A', status: 'pending', family: 'group' },
      { id: 'B', label: 'B', status: 'pending', family: 'group' },
    ]
    const rels: FlowRelData[] = [{ fromId: 'A', toId: 'B', type: 'finish-to-start' }]
    for (const g of ['A', 'B'])
      for (let i = 0; i < 5; i++) {
        nodes.push({ id: `${g}${i}`, label: `${g}${i}`, status: 'pending' })
        rels.push({ fromId: `${g}${i}`, toId: g, type: 'contains' })
      }
    const m = buildFlowModel(
      applyFlowMessage(EMPTY_FLOW_STATE, {
        type: 'snapshot',
        flow: { id: 'x', status: 'x', startedAt: 0 },
        nodes,
        relationships: rels,
      }),
    )
    expect(buildScene(m, view('all')).edges).toEqual([])
    // Folding B: the edge now ends at B's bubble, lifted onto A's five children.
    const s = buildScene(m, view('all', ['B']))
    expect(s.edges.map((e) => `${e.fromId} -> ${e.toId}`)).toEqual([
      'A0 -> B',
      'A1 -> B',
      'A2 -> B',
      'A3 -> B',
      'A4 -> B',
    ])
    // Folding both: one phase → phase edge.
    expect(edgeList(m, view('all', ['A', 'B']))).toEqual(['A -> B'])
  })

  test('folded-target case: a dependency into a folded group ends at its bubble', () => {
    // At depth 2 the fsn1 cutover group is folded: harbor → self-sovereign-cutover ends at the bubble,
    // and since the bootstrap group is folded too, the line joins the two bubbles (merged, counted).
    const s = buildScene(model3, view(2))
    const e = s.edges.find((x) => x.fromId === 'd0:fsn1:bootstrap-kit' && x.toId === 'd0:fsn1:cutover')
    expect(e).toMatchObject({ lifted: true, count: 1 })
    // Unfold only the bootstrap group: the job → bubble edge appears.
    const s2 = buildScene(model3, toggleFold(model3, view(2), 'd0:fsn1:bootstrap-kit'))
    expect(s2.edges.some((x) => x.fromId === 'd0:install-harbor' && x.toId === 'd0:fsn1:cutover')).toBe(true)
    // Edges inside one folded bubble vanish (no self-loops).
    expect(s.edges.some((x) => x.fromId === x.toId)).toBe(false)
  })

  test('a dependency to a missing id draws nothing (regression 23)', () => {
    const snap = deploymentSnapshot()
    const m = buildFlowModel(
      applyFlowMessage(EMPTY_FLOW_STATE, {
        ...snap,
        relationships: [
          ...snap.relationships,
          { fromId: 'd0:install-cilium', toId: 'd0:ghost', type: 'finish-to-start' },
        ],
      }),
    )
    expect(buildScene(m, view('all')).edges).toHaveLength(buildScene(model3, view('all')).edges.length)
    expect(m.diagnostics.map((d) => d.kind)).toEqual(['dangling'])
  })

  test('primary dependencies stay on their full ids: no install-fsn1:x phantom (regression 24)', () => {
    const s = buildScene(model3, view('all'))
    expect(s.nodes.some((n) => n.id.includes('install-fsn1:'))).toBe(false)
  })
})

describe('fold operations', () => {
  test.each([
    [undefined, 2],
    ['1', 1],
    ['all', 'all'],
    ['0', 2],
    ['x', 2],
    ['3', 3],
  ] as const)('parseDepth(%s) = %s', (raw, depth) => {
    expect(parseDepth(raw)).toBe(depth)
  })

  test('double-click a folded group unfolds only it; every other group stays folded (regression 33)', () => {
    const before = view(2)
    const after = toggleFold(model3, before, 'd0:fsn1:bootstrap-kit')
    const folded = (v: FoldView) =>
      buildScene(model3, v)
        .nodes.filter((n) => n.folded)
        .map((n) => n.id)
    expect(folded(after)).toEqual(folded(before).filter((id) => id !== 'd0:fsn1:bootstrap-kit'))
    expect(after.depth).toBe('all')
    // Folding it again returns to the bare depth.
    expect(toggleFold(model3, after, 'd0:fsn1:bootstrap-kit')).toEqual(view(2))
  })

  test('folding a phase at depth 2 keeps depth 2 plus one folded id', () => {
    expect(toggleFold(model3, view(2), 'd0:bootstrap-kit')).toEqual(view(2, ['d0:bootstrap-kit']))
  })

  test('fold subtree, then unfold the top: the children come back folded', () => {
    const v = foldSubtree(model3, view('all'), 'd0:bootstrap-kit')
    const s = buildScene(model3, toggleFold(model3, v, 'd0:bootstrap-kit'))
    expect(s.byId.get('d0:fsn1:bootstrap-kit')?.folded).toBe(true)
  })

  test('expand all under here reveals every job beneath', () => {
    const s = buildScene(model3, expandAllUnder(model3, view(1), 'd0:bootstrap-kit'))
    expect(s.byId.has('d0:install-nbg1-1:harbor')).toBe(true)
    expect(s.byId.get('d0:cutover')?.folded).toBe(true)
  })

  test('unfold failures opens only the paths to failed jobs', () => {
    const m = buildFlowModel(
      applyFlowMessage(
        EMPTY_FLOW_STATE,
        deploymentSnapshot({ status: (j) => (j === 'install-hel1-2:cnpg' ? 'failed' : 'succeeded') }),
      ),
    )
    const s = buildScene(m, unfoldFailures(m, view(1), 'd0:bootstrap-kit'))
    expect(s.byId.has('d0:install-hel1-2:cnpg')).toBe(true)
    expect(s.byId.get('d0:fsn1:bootstrap-kit')?.folded).toBe(true)
    expect(s.byId.get('d0:nbg1-1:bootstrap-kit')?.folded).toBe(true)
  })

  test('reveal unfolds the ancestors of a hidden job', () => {
    const v = reveal(model3, view(2), 'd0:install-nbg1-1:cnpg')
    const s = buildScene(model3, v)
    expect(s.byId.has('d0:install-nbg1-1:cnpg')).toBe(true)
    expect(s.byId.get('d0:fsn1:bootstrap-kit')?.folded).toBe(true)
    expect(reveal(model3, v, 'd0:install-nbg1-1:cnpg')).toBe(v)
  })

  test('normaliseFold picks the shortest spelling', () => {
    const all = new Set(buildScene(model3, view(1)).nodes.map((n) => n.id))
    const groups = new Set([...model3.nodes.values()].filter((n) => n.children.length).map((n) => n.id))
    expect(normaliseFold(model3, groups, 'all')).toEqual(view(1))
    expect(all.size).toBe(5)
    expect(normaliseFold(model3, new Set(), 2)).toEqual(view('all'))
  })
})

describe('buildOutline', () => {
  test('mirrors the visible scene as a tree: elided groups expanded, bubbles collapsed', () => {
    const s = buildScene(model3, view(2))
    const rows = buildOutline(model3, s)
    const kit = rows.find((r) => r.id === 'd0:bootstrap-kit')!
    expect(kit).toMatchObject({ level: 1, expanded: true, posInSet: 2, setSize: 5 })
    const fsn1 = rows.find((r) => r.id === 'd0:fsn1:bootstrap-kit')!
    expect(fsn1).toMatchObject({ level: 2, expanded: false, hiddenCount: 6, parentId: 'd0:bootstrap-kit' })
    expect(rows.some((r) => r.id === 'd0:install-cilium')).toBe(false)
    // Every visible node has a row.
    for (const n of s.nodes) expect(rows.some((r) => r.id === n.id)).toBe(true)
  })
})
