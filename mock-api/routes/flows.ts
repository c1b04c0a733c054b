import { SseConnection } from '../http/sse.ts'
import { composeFlowSnapshot, type FlowNodeWire, type RelationshipWire } from '../sim/flowComposer.ts'
import type { ApiRouter } from './types.ts'

/** Full snapshot cadence and heartbeat of catalyst-api's local composer (contract §2.6), in real time. */
export const FLOW_SNAPSHOT_EVERY_MS = 3000
export const FLOW_HEARTBEAT_EVERY_MS = 15_000

const relKey = (r: RelationshipWire) => `${r.fromId}|${r.toId}|${r.type}`
const nodeSig = (n: FlowNodeWire) => `${n.status}|${n.startedAt ?? ''}|${n.endedAt ?? ''}|${n.label}`

export function flowRoutes(r: ApiRouter): void {
  r.add('GET', 'flows/:id/snapshot', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment()
    if (rec) ctx.json(200, composeFlowSnapshot(ctx.sim.timeline(rec), ctx.sim.now(), rec.mut))
  })

  /**
   * A snapshot first and every 3 s, `upsert-nodes`/`upsert-rels`/`delete-nodes` for changes in between
   * (so the console's reducer sees every message type), a heartbeat every 15 s. Frames carry `id: <seq>`.
   */
  r.add('GET', 'flows/:id/stream', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment()
    if (!rec || !ctx.admitStream()) return
    const { sim } = ctx
    const conn = new SseConnection(ctx.req, ctx.res, new Date(sim.now()).toUTCString())
    let seq = 0
    let nodes = new Map<string, string>()
    let rels = new Set<string>()
    let lastSnapshot = 0
    let lastHeartbeat = Date.now()
    const sendSnapshot = () => {
      const snap = composeFlowSnapshot(sim.timeline(rec), sim.now(), rec.mut)
      conn.send(snap, { event: 'snapshot', id: ++seq })
      nodes = new Map((snap.nodes ?? []).map((n) => [n.id, nodeSig(n)]))
      rels = new Set((snap.relationships ?? []).map(relKey))
      lastSnapshot = Date.now()
    }
    const tick = () => {
      if (conn.closed) return
      if (!sim.record(rec.spec.id)) return conn.close()
      const realNow = Date.now()
      if (realNow - lastSnapshot >= FLOW_SNAPSHOT_EVERY_MS) sendSnapshot()
      else {
        const snap = composeFlowSnapshot(sim.timeline(rec), sim.now(), rec.mut)
        const changed = (snap.nodes ?? []).filter((n) => nodes.get(n.id) !== nodeSig(n))
        const current = new Set((snap.nodes ?? []).map((n) => n.id))
        const removed = [...nodes.keys()].filter((id) => !current.has(id))
        const newRels = (snap.relationships ?? []).filter((x) => !rels.has(relKey(x)))
        if (removed.length)
          conn.send({ type: 'delete-nodes', ids: removed }, { event: 'delete-nodes', id: ++seq })
        if (changed.length)
          conn.send({ type: 'upsert-nodes', nodes: changed }, { event: 'upsert-nodes', id: ++seq })
        if (newRels.length)
          conn.send({ type: 'upsert-rels', relationships: newRels }, { event: 'upsert-rels', id: ++seq })
        if (changed.length || removed.length) {
          conn.send({ type: 'upsert-flow', flow: snap.flow }, { event: 'upsert-flow', id: ++seq })
        }
        nodes = new Map((snap.nodes ?? []).map((n) => [n.id, nodeSig(n)]))
        rels = new Set((snap.relationships ?? []).map(relKey))
      }
      if (realNow - lastHeartbeat >= FLOW_HEARTBEAT_EVERY_MS) {
        conn.send({}, { event: 'heartbeat' })
        lastHeartbeat = realNow
      }
    }
    sendSnapshot()
    ctx.addStream(conn, tick)
  })
}
