/**
 * Graph density: types with many nodes (≥ `threshold` shown) are thinned to `density` % per container,
 * failed ones first, the rest summed up in one "+N more" aggregate per container and type. Types with fewer
 * nodes are always shown whole, so a density change never hides a region, a cluster or a load balancer.
 */
export interface DensityNode {
  id: string
  type: string
  /** The nearest shown ancestor. */
  parent: string | undefined
  failed: boolean
}

export interface Aggregate {
  id: string
  parent: string | undefined
  type: string
  count: number
}

export const DENSITY_THRESHOLD = 20
export const DEFAULT_DENSITY = 100

export function graphDensity(
  nodes: readonly DensityNode[],
  density: number,
  threshold = DENSITY_THRESHOLD,
): { kept: Set<string>; aggregates: Aggregate[] } {
  const kept = new Set<string>()
  const aggregates: Aggregate[] = []
  const pct = Math.max(0, Math.min(100, density))
  const perType = new Map<string, number>()
  for (const n of nodes) perType.set(n.type, (perType.get(n.type) ?? 0) + 1)
  const groups = new Map<string, DensityNode[]>()
  for (const n of nodes) {
    if (pct >= 100 || (perType.get(n.type) ?? 0) < threshold) {
      kept.add(n.id)
      continue
    }
    const key = `${n.parent ?? ''}\u0000${n.type}`
    const g = groups.get(key)
    if (g) g.push(n)
    else groups.set(key, [n])
  }
  for (const group of groups.values()) {
    const keep = Math.ceil((group.length * pct) / 100)
    // Stable: failed first, then input order.
    const ordered = [...group.filter((n) => n.failed), ...group.filter((n) => !n.failed)]
    for (const n of ordered.slice(0, keep)) kept.add(n.id)
    const rest = group.length - keep
    if (rest > 0) {
      const { parent, type } = group[0]!
      aggregates.push({ id: `more:${parent ?? ''}:${type}`, parent, type, count: rest })
    }
  }
  return { kept, aggregates }
}
