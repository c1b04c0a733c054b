/**
 * Arrow-key movement between drawn nodes: the nearest node in the pressed direction, within a 60° cone
 * either side, scored by distance with sideways offset weighted double (so "right" prefers the node
 * straight to the right over a closer one far up).
 */
export type Direction = 'left' | 'right' | 'up' | 'down'

const VECTORS: Record<Direction, [number, number]> = {
  left: [-1, 0],
  right: [1, 0],
  up: [0, -1],
  down: [0, 1],
}

export function nextInDirection(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  count: number,
  from: number,
  dir: Direction,
): number {
  const [ux, uy] = VECTORS[dir]
  const fx = xs[from]!
  const fy = ys[from]!
  let best = -1
  let bestScore = Infinity
  for (let i = 0; i < count; i++) {
    if (i === from) continue
    const dx = xs[i]! - fx
    const dy = ys[i]! - fy
    const along = dx * ux + dy * uy
    if (along <= 0.5) continue
    const side = Math.abs(dx * uy - dy * ux)
    // tan 60° ≈ 1.73: wider than 45° so a sparse graph still has somewhere to go.
    if (side > along * 1.73) continue
    const score = along + 2 * side
    if (score < bestScore) {
      bestScore = score
      best = i
    }
  }
  return best
}
