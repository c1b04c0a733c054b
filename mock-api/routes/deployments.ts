import { DeploymentRequest, WipeRequest, validateDeploymentRequest } from '../../src/contracts/deployments.ts'
import { SseConnection } from '../http/sse.ts'
import { IDEMPOTENCY_KEY } from '../sim/idempotency.ts'
import { eventCountAt, eventWire, eventsAt } from '../sim/derive.ts'
import { rfc3339 } from '../sim/goTime.ts'
import type { DeploymentRecord } from '../sim/simulator.ts'
import type { Ctx } from '../context.ts'
import { syntheticSovereignId } from './auth.ts'
import type { ApiRouter } from './types.ts'

const TERMINAL = new Set(['ready', 'failed', 'wiped', 'adopted'])
const IN_FLIGHT = new Set([
  'pending',
  'provisioning',
  'tofu-applying',
  'flux-bootstrapping',
  'phase1-watching',
])

/** How long a wipe "runs" in real time before the HTTP call returns its report. */
export const WIPE_DELAY_MS = 1200

export function deploymentRoutes(r: ApiRouter): void {
  r.add('GET', 'deployments/in-flight-count', (ctx) => {
    const count = ctx.sim.liveRecords().filter((rec) => IN_FLIGHT.has(ctx.sim.status(rec))).length
    ctx.json(200, { count })
  })

  r.add('GET', 'deployments', (ctx) => {
    const s = ctx.requireSession()
    if (!s) return
    const owner = ctx.query.get('owner')?.toLowerCase()
    if (owner && owner !== s.email && !['owner', 'admin'].includes(s.tier))
      return ctx.json(200, { deployments: [] })
    const rows = ctx.sim
      .summaries()
      .filter((row) => row.status !== 'adopted')
      .filter((row) => {
        const rec = ctx.sim.record(row.id)
        return !!rec && ctx.canSee(rec) && (!owner || row.ownerEmail === owner)
      })
    ctx.json(200, { deployments: rows })
  })

  r.add('POST', 'deployments', async (ctx) => {
    const s = ctx.requireTier('deployment.launch')
    if (!s) return
    // Go: a body that does not decode (bad JSON, a wrong type) is plain text; the provisioner's
    // Validate() errors are JSON; both before the pool subdomain is reserved.
    let invalid: string | undefined
    const body = await ctx.body(DeploymentRequest, (detail) => (invalid = detail))
    if (!body) {
      if (invalid !== undefined) ctx.text(400, `invalid request body: ${invalid}`)
      return
    }
    // Mock extension (contract §2.3): the same key and body replay the first 201; upstream ignores the header.
    const key = ctx.req.headers['idempotency-key']
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
      return ctx.json(400, {
        error: 'invalid-idempotency-key',
        detail: 'Idempotency-Key must be 1-255 visible ASCII characters',
      })
    }
    if (key) {
      const earlier = ctx.sim.launches.lookup(s.email, key, body)
      if (earlier.kind === 'replay') return ctx.json(earlier.status, earlier.body)
      if (earlier.kind === 'mismatch') {
        return ctx.json(422, {
          error: 'idempotency-key-reused',
          detail: 'this Idempotency-Key was already used for a different request',
        })
      }
    }
    const rejected = validateDeploymentRequest(body)
    if (rejected) return ctx.json(400, { error: rejected })
    if (body.regions.length < 2 && !body.bcpTopology) {
      return ctx.text(400, 'at least 2 regions are required unless bcpTopology is set')
    }
    if (body.orgEmail.toLowerCase() !== s.email) {
      return ctx.json(403, { error: "orgEmail must match the authenticated session's email" })
    }
    const out = ctx.sim.create(body, s.email)
    if (!out.ok) return ctx.refuse(out)
    const id = out.value.spec.id
    const created = { id, status: 'provisioning', streamURL: `/api/v1/deployments/${id}/logs` }
    if (key) ctx.sim.launches.remember(s.email, key, body, 201, created)
    ctx.json(201, created)
  })

  r.add('GET', 'deployments/:id', (ctx) => {
    if (!ctx.requireSession()) return
    // A chroot answers its synthetic id with a synthesised `ready` record (contract §2.9).
    if (ctx.host.mode === 'sovereign' && ctx.params.id === syntheticSovereignId(ctx.host.fqdn)) {
      const own = ctx.host.rec
      return ctx.json(200, {
        id: ctx.params.id,
        status: 'ready',
        startedAt: rfc3339(own.spec.createdAt),
        finishedAt: null,
        sovereignFQDN: ctx.host.fqdn,
        region: own.spec.regions[0]!.cloudRegion,
        numEvents: 0,
      })
    }
    const rec = ctx.deployment('text')
    if (rec)
      ctx.json(
        200,
        ctx.sim.state(rec, (f) => ctx.sovereignOrigin(f)),
      )
  })

  r.add('DELETE', 'deployments/:id', (ctx) => {
    if (!ctx.requireTier('deployment.delete')) return
    const rec = ctx.deployment('text')
    if (!rec) return
    const out = ctx.sim.deleteRecord(rec)
    if (out.ok) ctx.json(200, out.value)
    else ctx.refuse(out)
  })

  r.add('POST', 'deployments/:id/wipe', async (ctx) => {
    if (!ctx.requireTier('deployment.delete')) return
    const rec = ctx.deployment('text')
    if (!rec) return
    let missing = false
    const body = await ctx.body(WipeRequest, () => (missing = true))
    if (!body) {
      if (missing) ctx.text(400, 'hetznerToken is required')
      return
    }
    const begun = ctx.sim.beginWipe(rec, ctx.query.get('force') === 'true')
    if (!begun.ok) return ctx.refuse(begun)
    // The secret is used (here: only checked for presence) and dropped; it is never stored or logged.
    await new Promise((resolve) => setTimeout(resolve, WIPE_DELAY_MS))
    ctx.json(200, begun.value.finish())
  })

  r.add('GET', 'deployments/:id/events', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment()
    if (!rec) return
    const state = ctx.sim.state(rec, (f) => ctx.sovereignOrigin(f))
    ctx.json(200, {
      state,
      events: eventsAt(ctx.sim.timeline(rec), ctx.sim.now()),
      done: TERMINAL.has(String(state.status)),
    })
  })

  r.add('GET', 'deployments/:id/logs', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment('text')
    if (rec && ctx.admitStream()) streamDeploymentLog(ctx, rec)
  })

  r.add('POST', 'deployments/:id/mint-handover-token', (ctx) => {
    if (!ctx.requireTier('handover.mint')) return
    const rec = ctx.deployment()
    if (!rec) return
    const status = ctx.sim.status(rec)
    // Stricter than upstream (which mints for `adopted` too): once the customer owns the Sovereign, no
    // new owner-granting token exists for it (contract §6.3).
    if (status === 'adopted') return ctx.json(409, { error: 'already-adopted', status })
    if (status !== 'ready') return ctx.json(409, { error: 'not-handover-ready', status })
    const fqdn = rec.spec.request.sovereignFQDN
    const { token } = ctx.sim.auth.mintHandover(rec.spec.id, fqdn, rec.spec.ownerEmail, ctx.sim.now())
    ctx.json(200, { token, redirectURL: `${ctx.sovereignOrigin(fqdn)}/auth/handover?token=${token}` })
  })
}

/**
 * The deployment log SSE: replays the buffer, then streams new events; `handover-ready` once the handover
 * fired; `done` with the State when terminal, then closes (contract §2.3.2).
 */
function streamDeploymentLog(ctx: Ctx, rec: DeploymentRecord): void {
  const { sim } = ctx
  const conn = new SseConnection(ctx.req, ctx.res, new Date(sim.now()).toUTCString())
  const now0 = sim.now()
  const tl0 = sim.timeline(rec)
  for (const e of eventsAt(tl0, now0)) conn.send(e)
  let sent = eventCountAt(tl0, now0)
  let handoverSent = false
  const tick = () => {
    if (conn.closed) return
    if (!sim.record(rec.spec.id)) return conn.close()
    const now = sim.now()
    const tl = sim.timeline(rec)
    const count = eventCountAt(tl, now)
    for (let i = sent; i < count; i++) conn.send(eventWire(tl.events[i]!))
    sent = Math.max(sent, count)
    const state = sim.state(rec, (f) => ctx.sovereignOrigin(f))
    if (!handoverSent && state.handoverURL) {
      handoverSent = true
      conn.send(
        { handoverURL: state.handoverURL, expiresAt: rfc3339(now + 5 * 60_000) },
        { event: 'handover-ready' },
      )
    }
    if (TERMINAL.has(String(state.status))) {
      conn.send(state, { event: 'done' })
      conn.close()
    }
  }
  tick()
  ctx.addStream(conn, tick)
}
