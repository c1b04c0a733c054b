/**
 * Which nodes of a containment graph to show: kinds can be hidden, and a search isolates its matches
 * plus their direct neighbours (over relations and containment), keeping their ancestors as context
 * frames. A shown node's parent is its nearest shown ancestor, so hiding a container kind lifts its
 * children instead of losing them.
 */

export interface FilterNode {
  id: string
  kind: string
  parent?: string | undefined
  /** Lower-cased text a search matches against. */
  search: string
}

export interface FilterEdge {
  source: string
  target: string
}

export interface GraphFilter {
  hiddenKinds?: ReadonlySet<string>
  query?: string
}

export interface FilteredGraph {
  /** Shown node ids → their nearest shown ancestor (undefined for a root). */
  shown: Map<string, string | undefined>
  matches: Set<string>
  /** Direct neighbours of matches that are not matches themselves. */
  neighbours: Set<string>
  /** Shown per kind. */
  shownByKind: Map<string, number>
  /** True when a search is active. */
  searching: boolean
}

/** Every whitespace-separated term must occur in the node's text (case-insensitive). */
export function matchesQuery(text: string, query: string): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
  return terms.length > 0 && terms.every((t) => text.includes(t))
}

export function filterGraph(
  nodes: readonly FilterNode[],
  edges: readonly FilterEdge[],
  filter: GraphFilter,
): FilteredGraph {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const hidden = filter.hiddenKinds ?? new Set<string>()
  const visibleKind = (id: string) => {
    const n = byId.get(id)
    return !!n && !hidden.has(n.kind)
  }
  const query = (filter.query ?? '').trim()
  const searching = query !== ''
  const matches = new Set<string>()
  const neighbours = new Set<string>()
  let keep: Set<string>
  if (!searching) {
    keep = new Set(nodes.filter((n) => !hidden.has(n.kind)).map((n) => n.id))
  } else {
    for (const n of nodes) if (!hidden.has(n.kind) && matchesQuery(n.search, query)) matches.add(n.id)
    const adjacent = new Map<string, string[]>()
    const link = (a: string, b: string) => {
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        const list = adjacent.get(from)
        if (list) list.push(to)
        else adjacent.set(from, [to])
      }
    }
    for (const e of edges) if (byId.has(e.source) && byId.has(e.target)) link(e.source, e.target)
    for (const n of nodes) if (n.parent && byId.has(n.parent)) link(n.id, n.parent)
    for (const m of matches)
      for (const other of adjacent.get(m) ?? [])
        if (!matches.has(other) && visibleKind(other)) neighbours.add(other)
    keep = new Set([...matches, ...neighbours])
    // Ancestors stay as context frames (a node is never drawn outside its region).
    for (const id of [...keep]) {
      let p = byId.get(id)?.parent
      const seen = new Set<string>()
      while (p && byId.has(p) && !seen.has(p)) {
        seen.add(p)
        if (visibleKind(p)) keep.add(p)
        p = byId.get(p)?.parent
      }
    }
  }
  const shown = new Map<string, string | undefined>()
  const shownByKind = new Map<string, number>()
  for (const n of nodes) {
    if (!keep.has(n.id)) continue
    let p = n.parent
    const seen = new Set<string>()
    while (p && !keep.has(p) && byId.has(p) && !seen.has(p)) {
      seen.add(p)
      p = byId.get(p)?.parent
    }
    shown.set(n.id, p && keep.has(p) ? p : undefined)
    shownByKind.set(n.kind, (shownByKind.get(n.kind) ?? 0) + 1)
  }
  return { shown, matches, neighbours, shownByKind, searching }
}
