/**
 * Fold operations over the effective folded set, and its shortest URL form.
 *
 * The URL holds `?depth` (groups at that containment depth or deeper are folded; default 2) and
 * `?folded` (extra folded groups). Every operation works on the EFFECTIVE set of folded groups and then
 * picks the (depth, folded) pair that spells it with the fewest ids — so "unfold only this group" from
 * depth 2 becomes `depth=all&folded=<every other group that was folded>` and nothing else changes
 * (regression 33), and folding everything at one level collapses back to a bare `depth`.
 */
import { ancestorsOf, subtreeOf, type FlowModel } from './model.ts'
import { isFoldedIn, type Depth, type FoldView } from './visibility.ts'

export const DEFAULT_DEPTH = 2

/** `?depth=` → depth (`all`, or a positive integer; anything else is the default). */
export function parseDepth(raw: string | undefined): Depth {
  if (raw === 'all') return 'all'
  const n = raw ? Number(raw) : NaN
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : DEFAULT_DEPTH
}

export function depthParam(depth: Depth): string | undefined {
  return depth === DEFAULT_DEPTH ? undefined : String(depth)
}

/** Every group (with children) folded under `view`. */
export function effectiveFolded(model: FlowModel, view: FoldView): Set<string> {
  const out = new Set<string>()
  for (const n of model.nodes.values()) if (isFoldedIn(view, n)) out.add(n.id)
  return out
}

function depthSet(model: FlowModel, depth: Depth): Set<string> {
  const out = new Set<string>()
  if (depth === 'all') return out
  for (const n of model.nodes.values()) if (n.children.length > 0 && n.depth >= depth) out.add(n.id)
  return out
}

/** The (depth, folded) pair with the shortest `folded` list that yields exactly `folded` groups. */
export function normaliseFold(model: FlowModel, folded: ReadonlySet<string>, prefer: Depth): FoldView {
  const candidates: Depth[] = []
  for (let d = 1; d <= Math.max(1, model.maxGroupDepth); d++) candidates.push(d)
  candidates.push('all')
  let best: FoldView | undefined
  let bestCost = Infinity
  for (const d of candidates) {
    const base = depthSet(model, d)
    let ok = true
    for (const id of base)
      if (!folded.has(id)) {
        ok = false
        break
      }
    if (!ok) continue
    const extra = new Set<string>()
    for (const id of folded) if (!base.has(id) && model.nodes.get(id)?.children.length) extra.add(id)
    const cost = extra.size + (d === prefer ? 0 : 0.5)
    if (cost < bestCost) {
      bestCost = cost
      best = { depth: d, folded: extra }
    }
  }
  return best ?? { depth: 'all', folded: new Set(folded) }
}

function withFolded(model: FlowModel, view: FoldView, edit: (f: Set<string>) => void): FoldView {
  const f = effectiveFolded(model, view)
  edit(f)
  return normaliseFold(model, f, view.depth)
}

/** Folds or unfolds one group; only that group changes (regression 33). */
export function toggleFold(model: FlowModel, view: FoldView, id: string): FoldView {
  return withFolded(model, view, (f) => {
    if (f.has(id)) f.delete(id)
    else if (model.nodes.get(id)?.children.length) f.add(id)
  })
}

export function setFolded(model: FlowModel, view: FoldView, id: string, folded: boolean): FoldView {
  return withFolded(model, view, (f) => {
    if (!folded) f.delete(id)
    else if (model.nodes.get(id)?.children.length) f.add(id)
  })
}

/** Folds the group and every group beneath it (unfolding it later shows its children folded). */
export function foldSubtree(model: FlowModel, view: FoldView, id: string): FoldView {
  return withFolded(model, view, (f) => {
    for (const g of subtreeOf(model, id)) if (model.nodes.get(g)?.children.length) f.add(g)
  })
}

/** Unfolds the group, every group beneath it and its ancestors: all its jobs become visible. */
export function expandAllUnder(model: FlowModel, view: FoldView, id: string): FoldView {
  return withFolded(model, view, (f) => {
    for (const g of subtreeOf(model, id)) f.delete(g)
    for (const a of ancestorsOf(model, id)) f.delete(a)
  })
}

/** Unfolds exactly the groups on the paths from `id` down to its failed jobs. */
export function unfoldFailures(model: FlowModel, view: FoldView, id: string): FoldView {
  return withFolded(model, view, (f) => {
    for (const n of subtreeOf(model, id)) {
      const node = model.nodes.get(n)!
      if (node.isGroup || node.status !== 'failed') continue
      for (const a of ancestorsOf(model, n)) {
        f.delete(a)
        if (a === id) break
      }
    }
    for (const a of ancestorsOf(model, id)) f.delete(a)
  })
}

/** Unfolds every ancestor of `id` so the node itself is drawn. */
export function reveal(model: FlowModel, view: FoldView, id: string): FoldView {
  const ancestors = ancestorsOf(model, id)
  const f = effectiveFolded(model, view)
  if (!ancestors.some((a) => f.has(a))) return view
  for (const a of ancestors) f.delete(a)
  return normaliseFold(model, f, view.depth)
}

export function sameFoldView(a: FoldView, b: FoldView): boolean {
  if (a.depth !== b.depth || a.folded.size !== b.folded.size) return false
  for (const id of a.folded) if (!b.folded.has(id)) return false
  return true
}
