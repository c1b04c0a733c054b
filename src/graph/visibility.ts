/**
 * What is visible for a given `?depth` and `?folded`, and how dependencies are drawn between what is
 * visible.
 *
 *   folded   a group at containment depth ≥ depth, or listed in `folded`: one bubble, its subtree hidden
 *   elided   an unfolded group with children: not drawn; its children stand in for it
 *   visible  leaves, folded bubbles and childless groups whose ancestors are all unfolded
 *
 * Edge lifting, for each dependency u → v:
 *   - an end hidden inside a folded group resolves to that (outermost) folded bubble;
 *   - an end that is an elided group is moved to its visible children (recursively through elided ones);
 *   - EXCEPT when both ends are elided groups: then nothing is drawn — one phase → phase edge would
 *     otherwise fan out into M×N phantom leaf edges at depth=all (upstream fix #1440);
 *   - self-loops vanish and parallel results merge (`count` keeps how many real edges one line stands for).
 */
import type { FlowModel, ModelNode } from './model.ts'
import type { RunStatus, StatusCounts } from '../contracts/runStatus.ts'

export type Depth = number | 'all'

export interface FoldView {
  depth: Depth
  folded: ReadonlySet<string>
}

export interface SceneNode {
  id: string
  label: string
  kind: 'group' | 'job'
  status: RunStatus
  folded: boolean
  /** Jobs hidden inside a folded bubble (0 otherwise). */
  hiddenCount: number
  counts: StatusCounts
  region: string | undefined
  model: ModelNode
}

export interface SceneEdge {
  fromId: string
  toId: string
  kind: 'dependency' | 'contains'
  /** How many real relationships this line stands for. */
  count: number
  /** At least one end was moved (to a bubble or to an elided group's children). */
  lifted: boolean
  crossRegion: boolean
}

export interface FlowScene {
  nodes: SceneNode[]
  edges: SceneEdge[]
  byId: Map<string, SceneNode>
  /** Unfolded groups with children (drawn through their children). */
  elided: Set<string>
  /** For nodes hidden inside a folded bubble: that bubble's id. */
  hiddenIn: Map<string, string>
}

export function isFoldedIn(view: FoldView, n: ModelNode): boolean {
  if (n.children.length === 0) return false
  if (view.depth !== 'all' && n.depth >= view.depth) return true
  return view.folded.has(n.id)
}

export function buildScene(model: FlowModel, view: FoldView): FlowScene {
  const nodes: SceneNode[] = []
  const byId = new Map<string, SceneNode>()
  const elided = new Set<string>()
  const hiddenIn = new Map<string, string>()

  const stack: { id: string; bubble: string | undefined }[] = model.roots
    .slice()
    .reverse()
    .map((id) => ({ id, bubble: undefined }))
  while (stack.length) {
    const { id, bubble } = stack.pop()!
    const n = model.nodes.get(id)!
    if (bubble !== undefined) {
      hiddenIn.set(id, bubble)
      for (let i = n.children.length - 1; i >= 0; i--) stack.push({ id: n.children[i]!, bubble })
      continue
    }
    const folded = isFoldedIn(view, n)
    if (!folded && n.children.length > 0) {
      elided.add(id)
      for (let i = n.children.length - 1; i >= 0; i--) stack.push({ id: n.children[i]!, bubble: undefined })
      continue
    }
    const sn: SceneNode = {
      id,
      label: n.label,
      kind: n.isGroup ? 'group' : 'job',
      status: n.status,
      folded,
      hiddenCount: folded ? n.leafCount : 0,
      counts: n.counts,
      region: n.region,
      model: n,
    }
    nodes.push(sn)
    byId.set(id, sn)
    if (folded)
      for (let i = n.children.length - 1; i >= 0; i--) stack.push({ id: n.children[i]!, bubble: id })
  }

  // Visible stand-ins of an elided group, memoised (a phase at depth=all resolves to all its jobs).
  const standIns = new Map<string, string[]>()
  const ends = (id: string): string[] => {
    const bubble = hiddenIn.get(id)
    if (bubble !== undefined) return [bubble]
    if (!elided.has(id)) return [id]
    const memo = standIns.get(id)
    if (memo) return memo
    const out: string[] = []
    for (const c of model.nodes.get(id)!.children) out.push(...ends(c))
    standIns.set(id, out)
    return out
  }

  const edges: SceneEdge[] = []
  const edgeAt = new Map<string, SceneEdge>()
  for (const d of model.deps) {
    const fromElided = elided.has(d.fromId)
    const toElided = elided.has(d.toId)
    if (fromElided && toElided) continue
    const froms = ends(d.fromId)
    const tos = ends(d.toId)
    const lifted = froms.length !== 1 || froms[0] !== d.fromId || tos.length !== 1 || tos[0] !== d.toId
    for (const a of froms)
      for (const b of tos) {
        if (a === b) continue
        const key = `${a}\u0000${b}`
        const existing = edgeAt.get(key)
        if (existing) {
          existing.count++
          existing.lifted ||= lifted
          continue
        }
        const ra = byId.get(a)!.region
        const rb = byId.get(b)!.region
        const e: SceneEdge = {
          fromId: a,
          toId: b,
          kind: 'dependency',
          count: 1,
          lifted,
          crossRegion: !!ra && !!rb && ra !== rb,
        }
        edgeAt.set(key, e)
        edges.push(e)
      }
  }
  return { nodes, edges, byId, elided, hiddenIn }
}

/** The visible node that stands for `id`: itself, its folded bubble, or undefined for an elided group. */
export function visibleFor(scene: FlowScene, id: string): string | undefined {
  if (scene.byId.has(id)) return id
  return scene.hiddenIn.get(id)
}
