import { describe, expect, test } from 'vitest'
import { nextInDirection } from './navigation.ts'
import { SpatialGrid } from './spatialIndex.ts'

function grid(points: [number, number, number][]) {
  return new SpatialGrid(
    Float64Array.from(points, (p) => p[0]),
    Float64Array.from(points, (p) => p[1]),
    Float64Array.from(points, (p) => p[2]),
    points.length,
    50,
  )
}

describe('SpatialGrid', () => {
  const pts: [number, number, number][] = [
    [0, 0, 10],
    [100, 0, 10],
    [100, 100, 40],
    [1000, 1000, 10],
  ]
  const g = grid(pts)

  test.each([
    [0, 0, 0, 0],
    [8, 5, 0, 0],
    [15, 0, 0, -1],
    [15, 0, 6, 0],
    [130, 100, 0, 2],
    [1000, 1005, 0, 3],
    [500, 500, 0, -1],
  ])('hit(%s, %s, slop %s) = %s', (x, y, slop, out) => {
    expect(g.hit(x, y, slop)).toBe(out)
  })

  test('query returns each overlapping circle once, even across cells', () => {
    const out = new Int32Array(4)
    const n = g.query(-20, -20, 150, 150, out)
    expect([...out.slice(0, n)].sort()).toEqual([0, 1, 2])
    expect(g.query(900, 900, 1100, 1100, out)).toBe(1)
    expect(g.query(2000, 2000, 3000, 3000, out)).toBe(0)
  })

  test('agrees with a brute-force scan on random circles', () => {
    let seed = 3
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const many = Array.from(
      { length: 2000 },
      () => [rnd() * 5000, rnd() * 3000, 5 + rnd() * 30] as [number, number, number],
    )
    const big = grid(many)
    const out = new Int32Array(many.length)
    for (let q = 0; q < 50; q++) {
      const x0 = rnd() * 5000
      const y0 = rnd() * 3000
      const x1 = x0 + rnd() * 800
      const y1 = y0 + rnd() * 800
      const n = big.query(x0, y0, x1, y1, out)
      const brute = many
        .map(([x, y, r], i) => (x + r >= x0 && x - r <= x1 && y + r >= y0 && y - r <= y1 ? i : -1))
        .filter((i) => i >= 0)
      expect([...out.slice(0, n)].sort((a, b) => a - b)).toEqual(brute)
    }
  })

  test('an empty grid answers nothing', () => {
    const e = grid([])
    expect(e.hit(0, 0)).toBe(-1)
    expect(e.query(0, 0, 1, 1, new Int32Array(0))).toBe(0)
  })
})

describe('nextInDirection', () => {
  //   0 ── 1
  //   |    |
  //   2    3 (far right, a bit lower)
  const xs = [0, 100, 0, 300]
  const ys = [0, 0, 100, 30]
  test.each([
    [0, 'right', 1],
    [1, 'right', 3],
    [0, 'down', 2],
    [2, 'up', 0],
    [1, 'left', 0],
    [0, 'left', -1],
    [3, 'right', -1],
  ] as const)('from %s going %s → %s', (from, dir, to) => {
    expect(nextInDirection(xs, ys, 4, from, dir)).toBe(to)
  })
})
