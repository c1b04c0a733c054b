/**
 * The flow store and its one reducer. `applyFlowMessage` is pure and idempotent: applying a message the
 * state already reflects returns the SAME object (so React Query and React skip the update), a replayed
 * stream converges to the same state, and a message may arrive before the nodes it mentions (a
 * relationship to an unknown id is kept and reported by the validator until the node arrives).
 *
 * The shapes here are structural copies of `src/contracts/flow.ts` (graph/ imports nothing from the app);
 * the parsed contract types are assignable to them.
 */

export interface FlowNodeData {
  id: string
  flowId?: string | undefined
  label: string
  status: string
  family?: string | undefined
  region?: string | undefined
  startedAt?: number | undefined
  endedAt?: number | undefined
  meta?: Record<string, unknown> | undefined
}

export interface FlowRelData {
  fromId: string
  toId: string
  type: string
  fromFlowId?: string | undefined
  toFlowId?: string | undefined
  condition?: string | undefined
  lag?: number | undefined
}

export interface FlowInstanceData {
  id: string
  status: string
  startedAt: number
  endedAt?: number | undefined
  [k: string]: unknown
}

export type FlowMessageData =
  | { type: 'snapshot'; flow: FlowInstanceData; nodes: FlowNodeData[]; relationships: FlowRelData[] }
  | { type: 'upsert-flow'; flow: FlowInstanceData }
  | { type: 'upsert-nodes'; nodes: FlowNodeData[] }
  | { type: 'upsert-rels'; relationships: FlowRelData[] }
  | { type: 'delete-nodes'; ids: string[] }
  | { type: 'delete-rels'; pairs: { fromId: string; toId: string; type: string }[] }

export interface FlowState {
  flow: FlowInstanceData | undefined
  /** Insertion-ordered: the order nodes first arrived (snapshots keep the server's order). */
  nodes: ReadonlyMap<string, FlowNodeData>
  /** Keyed by `relKey` (fromId + toId + type, the server's merge key). */
  rels: ReadonlyMap<string, FlowRelData>
  /** Ids that appeared more than once within the last message carrying nodes (the last copy wins). */
  duplicateIds: readonly string[]
}

export const EMPTY_FLOW_STATE: FlowState = Object.freeze({
  flow: undefined,
  nodes: new Map<string, FlowNodeData>(),
  rels: new Map<string, FlowRelData>(),
  duplicateIds: [],
})

/** The merge key of a relationship (contract §3.7: `fromId+toId+type`). */
export function relKey(r: { fromId: string; toId: string; type: string }): string {
  return `${r.fromId}\u0000${r.toId}\u0000${r.type}`
}

function sameMeta(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  if (a === b) return true
  if (!a || !b) return false
  // Meta is small and JSON-shaped (it came off the wire); key order is the server's and stable.
  return JSON.stringify(a) === JSON.stringify(b)
}

export function sameNode(a: FlowNodeData, b: FlowNodeData): boolean {
  return (
    a.id === b.id &&
    a.label === b.label &&
    a.status === b.status &&
    a.family === b.family &&
    a.region === b.region &&
    a.startedAt === b.startedAt &&
    a.endedAt === b.endedAt &&
    (a.flowId ?? '') === (b.flowId ?? '') &&
    sameMeta(a.meta, b.meta)
  )
}

function sameRel(a: FlowRelData, b: FlowRelData): boolean {
  return (
    a.fromId === b.fromId &&
    a.toId === b.toId &&
    a.type === b.type &&
    a.condition === b.condition &&
    a.lag === b.lag &&
    a.fromFlowId === b.fromFlowId &&
    a.toFlowId === b.toFlowId
  )
}

function sameFlow(a: FlowInstanceData | undefined, b: FlowInstanceData | undefined): boolean {
  if (a === b) return true
  if (!a || !b) return false
  return JSON.stringify(a) === JSON.stringify(b)
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}

function duplicatesOf(nodes: readonly FlowNodeData[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const n of nodes) {
    if (seen.has(n.id)) dup.add(n.id)
    seen.add(n.id)
  }
  return [...dup]
}

function withDuplicates(state: FlowState, duplicateIds: string[]): FlowState {
  return sameList(state.duplicateIds, duplicateIds) ? state : { ...state, duplicateIds }
}

/** Applies one FlowMessage; returns `state` itself when nothing changed. Missing arrays mean empty. */
export function applyFlowMessage(state: FlowState, msg: FlowMessageData): FlowState {
  switch (msg.type) {
    case 'snapshot': {
      const incomingNodes = msg.nodes ?? []
      const incomingRels = msg.relationships ?? []
      const nodes = new Map<string, FlowNodeData>()
      let changed = !sameFlow(state.flow, msg.flow)
      for (const n of incomingNodes) {
        const prev = state.nodes.get(n.id)
        // Keep the previous object when equal so per-node memoisation downstream survives a re-sent snapshot.
        nodes.set(n.id, prev && sameNode(prev, n) ? prev : n)
      }
      if (!changed) changed = nodes.size !== state.nodes.size || !sameOrderAndIdentity(nodes, state.nodes)
      const rels = new Map<string, FlowRelData>()
      for (const r of incomingRels) {
        const k = relKey(r)
        const prev = state.rels.get(k)
        rels.set(k, prev && sameRel(prev, r) ? prev : r)
      }
      if (!changed) changed = rels.size !== state.rels.size || !sameOrderAndIdentity(rels, state.rels)
      const duplicateIds = duplicatesOf(incomingNodes)
      if (!changed) return withDuplicates(state, duplicateIds)
      return { flow: msg.flow, nodes, rels, duplicateIds }
    }
    case 'upsert-flow':
      return sameFlow(state.flow, msg.flow) ? state : { ...state, flow: msg.flow }
    case 'upsert-nodes': {
      const incoming = msg.nodes ?? []
      let nodes: Map<string, FlowNodeData> | undefined
      for (const n of incoming) {
        const prev = (nodes ?? state.nodes).get(n.id)
        if (prev && sameNode(prev, n)) continue
        nodes ??= new Map(state.nodes)
        nodes.set(n.id, n)
      }
      const next = nodes ? { ...state, nodes } : state
      return withDuplicates(next, duplicatesOf(incoming))
    }
    case 'upsert-rels': {
      let rels: Map<string, FlowRelData> | undefined
      for (const r of msg.relationships ?? []) {
        const k = relKey(r)
        const prev = (rels ?? state.rels).get(k)
        if (prev && sameRel(prev, r)) continue
        rels ??= new Map(state.rels)
        rels.set(k, r)
      }
      return rels ? { ...state, rels } : state
    }
    case 'delete-nodes': {
      const ids = new Set((msg.ids ?? []).filter((id) => state.nodes.has(id)))
      // Relationships touching a deleted id go too, even if the node itself was never seen.
      const doomed = new Set(msg.ids ?? [])
      let rels: Map<string, FlowRelData> | undefined
      for (const [k, r] of state.rels) {
        if (doomed.has(r.fromId) || doomed.has(r.toId)) {
          rels ??= new Map(state.rels)
          rels.delete(k)
        }
      }
      if (ids.size === 0 && !rels) return state
      let nodes: Map<string, FlowNodeData> | undefined
      if (ids.size > 0) {
        nodes = new Map(state.nodes)
        for (const id of ids) nodes.delete(id)
      }
      return { ...state, nodes: nodes ?? state.nodes, rels: rels ?? state.rels }
    }
    case 'delete-rels': {
      let rels: Map<string, FlowRelData> | undefined
      for (const p of msg.pairs ?? []) {
        const k = relKey(p)
        if (!(rels ?? state.rels).has(k)) continue
        rels ??= new Map(state.rels)
        rels.delete(k)
      }
      return rels ? { ...state, rels } : state
    }
  }
}

/** Same keys in the same order with the same value objects. */
function sameOrderAndIdentity<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>): boolean {
  const ib = b.entries()
  for (const [k, v] of a) {
    const next = ib.next()
    if (next.done || next.value[0] !== k || next.value[1] !== v) return false
  }
  return true
}

/** Applies messages in order (a replayed stream). */
export function applyFlowMessages(state: FlowState, msgs: readonly FlowMessageData[]): FlowState {
  return msgs.reduce(applyFlowMessage, state)
}
