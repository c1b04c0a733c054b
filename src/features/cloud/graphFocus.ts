/**
 * Focus mode: one node, its direct neighbours over relations and containment (parent and children), and
 * its ancestors as context frames (a node is never drawn outside its region).
 */
export interface FocusNode {
  id: string
  parent?: string | undefined
}

export function graphFocus(
  nodes: readonly FocusNode[],
  edges: readonly { source: string; target: string }[],
  focus: string | undefined,
): Set<string> | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  if (!focus || !byId.has(focus)) return undefined
  const keep = new Set([focus])
  for (const e of edges) {
    if (e.source === focus && byId.has(e.target)) keep.add(e.target)
    if (e.target === focus && byId.has(e.source)) keep.add(e.source)
  }
  for (const n of nodes) if (n.parent === focus) keep.add(n.id)
  let p = byId.get(focus)?.parent
  while (p && byId.has(p) && !keep.has(p)) {
    keep.add(p)
    p = byId.get(p)?.parent
  }
  // Neighbours keep their own ancestors too (a routed-to node sits in its pool).
  for (const id of [...keep]) {
    let a = byId.get(id)?.parent
    while (a && byId.has(a) && !keep.has(a)) {
      keep.add(a)
      a = byId.get(a)?.parent
    }
  }
  return keep
}

/** `shown` (id → nearest shown ancestor) narrowed to `keep`, parents lifted to the nearest kept one. */
export function restrictShown(
  shown: ReadonlyMap<string, string | undefined>,
  keep: ReadonlySet<string>,
): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>()
  for (const [id, parent] of shown) {
    if (!keep.has(id)) continue
    let p = parent
    const seen = new Set<string>()
    while (p && !keep.has(p) && !seen.has(p)) {
      seen.add(p)
      p = shown.get(p)
    }
    out.set(id, p && keep.has(p) ? p : undefined)
  }
  return out
}
