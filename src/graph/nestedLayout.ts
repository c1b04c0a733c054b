/**
 * Nested "boxes in boxes" layout for containment hierarchies (cloud → region → cluster → pool → node).
 * Pure and deterministic: sizes bottom-up, positions top-down. Inside a container its children are
 * grouped by kind (in `kindOrder`); each group starts a new band and flows left to right, wrapping after
 * `columns(containerKind, childKind)` items:
 *
 *   ┌ region fsn1 ─────────────────────────────┐
 *   │ ┌ cluster ─────────────────────────────┐ │
 *   │ │ [vcluster] [vcluster]                │ │   band: vCluster
 *   │ │ [lb]                                 │ │   band: LoadBalancer
 *   │ │ ┌ pool ───────────┐ ┌ pool ────────┐ │ │   band: NodePool (containers)
 *   │ │ │ [node] [node]   │ │ [node]       │ │ │
 *   │ │ └─────────────────┘ └──────────────┘ │ │
 *   │ └──────────────────────────────────────┘ │
 *   │ [network]                                │   band: Network
 *   └──────────────────────────────────────────┘
 */

export interface NestedNode {
  id: string
  kind: string
  /** Id of the containing node; a missing or unknown parent makes the node a root. */
  parent?: string | undefined
}

export interface NestedLayoutConfig {
  /** Size of a node without children. */
  leafSize: (kind: string) => { w: number; h: number }
  /** Order of child groups inside a container (kinds not listed come last, alphabetically). */
  kindOrder: readonly string[]
  /** Most items per row of a group of `childKind` inside `containerKind` ('' = the top level). */
  columns: (containerKind: string, childKind: string) => number
  headerPx: number
  paddingPx: number
  gapPx: number
  /** Smallest width of a container (room for its title). */
  minContainerW: number
}

export interface Box {
  id: string
  kind: string
  x: number
  y: number
  w: number
  h: number
  depth: number
  container: boolean
}

export interface NestedLayout {
  boxes: Box[]
  byId: ReadonlyMap<string, Box>
  width: number
  height: number
}

interface Sized {
  node: NestedNode
  w: number
  h: number
  /** Child offsets relative to this box's top-left. */
  placed: { child: Sized; dx: number; dy: number }[]
}

export function nestedLayout(nodes: readonly NestedNode[], config: NestedLayoutConfig): NestedLayout {
  const ids = new Set(nodes.map((n) => n.id))
  const children = new Map<string, NestedNode[]>()
  const roots: NestedNode[] = []
  for (const n of nodes) {
    if (n.parent !== undefined && ids.has(n.parent) && n.parent !== n.id) {
      const list = children.get(n.parent) ?? []
      list.push(n)
      children.set(n.parent, list)
    } else roots.push(n)
  }
  const rank = (kind: string) => {
    const i = config.kindOrder.indexOf(kind)
    return i < 0 ? config.kindOrder.length : i
  }
  const { headerPx, paddingPx: pad, gapPx: gap } = config

  /** Lays `items` of one container out in kind bands; returns placements and the content size. */
  const arrange = (containerKind: string, items: NestedNode[], visiting: Set<string>) => {
    const groups = new Map<string, NestedNode[]>()
    for (const c of items) {
      const g = groups.get(c.kind) ?? []
      g.push(c)
      groups.set(c.kind, g)
    }
    const kinds = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    const placed: Sized['placed'] = []
    let y = 0
    let width = 0
    for (const kind of kinds) {
      const perRow = Math.max(1, config.columns(containerKind, kind))
      const sized = groups.get(kind)!.map((c) => size(c, visiting))
      for (let i = 0; i < sized.length; i += perRow) {
        const row = sized.slice(i, i + perRow)
        let x = 0
        let rowH = 0
        for (const s of row) {
          placed.push({ child: s, dx: x, dy: y })
          x += s.w + gap
          rowH = Math.max(rowH, s.h)
        }
        width = Math.max(width, x - gap)
        y += rowH + gap
      }
    }
    return { placed, w: width, h: Math.max(0, y - gap) }
  }

  const size = (node: NestedNode, visiting: Set<string>): Sized => {
    const kids = children.get(node.id)
    if (!kids?.length || visiting.has(node.id)) {
      const { w, h } = config.leafSize(node.kind)
      return { node, w, h, placed: [] }
    }
    visiting.add(node.id)
    const inner = arrange(node.kind, kids, visiting)
    visiting.delete(node.id)
    return {
      node,
      w: Math.max(config.minContainerW, inner.w + 2 * pad),
      h: headerPx + inner.h + pad,
      placed: inner.placed.map((p) => ({ ...p, dx: p.dx + pad, dy: p.dy + headerPx })),
    }
  }

  const top = arrange('', roots, new Set())
  const boxes: Box[] = []
  const emit = (s: Sized, x: number, y: number, depth: number) => {
    boxes.push({
      id: s.node.id,
      kind: s.node.kind,
      x,
      y,
      w: s.w,
      h: s.h,
      depth,
      container: s.placed.length > 0,
    })
    for (const p of s.placed) emit(p.child, x + p.dx, y + p.dy, depth + 1)
  }
  for (const p of top.placed) emit(p.child, p.dx, p.dy, 0)
  return { boxes, byId: new Map(boxes.map((b) => [b.id, b])), width: top.w, height: top.h }
}

/**
 * Where a straight edge between two boxes meets their borders (centre to centre, clipped), so lines
 * start and end at the boxes instead of under them.
 */
export function edgeEndpoints(
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
): { x1: number; y1: number; x2: number; y2: number } {
  const ca = { x: a.x + a.w / 2, y: a.y + a.h / 2 }
  const cb = { x: b.x + b.w / 2, y: b.y + b.h / 2 }
  const clip = (c: { x: number; y: number }, box: typeof a, toward: { x: number; y: number }) => {
    const dx = toward.x - c.x
    const dy = toward.y - c.y
    if (dx === 0 && dy === 0) return c
    const tx = dx === 0 ? Infinity : box.w / 2 / Math.abs(dx)
    const ty = dy === 0 ? Infinity : box.h / 2 / Math.abs(dy)
    const t = Math.min(tx, ty, 1)
    return { x: c.x + dx * t, y: c.y + dy * t }
  }
  const p1 = clip(ca, a, cb)
  const p2 = clip(cb, b, ca)
  return { x1: p1.x, y1: p1.y, x2: p2.x, y2: p2.y }
}
