/**
 * The standalone mock (`npm run mock`): the same API as the plugin on a plain Node server, the options a
 * proxy test needs (strict paths, cookie domain), one-line refusals of bad input, and a clean shutdown on
 * SIGINT/SIGTERM with every stream closed.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { get as httpGet, request as httpRequest, type IncomingMessage } from 'node:http'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { listenOptionsFromEnv, startMockServer, type MockServer } from './server.ts'
import { MockOptionsError, mockApiOptionsFromEnv } from './runtime.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const LIVE = 'c1d2e3f4a5b6c7d8'

let running: MockServer | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function start(env: Record<string, string> = {}): Promise<MockServer> {
  running = await startMockServer(
    mockApiOptionsFromEnv({ MOCK_CLOCK: 'fixed', MOCK_LOG_PINS: '0', ...env }),
    { port: 0, host: '127.0.0.1' },
    () => {},
  )
  return running
}

/** A request with any Host header (fetch does not let a caller set it). */
function call(
  url: string,
  opts: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: IncomingMessage['headers']; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let text = ''
      res.on('data', (c: Buffer) => (text += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function session(base: string, host?: string): Promise<string> {
  const res = await call(`${base}/api/v1/auth/test-session`, {
    method: 'POST',
    headers: host ? { host } : {},
  })
  expect(res.status).toBe(200)
  return /catalyst_session=[^;]+/.exec(res.headers['set-cookie']?.[0] ?? '')![0]
}

/** Opens an SSE stream; resolves once the first frame arrived, with a promise for the stream's end. */
function openStream(url: string, cookie: string): Promise<{ res: IncomingMessage; ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      const ended = new Promise<void>((done) => res.on('end', done))
      res.once('data', () => resolve({ res, ended }))
    })
    req.on('error', reject)
  })
}

describe('startMockServer', () => {
  it('serves the API, the control API and the root paths, and answers anything else with Go’s 404', async () => {
    const { url } = await start()
    expect(await (await fetch(`${url}/healthz`)).text()).toBe('ok\n')
    const state = (await (await fetch(`${url}/api/__mock/state`)).json()) as { clock: { paused: boolean } }
    expect(state.clock.paused).toBe(true)
    const cookie = await session(url)
    const list = await fetch(`${url}/sovereign/api/v1/deployments`, { headers: { cookie } })
    expect(list.status).toBe(200)
    const spa = await fetch(`${url}/deployments`)
    expect(spa.status).toBe(404)
    expect(await spa.text()).toBe('404 page not found\n')
  })

  it('with MOCK_STRICT_PATHS=1 serves only what catalyst-api serves: /sovereign/api is for the proxy to strip', async () => {
    const { url } = await start({ MOCK_STRICT_PATHS: '1' })
    const cookie = await session(url)
    expect((await fetch(`${url}/api/v1/deployments`, { headers: { cookie } })).status).toBe(200)
    const unstripped = await fetch(`${url}/sovereign/api/v1/deployments`, { headers: { cookie } })
    expect(unstripped.status).toBe(404)
    expect((await fetch(`${url}/api/__mock/state`)).status).toBe(200)
  })

  it('with MOCK_COOKIE_DOMAIN scopes every cookie it sets to that domain', async () => {
    const { url } = await start({ MOCK_COOKIE_DOMAIN: 'console.openova.io' })
    const res = await fetch(`${url}/api/v1/auth/test-session`, { method: 'POST' })
    expect(res.headers.get('set-cookie')).toMatch(
      /^catalyst_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Domain=console\.openova\.io$/,
    )
    const cookie = /catalyst_session=[^;]+/.exec(res.headers.get('set-cookie')!)![0]
    const logout = await fetch(`${url}/api/v1/auth/session`, { method: 'DELETE', headers: { cookie } })
    for (const c of logout.headers.getSetCookie()) expect(c).toMatch(/; Domain=console\.openova\.io$/)
  })

  it('scopes sessions and the Sovereign by the Host header it is given (a proxy must pass the original)', async () => {
    const { url } = await start()
    const host = 'console.t126.omani.works'
    const cookie = await session(url, host)
    const self = await call(`${url}/api/v1/sovereign/self`, { headers: { host, cookie } })
    expect(JSON.parse(self.text)).toEqual({
      deploymentId: 'a43364f11c10cde3',
      sovereignFQDN: 't126.omani.works',
    })
    const elsewhere = await fetch(`${url}/api/v1/whoami`, { headers: { cookie } })
    expect(elsewhere.status).toBe(401)
  })

  it('close() ends open streams and stops listening', async () => {
    const mock = await start()
    const cookie = await session(mock.url)
    const { ended } = await openStream(`${mock.url}/api/v1/flows/${LIVE}/stream`, cookie)
    await mock.close()
    await ended
    await expect(fetch(`${mock.url}/healthz`)).rejects.toThrow()
    running = undefined
  })
})

describe('environment', () => {
  it('refuses bad values with one readable line', () => {
    expect(() => listenOptionsFromEnv({ PORT: 'eighty' })).toThrow(MockOptionsError)
    expect(() => listenOptionsFromEnv({ PORT: '70000' })).toThrow('PORT is not a port number: 70000')
    expect(() => mockApiOptionsFromEnv({ MOCK_COOKIE_DOMAIN: 'a b;c' })).toThrow(
      'MOCK_COOKIE_DOMAIN is not a domain name',
    )
    expect(listenOptionsFromEnv({})).toEqual({ port: 8080, host: '127.0.0.1' })
    expect(mockApiOptionsFromEnv({ MOCK_SPEED: 'fast' }).speed).toBe(20)
  })
})

describe('npm run mock (the process)', () => {
  function spawnMock(env: Record<string, string>): { child: ChildProcess; url: Promise<string> } {
    const child = spawn(`${ROOT}node_modules/.bin/tsx`, ['mock-api/server.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', MOCK_CLOCK: 'fixed', MOCK_LOG_PINS: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const url = new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString()
        const m = /listening on (http:\/\/\S+)/.exec(out)
        if (m) resolve(m[1]!)
      })
      child.once('exit', (code) => reject(new Error(`mock exited with ${code} before listening: ${out}`)))
    })
    return { child, url }
  }
  const exitOf = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} closes the open streams and exits 0`, { timeout: 30_000 }, async () => {
      const { child, url } = spawnMock({})
      const base = await url
      const cookie = await session(base)
      const { ended } = await openStream(`${base}/api/v1/flows/${LIVE}/stream`, cookie)
      const exited = exitOf(child)
      child.kill(signal)
      await ended
      expect(await exited).toBe(0)
    })
  }

  it('a bad PORT stops it with one line and a non-zero exit', { timeout: 30_000 }, async () => {
    const child = spawn(`${ROOT}node_modules/.bin/tsx`, ['mock-api/server.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'http' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let err = ''
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()))
    expect(await exitOf(child)).toBe(2)
    expect(err.trim()).toBe('[mock-api] PORT is not a port number: http')
  })
})
