import { describe, expect, it } from 'vitest'
import { layoutTreemap, type TreemapInputNode } from './treemapLayout.ts'

const leaf = (id: string, size: number, extra: Partial<TreemapInputNode> = {}): TreemapInputNode => ({
  id,
  name: id,
  count: 1,
  percentage: 50,
  size_value: size,
  children: [],
  ...extra,
})
const parent = (id: string, children: TreemapInputNode[]): TreemapInputNode => ({
  id,
  name: `${id} (region)`,
  count: children.reduce((s, c) => s + c.count, 0),
  percentage: 40,
  size_value: children.reduce((s, c) => s + (c.size_value ?? 0), 0),
  children,
})

const area = (c: { w: number; h: number }) => c.w * c.h

describe('layoutTreemap', () => {
  it('tiles a flat list so that areas are proportional to size and fill the box', () => {
    const { cells, totalValue } = layoutTreemap([leaf('a', 6), leaf('b', 3), leaf('c', 1)], [], {
      width: 400,
      height: 300,
      paddingPx: 0,
    })
    expect(totalValue).toBe(10)
    expect(cells.map((c) => c.name)).toEqual(['a', 'b', 'c'])
    const total = cells.reduce((s, c) => s + area(c), 0)
    expect(total).toBeCloseTo(400 * 300, 3)
    expect(area(cells[0]!) / total).toBeCloseTo(0.6, 5)
    expect(area(cells[2]!) / total).toBeCloseTo(0.1, 5)
  })

  it('keeps every cell inside the box and siblings from overlapping', () => {
    const items = Array.from({ length: 40 }, (_, i) => leaf(`n${i}`, 1 + ((i * 7) % 13)))
    const { cells } = layoutTreemap(items, [], { width: 900, height: 500 })
    expect(cells).toHaveLength(40)
    for (const c of cells) {
      expect(c.x).toBeGreaterThanOrEqual(0)
      expect(c.y).toBeGreaterThanOrEqual(0)
      expect(c.x + c.w).toBeLessThanOrEqual(900 + 1e-6)
      expect(c.y + c.h).toBeLessThanOrEqual(500 + 1e-6)
    }
    for (let i = 0; i < cells.length; i++)
      for (let j = i + 1; j < cells.length; j++) {
        const a = cells[i]!
        const b = cells[j]!
        const overlapX = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
        const overlapY = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)
        expect(overlapX > 1e-6 && overlapY > 1e-6, `${a.name} overlaps ${b.name}`).toBe(false)
      }
  })

  it('squarifies: no cell of a balanced list is a sliver', () => {
    const { cells } = layoutTreemap(
      Array.from({ length: 16 }, (_, i) => leaf(`n${i}`, 1)),
      [],
      { width: 800, height: 400 },
    )
    for (const c of cells) expect(Math.max(c.w / c.h, c.h / c.w)).toBeLessThan(3)
  })

  it('nests children inside their parent below a header strip, with full paths and depths', () => {
    const items = [
      parent('hel', [leaf('harbor', 4), leaf('loki', 2)]),
      parent('fsn', [leaf('harbor', 3), leaf('cilium', 1)]),
    ]
    const { cells } = layoutTreemap(items, ['t126'], { width: 800, height: 500, headerPx: 22, paddingPx: 2 })
    const hel = cells.find((c) => c.path.join('/') === 't126/hel')!
    expect(hel.depth).toBe(1)
    expect(hel.leaf).toBe(false)
    expect(hel.header).toBe(true)
    expect(hel.label).toBe(true)
    const kids = cells.filter((c) => c.path[1] === 'hel' && c.depth === 2)
    expect(kids.map((k) => k.name)).toEqual(['harbor', 'loki'])
    for (const k of kids) {
      expect(k.leaf).toBe(true)
      expect(k.x).toBeGreaterThanOrEqual(hel.x + 2 - 1e-6)
      expect(k.y).toBeGreaterThanOrEqual(hel.y + 22 - 1e-6)
      expect(k.x + k.w).toBeLessThanOrEqual(hel.x + hel.w - 2 + 1e-6)
      expect(k.y + k.h).toBeLessThanOrEqual(hel.y + hel.h - 2 + 1e-6)
    }
    // Same id under two parents still gives two distinct keys.
    const harbors = cells.filter((c) => c.name === 'harbor')
    expect(new Set(harbors.map((h) => h.key)).size).toBe(2)
    // Parent value is the sum of its leaves.
    expect(hel.value).toBe(6)
  })

  it('hides labels of cells that are too small and drops zero-size cells', () => {
    const items = [leaf('big', 1000), leaf('tiny', 20), leaf('sliver', 0.01), leaf('zero', 0)]
    const layout = layoutTreemap(items, [], { width: 600, height: 300, labelMinW: 50, labelMinH: 24 })
    expect(layout.cells.map((c) => c.name)).toEqual(['big', 'tiny'])
    expect(layout.cells[0]!.label).toBe(true)
    expect(layout.cells[1]!.label).toBe(false)
    expect(layout.zeroCount).toBe(1)
    expect(layout.tooSmallCount).toBe(1)
  })

  it('falls back to the name when an item has no id', () => {
    const { cells } = layoutTreemap([leaf('x', 1, { id: null, name: 'Platform overhead' })], [], {
      width: 100,
      height: 100,
    })
    expect(cells[0]!.path).toEqual(['Platform overhead'])
  })

  it('is deterministic and handles an empty list', () => {
    const items = [parent('a', [leaf('x', 2), leaf('y', 2)]), leaf('b', 3)]
    const a = layoutTreemap(items, [], { width: 640, height: 480 })
    const b = layoutTreemap(items, [], { width: 640, height: 480 })
    expect(a).toEqual(b)
    expect(layoutTreemap([], [], { width: 640, height: 480 }).cells).toEqual([])
  })

  it('lays out a large pivot (10,000 leaves) in one pass', () => {
    const items = Array.from({ length: 100 }, (_, i) =>
      parent(
        `ns-${i}`,
        Array.from({ length: 100 }, (_, j) => leaf(`app-${j}`, 0.05 + ((i * 31 + j * 17) % 97) / 100)),
      ),
    )
    const { cells } = layoutTreemap(items, [], { width: 1200, height: 700 })
    expect(cells.length).toBeGreaterThan(100)
    expect(cells.filter((c) => c.depth === 1)).toHaveLength(100)
  })
})

describe('layoutTreemap minLeafShare', () => {
  it('gives every leaf a visible cell but reports its real size', () => {
    const items = [leaf('big', 100), leaf('empty', 0, { percentage: null })]
    const { cells, zeroCount } = layoutTreemap(items, [], { width: 500, height: 300, minLeafShare: 0.05 })
    expect(zeroCount).toBe(0)
    const empty = cells.find((c) => c.name === 'empty')!
    expect(empty.value).toBe(0)
    expect(empty.w * empty.h).toBeGreaterThan(0.03 * 500 * 300)
  })
})
