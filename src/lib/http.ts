/**
 * The one HTTP wrapper. Every response is parsed with a shared contract schema; errors become `ApiError`
 * with a readable message whatever the body style (JSON `{error, detail}`, catalog `{message}`, or Go's
 * plain text). Side effects kept here so no caller forgets them: server-clock skew, reachability, and the
 * 401 → sign-in redirect.
 */
import type { z } from 'zod'
import { parseErrorBody } from '../contracts/errors.ts'
import { reportReachable, reportUnreachable } from './connectivity.ts'
import { MODE } from './mode.ts'
import { redactDeep, redactSecrets } from './redactSecrets.ts'
import { observeServerDate } from './serverClock.ts'

let mockBackend = false
const mockListeners = new Set<() => void>()
function markMockBackend(): void {
  if (mockBackend) return
  mockBackend = true
  for (const l of mockListeners) l()
}
/** True once any API response came from the embedded mock API (`x-catalyst-mock: 1`). */
export function isMockBackend(): boolean {
  return mockBackend
}
export function subscribeMockBackend(l: () => void): () => void {
  mockListeners.add(l)
  return () => mockListeners.delete(l)
}

export type ApiErrorKind = 'http' | 'network' | 'parse'

/**
 * A failed API call. (No `isNotFound` property on purpose: TanStack Router duck-types that name as its own
 * not-found signal and would swap the route's error screen for the not-found page.)
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly code: string | undefined,
    readonly body: Record<string, unknown> | undefined,
    readonly path: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/** Called on any 401 from the API (set by the router: sends the user to sign in and back). */
let onUnauthenticated: (() => void) | undefined
export function setUnauthenticatedHandler(fn: (() => void) | undefined): void {
  onUnauthenticated = fn
}
/**
 * Called on a 403 `forbidden` (the tier refusal): the session's tier changed since whoami was read, so the
 * app re-reads it and every gated control catches up (set in main.tsx).
 */
let onForbidden: (() => void) | undefined
export function setForbiddenHandler(fn: (() => void) | undefined): void {
  onForbidden = fn
}
/** For callers that learn of an ended session without a request of their own (the shell's session watch). */
export function signalUnauthenticated(): void {
  onUnauthenticated?.()
}

/**
 * `/v1/deployments` → `<apiBase>/v1/deployments`. Server-sent absolute URLs (`/api/v1/...`, e.g. the
 * create response's `streamURL`) are rewritten onto the current API base (contract §1.1).
 */
export function apiUrl(path: string, apiBase = MODE.apiBase): string {
  if (path.startsWith('/api/')) return `${apiBase}${path.slice('/api'.length)}`
  return `${apiBase}${path.startsWith('/') ? path : `/${path}`}`
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
  body?: unknown
  signal?: AbortSignal | undefined
  /** `throw` lets a caller handle 401 itself (the sign-in screens, the auth guard probe). */
  on401?: 'redirect' | 'throw'
  query?: Record<string, string | number | boolean | undefined>
  /** A non-JSON body sent as is (the kubeconfig YAML), with its content type. */
  rawBody?: { text: string; contentType: string }
  /** Extra request headers (the cloud-init bearer of a kubeconfig upload). */
  headers?: Record<string, string>
  /**
   * Parses a 2xx body instead of `JSON.parse` + `schema` on the main thread — for big bodies parsed with
   * the SAME contract schema in a worker. Rejects with an Error whose message says what is wrong.
   */
  parseBody?: (text: string) => Promise<unknown>
  /**
   * The secret values this request carries (a provider token, S3 keys): redacted from the error's message
   * and body should the server echo one back, so no error text on screen or in a notification shows it.
   */
  secrets?: readonly (string | undefined)[]
}

function withQuery(url: string, query: ApiRequest['query']): string {
  if (!query) return url
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `${url}${url.includes('?') ? '&' : '?'}${s}` : url
}

const UNREACHABLE_MESSAGE =
  'The console cannot reach the API. Check your connection; it retries automatically.'
const LOST_ANSWER_MESSAGE = 'The connection dropped before the API finished answering.'

/**
 * 502/503/504 with a body that is not the API's JSON: a gateway speaking for an upstream that is down,
 * refusing or too slow (nginx's plain text, Traefik's "no available server", an ingress's HTML page).
 * The API's own 5xx are JSON (`{"error":…}`) and stay ordinary errors.
 */
export function isGatewayFailure(status: number, body: string): boolean {
  return (status === 502 || status === 503 || status === 504) && !body.trim().startsWith('{')
}

/** Performs a request and parses the 2xx body with `schema` (an empty body parses as `null`). */
export async function apiFetch<S extends z.ZodType>(
  path: string,
  schema: S,
  req: ApiRequest = {},
): Promise<z.infer<S>> {
  const url = withQuery(apiUrl(path), req.query)
  let res: Response
  try {
    res = await fetch(url, {
      method: req.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        // Every mutation declares JSON, body or not: the API refuses other types (contract §1.5), and the
        // header keeps a cross-origin copy of the request from being a "simple" one.
        ...(req.body !== undefined || (req.method ?? 'GET') !== 'GET'
          ? { 'content-type': 'application/json' }
          : {}),
        ...(req.rawBody ? { 'content-type': req.rawBody.contentType } : {}),
        ...req.headers,
      },
      body: req.rawBody ? req.rawBody.text : req.body !== undefined ? JSON.stringify(req.body) : undefined,
      signal: req.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    reportUnreachable('network')
    throw new ApiError(UNREACHABLE_MESSAGE, 'network', 0, undefined, undefined, path)
  }
  let text: string
  try {
    text = await res.text()
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    // The status line arrived, the body did not (the connection was cut): the answer is lost, and for a
    // mutation the outcome is unknown. A network failure, never an empty success.
    reportUnreachable('network')
    throw new ApiError(LOST_ANSWER_MESSAGE, 'network', 0, undefined, undefined, path)
  }
  if (isGatewayFailure(res.status, text)) {
    // The proxy in front (the console's nginx, Traefik, an ingress) answered because the API did not:
    // the same as a network failure, not an answer from the API (its Date is the proxy's, too).
    reportUnreachable(`gateway ${res.status}`)
    throw new ApiError(UNREACHABLE_MESSAGE, 'network', res.status, undefined, undefined, path)
  }
  observeServerDate(res.headers.get('date'))
  if (res.headers.get('x-catalyst-mock') === '1') markMockBackend()
  reportReachable()
  if (!res.ok) {
    // Redacted before parsing (a plain-text message is cut at 400 characters: a secret across the cut
    // would survive in part) and after (JSON may spell it with \u escapes).
    const secrets = req.secrets?.filter((v): v is string => !!v)
    const parsed = parseErrorBody(redactSecrets(text, secrets))
    if (res.status === 401 && req.on401 !== 'throw') onUnauthenticated?.()
    if (res.status === 403 && parsed.code === 'forbidden') onForbidden?.()
    const message = redactSecrets(parsed.message || `${res.status} ${res.statusText}`.trim(), secrets)
    throw new ApiError(
      message,
      'http',
      res.status,
      parsed.code && redactSecrets(parsed.code, secrets),
      redactDeep(parsed.body, secrets),
      path,
    )
  }
  if (req.parseBody) {
    try {
      return (await req.parseBody(text)) as z.infer<S>
    } catch (e) {
      throw new ApiError(
        `The API answered with an unexpected shape (${e instanceof Error ? e.message : String(e)}).`,
        'parse',
        res.status,
        undefined,
        undefined,
        path,
      )
    }
  }
  let json: unknown = null
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text)
    } catch {
      throw new ApiError(
        'The API answered with something that is not JSON.',
        'parse',
        res.status,
        undefined,
        undefined,
        path,
      )
    }
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'body'
    throw new ApiError(
      `The API answered with an unexpected shape (${where}: ${parsed.error.issues[0]?.message ?? 'invalid'}).`,
      'parse',
      res.status,
      undefined,
      undefined,
      path,
    )
  }
  return parsed.data
}

/** A readable one-line message for any error a query or mutation may throw. */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message
  if (e instanceof Error) return e.message
  return String(e)
}
