/**
 * The accessible mirror of the visible scene as flat tree rows (ARIA treeitems with level / set size /
 * position): elided groups appear expanded with their children beneath, folded bubbles collapsed, jobs as
 * leaves. Row order is the model's depth-first order, so it follows the phases left to right.
 */
import type { FlowModel } from './model.ts'
import type { RunStatus, StatusCounts } from '../contracts/runStatus.ts'
import type { FlowScene } from './visibility.ts'

export interface OutlineRow {
  id: string
  parentId: string | undefined
  label: string
  kind: 'group' | 'job'
  status: RunStatus
  /** true = elided group (children listed below), false = folded bubble, undefined = not expandable. */
  expanded: boolean | undefined
  level: number
  setSize: number
  posInSet: number
  hiddenCount: number
  counts: StatusCounts
  region: string | undefined
}

export function buildOutline(model: FlowModel, scene: FlowScene): OutlineRow[] {
  const rows: OutlineRow[] = []
  const walk = (ids: readonly string[], level: number, parentId: string | undefined) => {
    // Iterative over siblings, recursive over levels (containment depth is small: phases, regions, jobs).
    ids.forEach((id, i) => {
      const n = model.nodes.get(id)!
      const elided = scene.elided.has(id)
      const visible = scene.byId.get(id)
      if (!elided && !visible) return
      rows.push({
        id,
        parentId,
        label: n.label,
        kind: n.isGroup ? 'group' : 'job',
        status: n.status,
        expanded: elided ? true : visible?.folded ? false : undefined,
        level,
        setSize: ids.length,
        posInSet: i + 1,
        hiddenCount: visible?.hiddenCount ?? 0,
        counts: n.counts,
        region: n.region,
      })
      if (elided) walk(n.children, level + 1, id)
    })
  }
  walk(model.roots, 1, undefined)
  return rows
}
