import { describe, expect, test } from 'vitest'
import { applyFlowMessage, EMPTY_FLOW_STATE } from './flowState.ts'
import { forceLayout } from './forceLayout.ts'
import {
  buildLayoutInput,
  computeGeometry,
  GLOBAL_LANE,
  placeGroups,
  type FlowGeometry,
  type Point,
} from './flowLayout.ts'
import { buildFlowModel, type FlowModel } from './model.ts'
import { deploymentSnapshot, syntheticKit, type FixtureOptions } from './testing/flowFixtures.ts'

function modelOf(opts: FixtureOptions = {}): FlowModel {
  return buildFlowModel(applyFlowMessage(EMPTY_FLOW_STATE, deploymentSnapshot(opts)))
}

function layout(model: FlowModel, previous?: { positions: Map<string, Point>; geometry: FlowGeometry }) {
  const geometry = computeGeometry(model)
  const { input, ids } = buildLayoutInput(model, geometry, previous)
  const out = forceLayout(input)
  const positions = new Map(ids.map((id, i) => [id, { x: out.xs[i]!, y: out.ys[i]! }]))
  return { geometry, input, ids, out, positions }
}

const threeRegions = modelOf()
const big = modelOf({ kit: syntheticKit(60), regions: ['fsn1', 'nbg1-1', 'hel1-2', 'ash-3', 'sin-4'] })

describe('forceLayout', () => {
  test('is deterministic: the same input gives the same output', () => {
    const a = layout(big)
    const b = layout(big)
    expect(Array.from(b.out.xs)).toEqual(Array.from(a.out.xs))
    expect(Array.from(b.out.ys)).toEqual(Array.from(a.out.ys))
  })

  test('runs a bounded, fixed number of ticks', () => {
    const a = layout(big)
    expect(a.out.ticks).toBe(a.input.config.ticks)
    expect(a.out.ticks).toBeLessThanOrEqual(300)
  })

  test.each([
    ['3 regions', threeRegions],
    ['5 regions × 60 charts', big],
  ])('%s: no two nodes overlap (distance ≥ sum of radii)', (_name, model) => {
    const { input, out } = layout(model)
    let worst = Infinity
    for (let i = 0; i < input.nodes.length; i++)
      for (let j = i + 1; j < input.nodes.length; j++) {
        const d = Math.hypot(out.xs[i]! - out.xs[j]!, out.ys[i]! - out.ys[j]!)
        worst = Math.min(worst, d - (input.nodes[i]!.r + input.nodes[j]!.r))
      }
    expect(worst).toBeGreaterThanOrEqual(0)
  })

  test('jobs sit in their region lane and phase column; lanes follow region order', () => {
    const { geometry, positions } = layout(big)
    expect(geometry.lanes.map((l) => l.key)).toEqual([
      GLOBAL_LANE,
      'fsn1',
      'nbg1-1',
      'hel1-2',
      'ash-3',
      'sin-4',
    ])
    for (const n of big.nodes.values()) {
      if (n.children.length) continue
      const p = positions.get(n.id)!
      if (n.parentId === undefined) {
        expect(p.y).toBe(geometry.midY)
        continue
      }
      const lane = geometry.lanes.find((l) => l.key === (n.region ?? GLOBAL_LANE))
      const column = geometry.columns.find((c) => c.key === n.rootId)!
      if (lane) expect(p.y).toBeGreaterThanOrEqual(lane.y0)
      if (lane) expect(p.y).toBeLessThanOrEqual(lane.y1)
      expect(p.x).toBeGreaterThanOrEqual(column.x0)
      expect(p.x).toBeLessThanOrEqual(column.x1)
    }
    // Phase columns run left to right in phase order.
    const xs = geometry.columns.map((c) => c.x0)
    expect([...xs].sort((a, b) => a - b)).toEqual(xs)
    expect(geometry.columns.map((c) => c.key)).toEqual(big.roots)
  })

  test('dependencies mostly point left to right inside a cell', () => {
    const { positions } = layout(big)
    const inCell = big.deps.filter((d) => {
      const a = big.nodes.get(d.fromId)!
      const b = big.nodes.get(d.toId)!
      return !a.isGroup && !b.isGroup && a.region === b.region && a.rootId === b.rootId
    })
    const forward = inCell.filter((d) => positions.get(d.fromId)!.x < positions.get(d.toId)!.x)
    expect(forward.length / inCell.length).toBeGreaterThan(0.8)
  })

  test('phase bubbles sit in one row (depth 1 reads left to right)', () => {
    const { geometry, positions } = layout(threeRegions)
    const all = placeGroups(threeRegions, geometry, positions)
    const ys = threeRegions.roots.map((r) => all.get(r)!.y)
    expect(new Set(ys).size).toBe(1)
    const xs = threeRegions.roots.map((r) => all.get(r)!.x)
    expect([...xs].sort((a, b) => a - b)).toEqual(xs)
    // A region group bubble sits among its jobs, inside its lane.
    const lane = geometry.lanes.find((l) => l.key === 'nbg1-1')!
    const g = all.get('d0:nbg1-1:bootstrap-kit')!
    expect(g.y).toBeGreaterThan(lane.y0)
    expect(g.y).toBeLessThan(lane.y1)
  })

  test('new jobs warm-start next to their group; jobs laid out before do not move', () => {
    const before = modelOf({ kit: syntheticKit(20) })
    const first = layout(before)
    const after = modelOf({ kit: syntheticKit(26) })
    const second = layout(after, { positions: first.positions, geometry: first.geometry })
    for (const [id, p] of first.positions) {
      if (after.nodes.get(id)!.parentId === undefined) continue // empty phases sit mid-height
      const q = second.positions.get(id)!
      const cellBefore = first.geometry.cellOf.get(id)!
      const cellAfter = second.geometry.cellOf.get(id)!
      // Same offset within the cell: moved only as much as its cell moved (here: not at all).
      expect(q.x - cellAfter.x0).toBeCloseTo(p.x - cellBefore.x0, 6)
      expect(q.y - cellAfter.y0).toBeCloseTo(p.y - cellBefore.y0, 6)
    }
    expect(second.input.config.ticks).toBeLessThan(first.input.config.ticks)
    const fresh = second.input.nodes.filter((n) => !n.fixed)
    expect(fresh.map((n) => n.id).sort()).toEqual(
      [...second.positions.keys()].filter((id) => !first.positions.has(id)).sort(),
    )
  })

  test('a status change does not change the layout input at all', () => {
    const a = buildLayoutInput(threeRegions, computeGeometry(threeRegions), undefined)
    const failed = modelOf({ status: () => 'failed' })
    const b = buildLayoutInput(failed, computeGeometry(failed), undefined)
    expect(b).toEqual(a)
  })

  test('empty graph', () => {
    const out = forceLayout({ nodes: [], links: [], config: layout(threeRegions).input.config })
    expect(out.xs).toHaveLength(0)
  })
})
