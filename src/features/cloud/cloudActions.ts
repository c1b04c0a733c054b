/**
 * Which Day-2 actions the Cloud lists offer, decided by the row's kind and data (never its label), and how
 * a row's pending change reads. Pure; the buttons live in `components/CloudActions.tsx`.
 */
import { markKey, type ChangeMark, type InfraChange } from '../../entities/topology/infraChanges.ts'
import type { ListKind } from './cloudKinds.ts'
import type { TopoNode } from './toTopologyGraph.ts'

export type RowAction = 'scale' | 'delete'
export type ListAction = 'add-pool' | 'add-region'

/**
 * Node pools scale; worker pools and regions can be deleted. A control-plane pool is never deleted on its
 * own (the cluster would lose its API server): that is deleting the cluster.
 */
export function rowActionsFor(n: TopoNode): RowAction[] {
  if (n.type === 'NodePool') return n.data.role === 'control-plane' ? ['scale'] : ['scale', 'delete']
  if (n.type === 'Region') return ['delete']
  return []
}

/** The "Add …" action of a list, when it has one. */
export function listActionFor(kind: ListKind): ListAction | undefined {
  if (kind === 'node-pools') return 'add-pool'
  if (kind === 'regions') return 'add-region'
  return undefined
}

/** The mark of a row's resource, by its API id. */
export function markOf(n: TopoNode, marks: ReadonlyMap<string, ChangeMark>): ChangeMark | undefined {
  if (n.type === 'NodePool') return marks.get(markKey('NodePool', n.data.id))
  if (n.type === 'Region') return marks.get(markKey('Region', n.data.id))
  return undefined
}

/** `Scale to 5 pending (sending…)`, `Delete pending`. */
export function markText(mark: ChangeMark): string {
  const c: InfraChange = mark.record.change
  const what =
    mark.verb === 'add'
      ? 'Add'
      : mark.verb === 'delete'
        ? 'Delete'
        : `Scale to ${c.op === 'scale-pool' ? c.desiredSize : '?'}`
  return `${what} pending${mark.record.state === 'submitting' ? ' (sending…)' : ''}`
}

/** The delete change a row's Delete button asks for. */
export function deleteChangeFor(n: TopoNode): InfraChange | undefined {
  if (n.type === 'NodePool') return { op: 'delete-pool', poolId: n.data.id, name: n.name }
  if (n.type === 'Region') return { op: 'delete-region', regionId: n.data.id, name: n.name }
  return undefined
}
