import type { ServerResponse } from 'node:http'

/** Every API response carries the simulator's virtual time in `Date`, so clients can measure skew. */
export interface ResponseClock {
  now(): number
}

function baseHeaders(clock: ResponseClock, res: ServerResponse): Record<string, string> {
  // `x-catalyst-mock` lets the console tell a developer where the sign-in PIN is.
  const base: Record<string, string> = {
    date: new Date(clock.now()).toUTCString(),
    'cache-control': 'no-store',
    'x-catalyst-mock': '1',
  }
  // Answered before the request body was read (refused, too large): close rather than drain the rest.
  if (unreadBody(res)) base.connection = 'close'
  return base
}

function unreadBody(res: ServerResponse): boolean {
  const req = res.req as ServerResponse['req'] | undefined
  if (!req || req.complete) return false
  return Number(req.headers['content-length'] ?? '0') > 0 || req.headers['transfer-encoding'] !== undefined
}

export function sendJson(
  res: ServerResponse,
  clock: ResponseClock,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  if (res.headersSent) return
  const payload = JSON.stringify(body)
  res.writeHead(status, {
    ...baseHeaders(clock, res),
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  })
  res.end(payload)
}

/** Plain-text errors, as Go's `http.Error` writes them (contract §1.3). */
export function sendText(
  res: ServerResponse,
  clock: ResponseClock,
  status: number,
  body: string,
  headers: Record<string, string | string[]> = {},
): void {
  if (res.headersSent) return
  const payload = `${body}\n`
  res.writeHead(status, {
    ...baseHeaders(clock, res),
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  })
  res.end(payload)
}

export function sendEmpty(
  res: ServerResponse,
  clock: ResponseClock,
  status: number,
  headers: Record<string, string | string[]> = {},
): void {
  if (res.headersSent) return
  res.writeHead(status, { ...baseHeaders(clock, res), ...headers })
  res.end()
}
