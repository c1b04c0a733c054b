/**
 * Cross-site request forgery guard for every state-changing request (contract §1.5), applied once in the
 * request pipeline (app.ts) before routing — for the API, the mock's control API and the dev sign-in alike.
 *
 * Every customer Sovereign lives under the shared pool domain (`*.omani.works`), so a sibling tenant is
 * "same site" and `SameSite=Lax` does not stop its forms: the guard compares ORIGINS (scheme + host + port),
 * as Go 1.25's `http.CrossOriginProtection` does, and requires JSON so a cross-origin fetch cannot be a
 * "simple" (unpreflighted) request.
 */
import type { IncomingHttpHeaders } from 'node:http'

export type GuardResult =
  | { ok: true }
  | { ok: false; status: 403 | 415; error: 'cross-origin-request' | 'unsupported-media-type'; detail: string }

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function first(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v
  return s?.split(',')[0]?.trim() || undefined
}

/**
 * The console's own origin as the browser sees it. Behind nginx or the dev proxy the API sees the proxy's
 * connection, so the forwarded host and scheme win (both proxies set them; `Host` is forwarded too).
 */
export function ownOrigin(headers: IncomingHttpHeaders, encrypted = false): string | undefined {
  const host = first(headers['x-forwarded-host']) ?? first(headers.host)
  if (!host) return undefined
  const proto = first(headers['x-forwarded-proto'])?.toLowerCase() ?? (encrypted ? 'https' : 'http')
  return `${proto}://${host.toLowerCase()}`
}

/** Whether the console is served over https here (the session cookie then carries `Secure`). */
export function servedOverHttps(headers: IncomingHttpHeaders, encrypted = false): boolean {
  return ownOrigin(headers, encrypted)?.startsWith('https://') ?? encrypted
}

/** Drops default ports so `https://a:443` and `https://a` compare equal. */
function normaliseOrigin(origin: string): string | undefined {
  try {
    const u = new URL(origin)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined
    return `${u.protocol}//${u.host}`
  } catch {
    return undefined
  }
}

/** `application/json` (any parameters, e.g. `; charset=utf-8`) and nothing else. */
export function isJsonContentType(value: string | undefined): boolean {
  return (value ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json'
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  return Number(headers['content-length'] ?? '0') > 0 || headers['transfer-encoding'] !== undefined
}

/**
 * The rules, in order (documented in contract §1.5):
 * 1. GET/HEAD/OPTIONS pass.
 * 2. `Origin` present → it must equal the console's own origin (`null` and sibling tenants → 403).
 * 3. No `Origin` but `Sec-Fetch-Site` → it must be `same-origin`.
 * 4. Neither → a non-browser client (curl, cloud-init, server-to-server): every browser sends one of the
 *    two on a non-GET, and CSRF needs a victim's browser. Allowed, as Go's CrossOriginProtection does.
 * 5. Media type: a request that declares a type or carries a body must be `application/json` (415), except
 *    `rawBodyAllowed` (cloud-init's kubeconfig PUT, YAML authenticated by a bearer, not by the cookie).
 */
export function guardRequest(
  method: string,
  headers: IncomingHttpHeaders,
  opts: { encrypted?: boolean; rawBodyAllowed?: boolean } = {},
): GuardResult {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true }
  const origin = first(headers.origin)
  const fetchSite = first(headers['sec-fetch-site'])?.toLowerCase()
  if (origin !== undefined) {
    const own = ownOrigin(headers, opts.encrypted)
    const theirs = normaliseOrigin(origin)
    const mine = own ? normaliseOrigin(own) : undefined
    if (!theirs || !mine || theirs !== mine)
      return {
        ok: false,
        status: 403,
        error: 'cross-origin-request',
        detail: 'state-changing requests must come from the console’s own origin',
      }
  } else if (fetchSite !== undefined && fetchSite !== 'same-origin') {
    return {
      ok: false,
      status: 403,
      error: 'cross-origin-request',
      detail: 'state-changing requests must come from the console’s own origin',
    }
  }
  const type = headers['content-type']
  if (!opts.rawBodyAllowed && (type !== undefined || hasBody(headers)) && !isJsonContentType(type))
    return {
      ok: false,
      status: 415,
      error: 'unsupported-media-type',
      detail: 'state-changing requests must send Content-Type: application/json',
    }
  return { ok: true }
}
