import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
import { parseCookies, readJsonBody } from './http/body.ts'
import { servedOverHttps } from './http/requestGuard.ts'
import { sendEmpty, sendJson, sendText } from './http/respond.ts'
import type { Params } from './http/router.ts'
import type { SseConnection } from './http/sse.ts'
import {
  canGrantTier,
  grantRefusalText,
  isOwnerRecord,
  ownerRecordRefusalText,
  tierAllows,
  type Action,
} from '../src/contracts/tiers.ts'
import { refusalText } from '../src/contracts/tierWords.ts'
import { SESSION_COOKIE, type Session } from './sim/authStore.ts'
import type { DeploymentRecord, Outcome, Simulator } from './sim/simulator.ts'

/** Which console a request is for, decided from its Host header exactly as production does. */
export type HostMode = { mode: 'mothership' } | { mode: 'sovereign'; rec: DeploymentRecord; fqdn: string }

/** Strips the port and a trailing `.localhost`; `console.<fqdn>` names a Sovereign console. */
export function consoleFqdnOf(hostHeader: string | undefined): string | undefined {
  const host = (hostHeader ?? '')
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/\.localhost$/, '')
  if (!host.startsWith('console.')) return undefined
  const fqdn = host.slice('console.'.length)
  return fqdn && fqdn !== 'openova.io' ? fqdn : undefined
}

export function isLocalHost(hostHeader: string | undefined): boolean {
  const host = (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '')
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host.endsWith('.localhost')
}

/** The two SSE endpoints (deployment log, flow stream), with or without the mothership's prefix. */
const SSE_ENDPOINT = /^(?:\/sovereign)?\/api\/v1\/(?:deployments\/[^/]+\/logs|flows\/[^/]+\/stream)$/

export interface Streams {
  add(conn: SseConnection, tick: () => void, owner?: string): void
  /** Open streams of one session. */
  count(owner: string): number
}

/** Concurrent SSE streams one session may hold; beyond, 429 with Retry-After (contract §2.3.2). */
export const MAX_STREAMS_PER_SESSION = 32

export class Ctx {
  params: Params = {}
  readonly url: URL
  readonly host: HostMode
  readonly scope: string
  readonly session: Session | undefined
  /** The browser's session (the cookie alone), even when a bearer authenticates the request otherwise. */
  readonly cookieSession: Session | undefined

  constructor(
    readonly sim: Simulator,
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly streams: Streams,
  ) {
    this.url = new URL(req.url ?? '/', 'http://mock.invalid')
    const fqdn = consoleFqdnOf(req.headers.host)
    const rec = fqdn ? sim.sovereignByFqdn(fqdn) : undefined
    this.host = rec && fqdn ? { mode: 'sovereign', rec, fqdn } : { mode: 'mothership' }
    this.scope = this.host.mode === 'sovereign' ? this.host.rec.spec.id : 'mothership'
    const cookies = parseCookies(req.headers.cookie)
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    // `?access_token=` only where EventSource needs it: a token in any other URL ends up in logs and
    // history, so it authenticates nothing there (contract §1.2).
    const queryToken = SSE_ENDPOINT.test(this.url.pathname) ? this.url.searchParams.get('access_token') : null
    const token = bearer ?? cookies[SESSION_COOKIE] ?? queryToken ?? undefined
    this.session = sim.auth.session(token, this.scope, sim.now())
    this.cookieSession = sim.auth.session(cookies[SESSION_COOKIE], this.scope, sim.now())
  }

  get query(): URLSearchParams {
    return this.url.searchParams
  }

  json(status: number, body: unknown, headers?: Record<string, string | string[]>): void {
    sendJson(this.res, this.sim, status, body, headers)
  }

  text(status: number, body: string): void {
    sendText(this.res, this.sim, status, body)
  }

  empty(status: number, headers?: Record<string, string | string[]>): void {
    sendEmpty(this.res, this.sim, status, headers)
  }

  refuse(outcome: Extract<Outcome<unknown>, { ok: false }>): void {
    if (outcome.text !== undefined) this.text(outcome.status, outcome.text)
    else this.json(outcome.status, outcome.json ?? { error: 'error' })
  }

  /** Parses the JSON body with a shared contract schema; answers 4xx itself and returns undefined on failure. */
  async body<S extends z.ZodType>(
    schema: S,
    onInvalid?: (detail: string) => void,
  ): Promise<z.infer<S> | undefined> {
    const read = await readJsonBody(this.req)
    if (!read.ok) {
      if (onInvalid && read.status === 400) onInvalid(read.detail)
      else this.json(read.status, { error: read.error, detail: read.detail })
      return undefined
    }
    const parsed = schema.safeParse(read.json)
    if (!parsed.success) {
      const detail = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
        .join('; ')
      if (onInvalid) onInvalid(detail)
      else this.json(400, { error: 'invalid-body', detail })
      return undefined
    }
    return parsed.data
  }

  /**
   * Before opening an SSE stream: 429 `{"error":"too-many-streams"}` (with Retry-After) when this session
   * already holds MAX_STREAMS_PER_SESSION — a tab that reconnects in a loop cannot exhaust the server.
   */
  admitStream(): boolean {
    const owner = this.session?.token
    if (owner && this.streams.count(owner) >= MAX_STREAMS_PER_SESSION) {
      this.json(
        429,
        { error: 'too-many-streams', detail: `at most ${MAX_STREAMS_PER_SESSION} open streams per session` },
        { 'retry-after': '5' },
      )
      return false
    }
    return true
  }

  /** Registers an open stream under this request's session. */
  addStream(conn: SseConnection, tick: () => void): void {
    this.streams.add(conn, tick, this.session?.token)
  }

  /** 401 `{"error":"unauthenticated"}` unless a session for this console is present. */
  requireSession(): Session | undefined {
    if (!this.session) {
      this.json(401, { error: 'unauthenticated' })
      return undefined
    }
    return this.session
  }

  /**
   * 401 without a session, 403 `{"error":"forbidden","detail":…}` when the session's tier is below what
   * `action` needs (the one rule table, `src/contracts/tiers.ts`; contract §1.2); else the session.
   */
  requireTier(action: Action): Session | undefined {
    const s = this.requireSession()
    if (!s) return undefined
    if (tierAllows(s.tier, action)) return s
    this.forbid(refusalText(s.tier, action))
    return undefined
  }

  /**
   * For the one write a machine makes without a session (cloud-init's kubeconfig PUT, bearer-authenticated):
   * a browser session that comes along must still hold the tier. False when it answered 403.
   */
  allowsSignedInCaller(action: Action): boolean {
    const s = this.cookieSession
    if (!s || tierAllows(s.tier, action)) return true
    this.forbid(refusalText(s.tier, action))
    return false
  }

  /** Nobody grants a tier above their own (403 otherwise). */
  requireGrantable(s: Session, granted: string): boolean {
    if (canGrantTier(s.tier, granted)) return true
    this.forbid(grantRefusalText(s.tier, granted))
    return false
  }

  /** Only an owner changes the owner's UserAccess record (403 otherwise). */
  requireOwnerFor(s: Session, recordName: string): boolean {
    if (!isOwnerRecord(recordName) || s.tier === 'owner') return true
    this.forbid(ownerRecordRefusalText(s.tier))
    return false
  }

  /** 403 in plain words; an unread request body is drained, never parsed. */
  forbid(detail: string): void {
    this.req.resume()
    this.json(403, { error: 'forbidden', detail })
  }

  /** Whether this caller may see a deployment: a Sovereign sees only itself; owners/admins see all. */
  canSee(rec: DeploymentRecord): boolean {
    if (this.host.mode === 'sovereign') return rec.spec.id === this.host.rec.spec.id
    const s = this.session
    return !!s && (['owner', 'admin'].includes(s.tier) || rec.spec.ownerEmail === s.email)
  }

  /**
   * The deployment named by `:id`, visible to this caller; otherwise 404 (also for other users'
   * deployments — contract §7 trap 2), as plain text for the older handlers.
   */
  deployment(style: 'text' | 'json' | 'detail' = 'json', param = 'id'): DeploymentRecord | undefined {
    const id = this.params[param] ?? ''
    const rec = this.sim.record(id)
    if (!rec || !this.canSee(rec)) {
      if (style === 'text') this.text(404, 'deployment not found')
      // The infrastructure handlers add a detail (Go `handler/infrastructure.go` writeNotFound).
      else if (style === 'detail')
        this.json(404, { error: 'deployment-not-found', detail: `no deployment with id ${id}` })
      else this.json(404, { error: 'deployment-not-found' })
      return undefined
    }
    return rec
  }

  /** Where `console.<fqdn>` lives as seen from this request: `*.localhost` in development. */
  sovereignOrigin(fqdn: string): string {
    const host = this.req.headers.host ?? ''
    if (isLocalHost(host)) {
      const port = /:(\d+)$/.exec(host)?.[1]
      return `http://console.${fqdn}.localhost${port ? `:${port}` : ''}`
    }
    return `https://console.${fqdn}`
  }

  /** The console is served over https here (directly or behind a proxy that says so). */
  get secure(): boolean {
    return servedOverHttps(
      this.req.headers,
      'encrypted' in this.req.socket && this.req.socket.encrypted === true,
    )
  }

  /** `Secure` whenever the console is served over https, so the cookie never travels in clear. */
  sessionCookie(token: string, maxAgeSec: number): string {
    return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSec}${this.secure ? '; Secure' : ''}`
  }
}
