import { describe, expect, it } from 'vitest'
import {
  edgeEndpoints,
  nestedLayout,
  type Box,
  type NestedLayoutConfig,
  type NestedNode,
} from './nestedLayout.ts'

const config: NestedLayoutConfig = {
  leafSize: (kind) => (kind === 'small' ? { w: 50, h: 20 } : { w: 100, h: 30 }),
  kindOrder: ['region', 'cluster', 'vcluster', 'pool', 'node', 'network'],
  columns: (container, child) => (container === '' ? 10 : child === 'node' ? 2 : 3),
  headerPx: 20,
  paddingPx: 5,
  gapPx: 4,
  minContainerW: 80,
}

const inside = (child: Box, parent: Box) =>
  child.x >= parent.x &&
  child.y >= parent.y &&
  child.x + child.w <= parent.x + parent.w &&
  child.y + child.h <= parent.y + parent.h

const overlaps = (a: Box, b: Box) =>
  Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x) && Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y)

function estate(regions: number): NestedNode[] {
  const out: NestedNode[] = []
  for (let r = 0; r < regions; r++) {
    out.push({ id: `r${r}`, kind: 'region' })
    out.push({ id: `c${r}`, kind: 'cluster', parent: `r${r}` })
    out.push({ id: `net${r}`, kind: 'network', parent: `r${r}` })
    for (const v of ['a', 'b']) out.push({ id: `v${r}${v}`, kind: 'vcluster', parent: `c${r}` })
    out.push({ id: `p${r}`, kind: 'pool', parent: `c${r}` })
    for (let n = 0; n < 3; n++) out.push({ id: `n${r}${n}`, kind: 'node', parent: `p${r}` })
  }
  return out
}

describe('nestedLayout', () => {
  const nodes = estate(3)
  const layout = nestedLayout(nodes, config)

  it('places every node exactly once', () => {
    expect(layout.boxes).toHaveLength(nodes.length)
    expect(new Set(layout.boxes.map((b) => b.id)).size).toBe(nodes.length)
  })

  it('keeps children inside their parent, below its header', () => {
    for (const n of nodes) {
      if (!n.parent) continue
      const child = layout.byId.get(n.id)!
      const parent = layout.byId.get(n.parent)!
      expect(inside(child, parent), `${n.id} inside ${n.parent}`).toBe(true)
      expect(child.y).toBeGreaterThanOrEqual(parent.y + config.headerPx)
      expect(child.depth).toBe(parent.depth + 1)
      expect(parent.container).toBe(true)
    }
  })

  it('never overlaps siblings', () => {
    const byParent = new Map<string, Box[]>()
    for (const n of nodes) {
      const list = byParent.get(n.parent ?? '') ?? []
      list.push(layout.byId.get(n.id)!)
      byParent.set(n.parent ?? '', list)
    }
    for (const siblings of byParent.values())
      for (let i = 0; i < siblings.length; i++)
        for (let j = i + 1; j < siblings.length; j++)
          expect(overlaps(siblings[i]!, siblings[j]!), `${siblings[i]!.id} × ${siblings[j]!.id}`).toBe(false)
  })

  it('puts regions side by side and groups children into bands by kind order', () => {
    const [r0, r1, r2] = ['r0', 'r1', 'r2'].map((id) => layout.byId.get(id)!)
    expect(r0!.y).toBe(r1!.y)
    expect(r0!.x).toBeLessThan(r1!.x)
    expect(r1!.x).toBeLessThan(r2!.x)
    const cluster = layout.byId.get('c0')!
    const network = layout.byId.get('net0')!
    expect(network.y).toBeGreaterThanOrEqual(cluster.y + cluster.h)
    const vc = layout.byId.get('v0a')!
    const pool = layout.byId.get('p0')!
    expect(pool.y).toBeGreaterThanOrEqual(vc.y + vc.h)
  })

  it('wraps a band after `columns` items', () => {
    const nodesRow = layout.boxes.filter((b) => b.kind === 'node' && b.id.startsWith('n0'))
    const ys = [...new Set(nodesRow.map((b) => b.y))]
    expect(ys).toHaveLength(2) // 3 nodes, 2 per row
  })

  it('reports the overall size and is deterministic', () => {
    const maxX = Math.max(...layout.boxes.map((b) => b.x + b.w))
    const maxY = Math.max(...layout.boxes.map((b) => b.y + b.h))
    expect(layout.width).toBe(maxX)
    expect(layout.height).toBe(maxY)
    expect(nestedLayout(nodes, config)).toEqual(layout)
  })

  it('treats unknown parents as roots and survives cycles', () => {
    const l = nestedLayout(
      [
        { id: 'a', kind: 'cluster', parent: 'missing' },
        { id: 'x', kind: 'node', parent: 'y' },
        { id: 'y', kind: 'node', parent: 'x' },
      ],
      config,
    )
    expect(l.byId.get('a')).toBeDefined()
    expect(l.boxes.length).toBe(1) // x and y only contain each other: not reachable from a root
  })
})

describe('edgeEndpoints', () => {
  it('clips a centre-to-centre line at both borders', () => {
    const e = edgeEndpoints({ x: 0, y: 0, w: 100, h: 20 }, { x: 200, y: 0, w: 100, h: 20 })
    expect(e).toEqual({ x1: 100, y1: 10, x2: 200, y2: 10 })
    const v = edgeEndpoints({ x: 0, y: 0, w: 40, h: 40 }, { x: 0, y: 100, w: 40, h: 40 })
    expect(v).toEqual({ x1: 20, y1: 40, x2: 20, y2: 100 })
  })
})
