import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { isApiReachable } from './connectivity.ts'
import {
  ApiError,
  apiFetch,
  apiUrl,
  isGatewayFailure,
  setForbiddenHandler,
  setUnauthenticatedHandler,
} from './http.ts'
import { serverNow } from './serverClock.ts'

function respond(status: number, body: string, headers: Record<string, string> = {}) {
  return vi.fn(async () => new Response(body, { status, headers }))
}

describe('apiFetch', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    setUnauthenticatedHandler(undefined)
    setForbiddenHandler(undefined)
  })

  it('rewrites server-sent /api/ URLs onto the current API base', () => {
    expect(apiUrl('/v1/deployments', '/sovereign/api')).toBe('/sovereign/api/v1/deployments')
    expect(apiUrl('/api/v1/deployments/x/logs', '/sovereign/api')).toBe(
      '/sovereign/api/v1/deployments/x/logs',
    )
  })

  it('parses 2xx bodies with the schema and records the server clock from Date', async () => {
    const serverDate = new Date(Date.now() + 3_600_000)
    vi.stubGlobal('fetch', respond(200, '{"n":1}', { date: serverDate.toUTCString() }))
    await expect(apiFetch('/v1/x', z.object({ n: z.number() }))).resolves.toEqual({ n: 1 })
    expect(Math.abs(serverNow() - serverDate.getTime())).toBeLessThan(2000)
  })

  it('turns every error body style into a readable ApiError', async () => {
    vi.stubGlobal('fetch', respond(404, 'deployment not found\n'))
    await expect(apiFetch('/v1/deployments/x', z.unknown())).rejects.toMatchObject({
      status: 404,
      message: 'deployment not found',
      code: undefined,
    })
    vi.stubGlobal(
      'fetch',
      respond(409, '{"error":"deployment-too-young","hint":"retry with force","retryAfterSec":60}'),
    )
    const e = (await apiFetch('/v1/x', z.unknown()).catch((x: unknown) => x)) as ApiError
    expect(e).toBeInstanceOf(ApiError)
    expect([e.code, e.message, e.body?.retryAfterSec]).toEqual([
      'deployment-too-young',
      'retry with force',
      60,
    ])
  })

  it('reports a shape the contract does not allow as a parse error, not a crash', async () => {
    vi.stubGlobal('fetch', respond(200, '{"n":"one"}'))
    await expect(apiFetch('/v1/x', z.object({ n: z.number() }))).rejects.toMatchObject({ kind: 'parse' })
    vi.stubGlobal('fetch', respond(200, '<html>'))
    await expect(apiFetch('/v1/x', z.unknown())).rejects.toMatchObject({ kind: 'parse' })
  })

  it('declares JSON on every mutation, even without a body (contract §1.5), and never on a GET', async () => {
    const fetchMock = respond(200, '{}')
    vi.stubGlobal('fetch', fetchMock)
    await apiFetch('/v1/x', z.unknown(), { method: 'DELETE' })
    await apiFetch('/v1/x', z.unknown(), { method: 'POST', body: { a: 1 } })
    await apiFetch('/v1/x', z.unknown())
    const types = fetchMock.mock.calls.map(
      (c) => ((c as unknown as [string, RequestInit])[1].headers as Record<string, string>)['content-type'],
    )
    expect(types).toEqual(['application/json', 'application/json', undefined])
  })

  it('sends 401s to the sign-in handler unless the caller handles them', async () => {
    const handler = vi.fn()
    setUnauthenticatedHandler(handler)
    vi.stubGlobal('fetch', respond(401, '{"error":"unauthenticated"}'))
    await expect(apiFetch('/v1/x', z.unknown())).rejects.toMatchObject({ status: 401 })
    expect(handler).toHaveBeenCalledTimes(1)
    await expect(apiFetch('/v1/x', z.unknown(), { on401: 'throw' })).rejects.toMatchObject({ status: 401 })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('tells the app of a tier refusal (403 forbidden) only, so it re-reads the session tier', async () => {
    const handler = vi.fn()
    setForbiddenHandler(handler)
    vi.stubGlobal(
      'fetch',
      respond(403, '{"error":"forbidden","detail":"Your role (viewer) cannot retry a job."}'),
    )
    await expect(apiFetch('/v1/x', z.unknown(), { method: 'POST' })).rejects.toMatchObject({
      status: 403,
      message: 'Your role (viewer) cannot retry a job.',
    })
    expect(handler).toHaveBeenCalledTimes(1)
    vi.stubGlobal('fetch', respond(403, '{"error":"invalid-bearer"}'))
    await expect(apiFetch('/v1/x', z.unknown())).rejects.toMatchObject({ status: 403 })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('marks the API unreachable on network failure and reachable again on any answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    await expect(apiFetch('/v1/x', z.unknown())).rejects.toMatchObject({ kind: 'network', status: 0 })
    expect(isApiReachable()).toBe(false)
    vi.stubGlobal('fetch', respond(503, '{"error":"injected-fault"}'))
    await expect(apiFetch('/v1/x', z.unknown())).rejects.toMatchObject({ status: 503 })
    expect(isApiReachable()).toBe(true)
  })

  it('reads a proxy’s own 502/503/504 (plain text or HTML) as "API unreachable", not as an API answer', async () => {
    const bodies: [number, string, string][] = [
      [502, "catalyst-api is unreachable from the console's proxy\n", 'text/plain'],
      [503, 'no available server', 'text/plain'],
      [504, '<html><head><title>504 Gateway Time-out</title></head></html>', 'text/html'],
    ]
    for (const [status, body, type] of bodies) {
      vi.stubGlobal('fetch', respond(200, '{}'))
      await apiFetch('/v1/x', z.unknown())
      expect(isApiReachable()).toBe(true)
      vi.stubGlobal('fetch', respond(status, body, { 'content-type': type }))
      const e = (await apiFetch('/v1/x', z.unknown()).catch((x: unknown) => x)) as ApiError
      expect([e.kind, e.status, isApiReachable()]).toEqual(['network', status, false])
      // A readable sentence, never the proxy's HTML.
      expect(e.message).toBe(
        'The console cannot reach the API. Check your connection; it retries automatically.',
      )
    }
    // The API's own 5xx (JSON) is an answer: reachable, and its message shown.
    vi.stubGlobal(
      'fetch',
      respond(502, '{"error":"upstream-kube","detail":"the cluster API did not answer"}'),
    )
    await expect(apiFetch('/v1/x', z.unknown())).rejects.toMatchObject({
      kind: 'http',
      message: 'the cluster API did not answer',
    })
    expect(isApiReachable()).toBe(true)
    expect(isGatewayFailure(500, 'oops')).toBe(false)
    expect(isGatewayFailure(503, ' {"error":"x"}')).toBe(false)
  })

  it('a status line without its body (the connection cut mid-answer) is a lost answer, never an empty success', async () => {
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new TypeError('network error'))
      },
    })
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(cut, { status: 201 })),
    )
    const e = (await apiFetch('/v1/x', z.unknown(), { method: 'POST' }).catch((x: unknown) => x)) as ApiError
    expect([e.kind, e.status, e.message]).toEqual([
      'network',
      0,
      'The connection dropped before the API finished answering.',
    ])
  })
})

describe('apiFetch with secrets', () => {
  afterEach(() => vi.unstubAllGlobals())
  const TOKEN = 'hcloudSECRET0123456789abcdefTOKEN'

  it('redacts a secret the server echoes from the message, the code and the body of the error', async () => {
    vi.stubGlobal(
      'fetch',
      respond(
        400,
        JSON.stringify({ error: `bad-${TOKEN}`, detail: `token "${TOKEN}" is invalid`, token: TOKEN }),
      ),
    )
    const e = (await apiFetch('/v1/x', z.unknown(), { method: 'POST', secrets: [TOKEN] }).catch(
      (x: unknown) => x,
    )) as ApiError
    expect(e.message).toBe('token "[redacted]" is invalid')
    expect(e.code).toBe('bad-[redacted]')
    expect(JSON.stringify(e.body)).not.toContain(TOKEN)
  })

  it('redacts a plain-text echo, also where the 400-character cut would leave part of it', async () => {
    vi.stubGlobal('fetch', respond(400, `${'x'.repeat(390)} ${TOKEN}`))
    const e = (await apiFetch('/v1/x', z.unknown(), { secrets: [TOKEN, undefined] }).catch(
      (x: unknown) => x,
    )) as ApiError
    expect(e.message).toMatch(/ \[redact/)
    expect(e.message).not.toContain(TOKEN.slice(0, 9))
  })
})
