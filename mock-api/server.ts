/**
 * The mock catalyst-api as a standalone server (`npm run mock`): plain Node `http`, no Vite, no SPA — what
 * a console behind nginx or the dev proxy talks to, on another origin. Same runtime as the Vite plugin.
 *
 * Environment: `PORT` (default 8080), `HOST` (default 127.0.0.1), and the mock's own options
 * (`MOCK_CLOCK`, `MOCK_SPEED`, `MOCK_LOG_PINS`, `MOCK_STRICT_PATHS`, `MOCK_COOKIE_DOMAIN`; mock-api/README.md).
 * SIGINT/SIGTERM close every stream and the listener, then exit 0.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createMockRuntime, MockOptionsError, mockApiOptionsFromEnv, type MockApiOptions } from './runtime.ts'

export interface MockServer {
  server: Server
  /** `http://host:port` it listens on (the real port when 0 was asked for). */
  url: string
  /** Closes every stream and connection, then the listener. */
  close(): Promise<void>
}

export async function startMockServer(
  options: MockApiOptions,
  listen: { port: number; host: string },
  log: (line: string) => void = console.log,
): Promise<MockServer> {
  const app = createMockRuntime(options, log)
  const server = createServer((req, res) => {
    // Anything the API does not serve: Go's mux answer, as catalyst-api gives it.
    app.handle(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' })
      res.end('404 page not found\n')
    })
  })
  // Streams are long-lived; only idle keep-alive sockets should time out.
  server.requestTimeout = 0
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host
  let closing: Promise<void> | undefined
  return {
    server,
    url: `http://${host}:${port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        app.close() // ends every SSE response, stops the stream ticker
        server.close(() => resolve())
        server.closeIdleConnections()
        // A request still being answered (e.g. injected latency) gets a moment, then its socket goes too.
        setTimeout(() => server.closeAllConnections(), 2000).unref()
      })
      return closing
    },
  }
}

/** `PORT`/`HOST` from the environment; a bad value is a one-line error, not a stack trace. */
export function listenOptionsFromEnv(env: NodeJS.ProcessEnv): { port: number; host: string } {
  const raw = env.PORT ?? '8080'
  const port = Number(raw)
  if (!/^\d+$/.test(raw) || port > 65535) throw new MockOptionsError(`PORT is not a port number: ${raw}`)
  return { port, host: env.HOST?.trim() || '127.0.0.1' }
}

async function main(): Promise<void> {
  let options: MockApiOptions
  let listen: { port: number; host: string }
  try {
    options = mockApiOptionsFromEnv(process.env)
    listen = listenOptionsFromEnv(process.env)
  } catch (e) {
    if (!(e instanceof MockOptionsError)) throw e
    console.error(`[mock-api] ${e.message}`)
    process.exit(2)
  }
  let mock: MockServer
  try {
    mock = await startMockServer(options, listen)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    console.error(
      `[mock-api] cannot listen on ${listen.host}:${listen.port}: ${code === 'EADDRINUSE' ? 'the port is in use (set PORT)' : String(e)}`,
    )
    process.exit(1)
  }
  const clock = options.clock === 'fixed' ? 'clock paused (MOCK_CLOCK=fixed)' : `clock ×${options.speed}`
  console.log(`[mock-api] catalyst-api mock listening on ${mock.url} (${clock})`)
  const stop = (signal: string) => {
    console.log(`[mock-api] ${signal}: closing streams and connections`)
    void mock.close().then(() => process.exit(0))
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main()
