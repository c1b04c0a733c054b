/**
 * The request guard against a real socket (contract §1.5): cross-origin and non-JSON mutations refused for
 * the API, the control API and the dev sign-in; the proxy topologies (forwarded host and scheme) still
 * pass; the session cookie is `Secure` over https; an oversized body is refused without being drained;
 * `?access_token=` authenticates only the SSE endpoints.
 */
import { request as httpRequest, createServer, type ClientRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createMockApp, type MockApp } from './app.ts'
import { VirtualClock } from './sim/clock.ts'
import { Simulator } from './sim/simulator.ts'

const READY = 'b2c4d6e8f0a1b3c5'
/** Still provisioning on the paused clock: its log stream stays open. */
const LIVE = 'c1d2e3f4a5b6c7d8'
const SOVEREIGN = 't126.omani.works'

let server: Server
let app: MockApp
let sim: Simulator
let port: number

interface Res {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

function call(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: { host: `localhost:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

const JSON_TYPE = { 'content-type': 'application/json' }

async function signIn(host = `localhost:${port}`, tier = 'owner'): Promise<string> {
  const r = await call('POST', `/api/v1/auth/test-session?tier=${tier}`, { host })
  return String(r.headers['set-cookie']).split(';')[0]!
}

beforeAll(async () => {
  sim = new Simulator({
    clock: new VirtualClock({ start: Date.UTC(2026, 4, 14, 9), paused: true }),
    clockDefaults: { speed: 1, paused: true },
  })
  app = createMockApp(sim)
  server = createServer((req, res) => app.handle(req, res, () => res.end()))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  app.close()
  await new Promise((r) => server.close(r))
})

beforeEach(() => sim.reset())

const grant = JSON.stringify({ email: 'mallory@evil.example', tier: 'admin' })

describe('cross-site request forgery', () => {
  it('refuses a sibling tenant’s mutation on a Sovereign console (403) and changes nothing', async () => {
    const host = `console.${SOVEREIGN}`
    const cookie = await signIn(host)
    const before = await call('GET', '/api/v1/admin/user-access', { host, cookie })
    for (const origin of ['https://shop.omani.works', 'https://console.t127.omani.works', 'null']) {
      const r = await call('POST', '/api/v1/admin/user-access', { host, cookie, origin, ...JSON_TYPE }, grant)
      expect([origin, r.status, JSON.parse(r.text)]).toMatchObject([
        origin,
        403,
        { error: 'cross-origin-request' },
      ])
    }
    const sameSite = await call(
      'POST',
      '/api/v1/admin/user-access',
      { host, cookie, 'sec-fetch-site': 'same-site', ...JSON_TYPE },
      grant,
    )
    expect(sameSite.status).toBe(403)
    expect((await call('GET', '/api/v1/admin/user-access', { host, cookie })).text).toBe(before.text)
  })

  it('accepts the console’s own origin: by Origin, by Sec-Fetch-Site, and behind nginx’s forwarded host', async () => {
    const host = `console.${SOVEREIGN}.localhost:${port}`
    const cookie = await signIn(host)
    const own = await call(
      'POST',
      '/api/v1/admin/user-access',
      { host, cookie, origin: `http://${host}`, ...JSON_TYPE },
      grant,
    )
    expect(own.status).toBe(201)
    const fetchSite = await call(
      'DELETE',
      `/api/v1/admin/user-access/${(JSON.parse(own.text) as { name: string }).name}`,
      { host, cookie, 'sec-fetch-site': 'same-origin', ...JSON_TYPE },
    )
    expect(fetchSite.status).toBe(204)
    // nginx in front: the API sees the proxy's Host unless forwarded, and https only through X-Forwarded-Proto.
    const proxied = {
      host: `console.${SOVEREIGN}`,
      'x-forwarded-host': `console.${SOVEREIGN}`,
      'x-forwarded-proto': 'https',
    }
    const proxiedCookie = await signIn(`console.${SOVEREIGN}`)
    const viaNginx = { ...proxied, cookie: proxiedCookie, ...JSON_TYPE }
    expect(
      (
        await call(
          'POST',
          '/api/v1/admin/user-access',
          { ...viaNginx, origin: `https://console.${SOVEREIGN}` },
          grant,
        )
      ).status,
    ).toBe(201) // accepted by the guard
    expect(
      (
        await call(
          'POST',
          '/api/v1/admin/user-access',
          { ...viaNginx, origin: `http://console.${SOVEREIGN}` },
          grant,
        )
      ).status,
    ).toBe(403) // the scheme is part of the origin
  })

  it('refuses any body that is not application/json (415), text/plain and forms included', async () => {
    const cookie = await signIn()
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain; a=json',
    ]) {
      const r = await call(
        'POST',
        `/api/v1/deployments/${READY}/wipe`,
        { cookie, 'content-type': type },
        '{}',
      )
      expect([type, r.status, JSON.parse(r.text)]).toMatchObject([
        type,
        415,
        { error: 'unsupported-media-type' },
      ])
    }
    const noType = await call('POST', `/api/v1/deployments/${READY}/mint-handover-token`, { cookie }, '{}')
    expect(noType.status).toBe(415)
    expect(sim.status(sim.record(READY)!)).toBe('ready')
  })

  it('protects the control API and the dev sign-in from cross-site callers too', async () => {
    const evil = { origin: 'https://evil.example', ...JSON_TYPE }
    expect((await call('POST', '/api/__mock/reset', evil, '{}')).status).toBe(403)
    expect((await call('POST', '/api/__mock/clock', evil, '{"advanceMs":1}')).status).toBe(403)
    const login = await call('POST', '/api/v1/auth/test-session?tier=owner', evil)
    expect([login.status, login.headers['set-cookie']]).toEqual([403, undefined])
    // A non-browser client (no Origin, no Sec-Fetch-Site: the e2e and bench drivers, cloud-init) passes.
    expect((await call('POST', '/api/__mock/reset', JSON_TYPE, '{}')).status).toBe(200)
  })
})

describe('session cookie and credentials', () => {
  it('marks the session cookie Secure when the console is served over https, not over plain http', async () => {
    const https = await call('POST', '/api/v1/auth/test-session', {
      host: 'console.openova.io',
      'x-forwarded-proto': 'https',
    })
    expect(String(https.headers['set-cookie'])).toMatch(/; Secure$/)
    const http = await call('POST', '/api/v1/auth/test-session')
    expect(String(http.headers['set-cookie'])).not.toMatch(/Secure/)
    const logout = await call('POST', '/api/v1/auth/session', {
      host: 'console.openova.io',
      'x-forwarded-proto': 'https',
    })
    expect(String(logout.headers['set-cookie'])).toMatch(/catalyst_session=; .*Max-Age=0; Secure/)
  })

  it('accepts ?access_token= only on the SSE endpoints', async () => {
    const token = (await signIn()).split('=')[1]!
    expect((await call('GET', `/api/v1/whoami?access_token=${token}`)).status).toBe(401)
    expect((await call('GET', `/api/v1/deployments/${READY}?access_token=${token}`)).status).toBe(401)
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: `/api/v1/deployments/${READY}/logs?access_token=${token}`,
          headers: { host: `localhost:${port}`, accept: 'text/event-stream' },
        },
        (res) => {
          resolve(res.statusCode ?? 0)
          req.destroy()
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(200)
  })

  it('refuses an oversized body with 413 at once, without reading the rest, and closes the connection', async () => {
    const cookie = await signIn()
    const r = await new Promise<Res>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/v1/deployments/${READY}/admin/user-access`,
          headers: {
            host: `localhost:${port}`,
            cookie,
            ...JSON_TYPE,
            'content-length': String(64 * 1024 * 1024),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString(),
            }),
          )
        },
      )
      req.on('error', reject)
      // Only the first kilobyte of the declared 64 MiB is ever sent: the answer must not wait for the rest.
      req.write('x'.repeat(1024))
    })
    expect([r.status, r.headers.connection, JSON.parse(r.text)]).toMatchObject([
      413,
      'close',
      { error: 'body-too-large' },
    ])
  })
})

describe('stream cap', () => {
  it('holds at most 32 concurrent streams per session: the 33rd gets 429 with Retry-After, a closed one frees a slot', async () => {
    const cookie = await signIn()
    const open = (): Promise<{ status: number; retryAfter?: string; req: ClientRequest }> =>
      new Promise((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: `/api/v1/deployments/${LIVE}/logs`,
            headers: { host: `localhost:${port}`, cookie, accept: 'text/event-stream' },
            agent: false,
          },
          (res) => {
            const retryAfter = res.headers['retry-after']
            resolve({ status: res.statusCode ?? 0, req, ...(retryAfter ? { retryAfter } : {}) })
            res.resume()
          },
        )
        req.on('error', (e) => (req.destroyed ? undefined : reject(e)))
        req.end()
      })
    const held = []
    for (let i = 0; i < 32; i++) held.push(await open())
    expect(held.every((h) => h.status === 200)).toBe(true)
    const refused = await open()
    expect([refused.status, refused.retryAfter]).toEqual([429, '5'])
    // Another session is not affected.
    const other = await signIn(undefined, 'admin')
    expect(other).not.toBe(cookie)
    held[0]!.req.destroy()
    await expect.poll(async () => (await open()).status).toBe(200)
    for (const h of held) h.req.destroy()
  })
})
