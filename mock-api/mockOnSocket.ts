/**
 * The mock on a real socket, for tests that must see the wire as a browser or curl does (status, headers,
 * cookies, unparsed bodies): one simulator on a paused virtual clock, one `MockApp`, one ephemeral port.
 * Test-only; the server tests (`*.test.ts` in this folder) share it instead of each writing its own.
 */
import { request as httpRequest, createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createMockApp, type MockApp } from './app.ts'
import { VirtualClock } from './sim/clock.ts'
import { Simulator } from './sim/simulator.ts'

export interface MockOnSocket {
  sim: Simulator
  app: MockApp
  port: number
  close: () => Promise<void>
}

/** Start the mock at virtual time `start` (paused). `fallthrough` answers what the mock does not handle. */
export async function startMockOnSocket(
  start: number,
  fallthrough: (res: ServerResponse) => void = (res) => res.end(),
): Promise<MockOnSocket> {
  const sim = new Simulator({
    clock: new VirtualClock({ start, paused: true }),
    clockDefaults: { speed: 1, paused: true },
  })
  const app = createMockApp(sim)
  const server = createServer((req, res) => app.handle(req, res, () => fallthrough(res)))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  const close = async () => {
    app.close()
    await new Promise((r) => server.close(r))
  }
  return { sim, app, port, close }
}

export interface SocketResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: () => unknown
}

/** One request with exactly these headers (`host` defaults to `localhost:<port>`). */
export function sendRequest(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<SocketResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: { host: `localhost:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as unknown,
          })
        })
      },
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

export interface CallOptions {
  body?: string | Buffer
  host?: string
  cookie?: string
  headers?: Record<string, string>
}

/** A request as the console sends it: a body goes as JSON, with the session cookie when given. */
export function callMock(
  port: number,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<SocketResponse> {
  return sendRequest(
    port,
    method,
    path,
    {
      ...(opts.host ? { host: opts.host } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    opts.body,
  )
}
