/**
 * Ingest validation: the backend's invariants are not trusted blindly (docs/regressions.md, "Where we do
 * better than upstream"). Everything wrong is reported as a diagnostic and routed around — a bad frame never
 * crashes or hangs the graph:
 *
 *   dangling      a relationship names an id that is not a node   → the relationship is ignored
 *   duplicate-id  one message carried the same node id twice     → the last copy wins
 *   self-parent   `contains` from a node to itself               → ignored
 *   multi-parent  a node is contained by two groups              → the first parent wins
 *   contains-cycle A ⊂ B ⊂ … ⊂ A                                  → the edge closing the cycle is dropped
 *   cross-region  a dependency between two regions' jobs         → drawn, flagged (they must not exist)
 */
import type { FlowState } from './flowState.ts'

export type DiagnosticKind =
  'dangling' | 'duplicate-id' | 'self-parent' | 'multi-parent' | 'contains-cycle' | 'cross-region'

export interface Diagnostic {
  kind: DiagnosticKind
  message: string
  ids: string[]
}

export interface Hierarchy {
  /** child id → parent id, after dropping self-parents, second parents and cycle-closing edges. */
  parentOf: Map<string, string>
  diagnostics: Diagnostic[]
}

/** `contains` is read as toId = PARENT, fromId = child (contract §3.7, regression 27). */
export function resolveHierarchy(state: FlowState): Hierarchy {
  const diagnostics: Diagnostic[] = []
  const parentOf = new Map<string, string>()
  for (const r of state.rels.values()) {
    if (r.type !== 'contains') continue
    if (!state.nodes.has(r.fromId) || !state.nodes.has(r.toId)) continue // reported as dangling
    if (r.fromId === r.toId) {
      diagnostics.push({
        kind: 'self-parent',
        message: `${r.fromId} is marked as containing itself.`,
        ids: [r.fromId],
      })
      continue
    }
    const existing = parentOf.get(r.fromId)
    if (existing !== undefined) {
      if (existing !== r.toId)
        diagnostics.push({
          kind: 'multi-parent',
          message: `${r.fromId} is contained by both ${existing} and ${r.toId}; shown under ${existing}.`,
          ids: [r.fromId, existing, r.toId],
        })
      continue
    }
    parentOf.set(r.fromId, r.toId)
  }
  // Cycle breaking: walk up from every node; a walk that meets its own path has found a cycle, and the
  // parent link of the node where it closed is dropped. Each node is finished once: O(n).
  const mark = new Map<string, 1 | 2>() // 1 = on the current path, 2 = done
  for (const start of parentOf.keys()) {
    if (mark.get(start) === 2) continue
    const path: string[] = []
    let cur: string | undefined = start
    while (cur !== undefined && mark.get(cur) === undefined) {
      mark.set(cur, 1)
      path.push(cur)
      cur = parentOf.get(cur)
    }
    if (cur !== undefined && mark.get(cur) === 1) {
      const cycle = path.slice(path.indexOf(cur))
      const closing = path[path.length - 1]!
      parentOf.delete(closing)
      diagnostics.push({
        kind: 'contains-cycle',
        message: `Groups contain each other in a cycle (${cycle.join(' ⊂ ')}); the link from ${closing} was ignored.`,
        ids: cycle,
      })
    }
    for (const p of path) mark.set(p, 2)
  }
  return { parentOf, diagnostics }
}

/** Every problem with the graph, for the diagnostics badge. Pure and O(nodes + relationships). */
export function validateFlow(state: FlowState, hierarchy = resolveHierarchy(state)): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const id of state.duplicateIds)
    out.push({ kind: 'duplicate-id', message: `Node ${id} was sent more than once.`, ids: [id] })
  for (const r of state.rels.values()) {
    const missing = [r.fromId, r.toId].filter((id) => !state.nodes.has(id))
    if (missing.length)
      out.push({
        kind: 'dangling',
        message: `A ${r.type} relationship ${r.fromId} → ${r.toId} names ${missing.join(' and ')}, which does not exist; it is not drawn.`,
        ids: missing,
      })
  }
  out.push(...hierarchy.diagnostics)
  for (const r of state.rels.values()) {
    if (r.type === 'contains') continue
    const a = state.nodes.get(r.fromId)?.region
    const b = state.nodes.get(r.toId)?.region
    if (a && b && a !== b)
      out.push({
        kind: 'cross-region',
        message: `Dependency ${r.fromId} (${a}) → ${r.toId} (${b}) crosses regions.`,
        ids: [r.fromId, r.toId],
      })
  }
  return out
}
