/**
 * The mock API's HTTP layer: host → mode, prefix handling, path hygiene, fault injection, routing.
 * All behaviour lives in the simulator; this file only maps requests onto it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Ctx } from './context.ts'
import { guardRequest } from './http/requestGuard.ts'
import { sendJson, sendText } from './http/respond.ts'
import { Router, decodeSegments } from './http/router.ts'
import type { SseConnection } from './http/sse.ts'
import { appRoutes } from './routes/apps.ts'
import { authRoutes, handoverLanding } from './routes/auth.ts'
import { RequestFaults } from './requestFaults.ts'
import { controlRoutes, type Faults } from './routes/control.ts'
import { dashboardRoutes } from './routes/dashboard.ts'
import { deploymentRoutes } from './routes/deployments.ts'
import { flowRoutes } from './routes/flows.ts'
import { infrastructureRoutes } from './routes/infrastructure.ts'
import { k8sRoutes } from './routes/k8s.ts'
import { jobRoutes } from './routes/jobs.ts'
import { operationRoutes } from './routes/operations.ts'
import type { Handler } from './routes/types.ts'
import { userRoutes } from './routes/users.ts'
import { wizardRoutes } from './routes/wizard.ts'
import type { Simulator } from './sim/simulator.ts'

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

export interface MockApp {
  handle: Middleware
  /** Stops timers and closes every stream (server shutdown, tests). */
  close(): void
}

export interface MockAppOptions {
  /** Only catalyst-api's own paths: `/sovereign/api/…` is left to `next` (see `MockApiOptions`). */
  strictPaths?: boolean
  /** `Domain=` added to every cookie set (catalyst-api's `CATALYST_SESSION_COOKIE_DOMAIN`). */
  cookieDomain?: string | undefined
}

const MAX_URL_LENGTH = 8192
/** Cloud-init's kubeconfig postback: YAML with a bearer, the one mutation that is not JSON (contract §2.4). */
const KUBECONFIG_PUT = /^\/api\/v1\/deployments\/[^/]+\/kubeconfig$/
/** Stream ticks: how often open SSE connections look for news. */
const STREAM_TICK_MS = 250

export function createMockApp(sim: Simulator, options: MockAppOptions = {}): MockApp {
  const faults: Faults = { latencyMs: 0, errorRate: 0, dropStreamsEveryMs: 0, downUntil: 0 }
  const requestFaults = new RequestFaults()
  const streams = new Map<SseConnection, () => void>()
  /** The session each open stream belongs to (the 32-streams-per-session cap, contract §2.3.2). */
  const streamOwners = new Map<SseConnection, string>()
  const closeAllStreams = () => {
    for (const conn of [...streams.keys()]) conn.close()
    streams.clear()
  }
  const api = new Router<Handler>()
  authRoutes(api)
  deploymentRoutes(api)
  jobRoutes(api)
  flowRoutes(api)
  dashboardRoutes(api)
  infrastructureRoutes(api)
  k8sRoutes(api)
  operationRoutes(api)
  appRoutes(api)
  userRoutes(api)
  wizardRoutes(api)
  const control = new Router<Handler>()
  controlRoutes(control, faults, requestFaults, closeAllStreams)

  let lastDrop = Date.now()
  const ticker = setInterval(() => {
    if (faults.dropStreamsEveryMs > 0 && Date.now() - lastDrop >= faults.dropStreamsEveryMs) {
      lastDrop = Date.now()
      closeAllStreams()
    }
    for (const [conn, tick] of streams) {
      if (conn.closed) streams.delete(conn)
      else {
        try {
          tick()
        } catch (err) {
          console.error('[mock-api] stream tick failed', err)
          conn.close()
        }
      }
    }
  }, STREAM_TICK_MS)
  ticker.unref?.()

  const streamRegistry = {
    add(conn: SseConnection, tick: () => void, owner?: string) {
      streams.set(conn, tick)
      if (owner) streamOwners.set(conn, owner)
      conn.onClose(() => {
        streams.delete(conn)
        streamOwners.delete(conn)
      })
    },
    count(owner: string) {
      let n = 0
      for (const [conn, o] of streamOwners) if (o === owner && !conn.closed) n++
      return n
    },
  }

  const run = async (handler: Handler, ctx: Ctx) => {
    try {
      await handler(ctx)
    } catch (err) {
      console.error('[mock-api] handler failed', err)
      if (!ctx.res.headersSent)
        sendJson(ctx.res, sim, 500, { error: 'internal', detail: 'mock handler failed' })
      else ctx.res.end()
    }
  }

  const handle: Middleware = (req, res, next) => {
    const rawUrl = req.url ?? '/'
    const path = rawUrl.split('?')[0] ?? '/'
    const isApi = path.startsWith('/api/') || (!options.strictPaths && path.startsWith('/sovereign/api/'))
    const isRoot = path === '/healthz' || path === '/readyz' || path === '/auth/handover'
    if (!isApi && !isRoot) return next()
    if (options.cookieDomain) scopeCookies(res, options.cookieDomain)
    if (rawUrl.length > MAX_URL_LENGTH) return sendJson(res, sim, 414, { error: 'uri-too-long' })

    // The mothership calls /sovereign/api/... (Traefik strips /sovereign in production).
    const apiPath = path.startsWith('/sovereign/') ? path.slice('/sovereign'.length) : path
    // One CSRF gate for every mutation, the control API and the dev sign-in included (contract §1.5).
    const guard = guardRequest(req.method ?? 'GET', req.headers, {
      encrypted: 'encrypted' in req.socket && req.socket.encrypted === true,
      rawBodyAllowed: req.method === 'PUT' && KUBECONFIG_PUT.test(apiPath),
    })
    if (!guard.ok) {
      // Refused before the body is read: nothing is drained (respond.ts closes the connection instead).
      return sendJson(res, sim, guard.status, { error: guard.error, detail: guard.detail })
    }
    if (apiPath.startsWith('/api/__mock/')) {
      const decoded = decodeSegments(apiPath.slice('/api/__mock/'.length))
      if (!decoded.ok) return sendJson(res, sim, 400, { error: 'bad-path', detail: decoded.detail })
      const hit = control.match(req.method ?? 'GET', decoded.segments)
      const ctx = new Ctx(sim, req, res, streamRegistry)
      if (!hit.handler)
        return sendJson(res, sim, hit.pathKnown ? 405 : 404, {
          error: hit.pathKnown ? 'method-not-allowed' : 'not-found',
        })
      ctx.params = hit.params
      void run(hit.handler, ctx)
      return
    }

    if (Date.now() < faults.downUntil) {
      req.socket.destroy()
      return
    }
    // Lost answers and requests never answered (`POST /api/__mock/faults`), matched on the path Go sees.
    const requestFault = requestFaults.match(req.method ?? 'GET', apiPath)
    if (requestFault === 'hang') return requestFaults.hold(res)
    if (requestFault === 'drop') requestFaults.loseAnswer(res)
    const dispatch = () => {
      if (path === '/healthz' || path === '/readyz') return sendText(res, sim, 200, 'ok')
      if (faults.errorRate > 0 && Math.random() < faults.errorRate) {
        return sendJson(res, sim, 503, {
          error: 'injected-fault',
          detail: 'The mock API injected this failure (fault control).',
        })
      }
      const ctx = new Ctx(sim, req, res, streamRegistry)
      if (path === '/auth/handover') {
        if (req.method !== 'GET') return sendJson(res, sim, 405, { error: 'method-not-allowed' })
        return void run(handoverLanding, ctx)
      }
      if (!apiPath.startsWith('/api/v1/')) return sendJson(res, sim, 404, { error: 'not-found' })
      const decoded = decodeSegments(apiPath.slice('/api/v1/'.length))
      if (!decoded.ok) return sendJson(res, sim, 400, { error: 'bad-path', detail: decoded.detail })
      const hit = api.match(req.method ?? 'GET', decoded.segments)
      if (!hit.handler) {
        return sendJson(res, sim, hit.pathKnown ? 405 : 404, {
          error: hit.pathKnown ? 'method-not-allowed' : 'not-found',
        })
      }
      ctx.params = hit.params
      void run(hit.handler, ctx)
    }
    if (faults.latencyMs > 0) setTimeout(dispatch, faults.latencyMs)
    else dispatch()
  }

  return {
    handle,
    close() {
      clearInterval(ticker)
      closeAllStreams()
      requestFaults.clear()
    },
  }
}

/** Adds `Domain=<domain>` to every `Set-Cookie` this response writes (all of them go through writeHead). */
function scopeCookies(res: ServerResponse, domain: string): void {
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: Record<string, unknown>) => void
  const scope = (v: unknown): unknown =>
    typeof v === 'string' ? `${v}; Domain=${domain}` : Array.isArray(v) ? v.map(scope) : v
  res.writeHead = ((status: number, headers?: Record<string, unknown>) => {
    if (headers) {
      for (const k of Object.keys(headers))
        if (k.toLowerCase() === 'set-cookie') headers[k] = scope(headers[k])
    }
    writeHead(status, headers)
    return res
  }) as typeof res.writeHead
}
