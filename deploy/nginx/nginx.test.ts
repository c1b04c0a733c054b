/**
 * The shipped nginx config, proven with the machine's nginx (the same Debian nginx 1.22 + brotli static
 * module the image installs): the committed file is the render, the image's variant passes `nginx -t`,
 * the entrypoint writes the upstream or refuses bad input, and the served behaviour — static caching,
 * precompressed files, SPA fallback, 404s, headers, and the proxy (Host, X-Forwarded-*, prefix stripping
 * with the raw URI, body cap, unbuffered SSE, plain-text 502) — against a recording upstream.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SECURITY_HEADERS } from '../securityHeaders.ts'
import { CONTAINER_PARAMS, renderNginxConf } from './renderNginxConf.ts'
import {
  findBrotliModule,
  findNginx,
  NO_NGINX,
  startLocalNginx,
  upstreamServer,
  type LocalNginx,
} from './startLocalNginx.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const NGINX = findNginx()
if (!NGINX) throw new Error(NO_NGINX)

interface Res {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  text: string
}

function call(
  base: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const body = Buffer.concat(chunks)
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') })
      })
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

async function freePort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const { port } = s.address() as AddressInfo
  await new Promise((r) => s.close(r))
  return port
}

describe('the committed config', () => {
  it('deploy/nginx/nginx.conf is the render of the image parameters (regenerate: npx vitest run deploy -u)', async () => {
    await expect(renderNginxConf(CONTAINER_PARAMS)).toMatchFileSnapshot('./nginx.conf')
  })

  it("the image's variant passes nginx -t with the upstream file the entrypoint writes", () => {
    const run = mkdtempSync(join(tmpdir(), 'catalyst-nginx-t-'))
    try {
      // Same render, only the writable dir moved into a temp dir so the test can run anywhere.
      const conf = renderNginxConf({
        ...CONTAINER_PARAMS,
        runDir: run,
        upstream: { include: join(run, 'upstream.conf') },
        brotliModule: findBrotliModule(NGINX),
      })
      writeFileSync(join(run, 'nginx.conf'), conf)
      // The entrypoint as the image runs it (upstream written, nginx exec'd), here with `-t -c <conf>`.
      // Its stdout is a file, as a container runtime's FIFO would be (the access log is /dev/stdout, which
      // cannot be opened when stdout is a socket, as it is for a Node child).
      const r = spawnSync(
        'sh',
        [
          '-c',
          'exec sh "$0" -t -c "$1" > "$2"',
          join(ROOT, 'deploy/entrypoint.sh'),
          join(run, 'nginx.conf'),
          join(run, 'out'),
        ],
        {
          env: {
            ...process.env,
            CATALYST_API_URL: 'http://127.0.0.1:8080',
            CONSOLE_RUN_DIR: run,
            NGINX_BIN: NGINX,
          },
          encoding: 'utf8',
        },
      )
      expect(readFileSync(join(run, 'upstream.conf'), 'utf8')).toBe('server 127.0.0.1:8080;\n')
      expect(r.stderr).toContain('test is successful')
      expect(r.status).toBe(0)
    } finally {
      rmSync(run, { recursive: true, force: true })
    }
  })
})

describe('deploy/entrypoint.sh', () => {
  const entry = (url: string | undefined) => {
    const run = mkdtempSync(join(tmpdir(), 'catalyst-entry-'))
    // A stand-in nginx that prints the arguments it was started with.
    const fake = join(run, 'fake-nginx')
    writeFileSync(fake, '#!/bin/sh\nprintf "%s|" "$@"\n', { mode: 0o755 })
    const env: NodeJS.ProcessEnv = { ...process.env, CONSOLE_RUN_DIR: run, NGINX_BIN: fake }
    if (url === undefined) delete env.CATALYST_API_URL
    else env.CATALYST_API_URL = url
    const r = spawnSync('sh', [join(ROOT, 'deploy/entrypoint.sh')], { env, encoding: 'utf8' })
    let upstream: string | undefined
    try {
      upstream = readFileSync(join(run, 'upstream.conf'), 'utf8')
    } catch {
      upstream = undefined
    }
    rmSync(run, { recursive: true, force: true })
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, upstream }
  }

  it('writes the upstream from CATALYST_API_URL (same rule as serve:prod) and execs nginx in the foreground', () => {
    for (const [url, server] of [
      ['http://catalyst-api.catalyst.svc.cluster.local:8080', 'catalyst-api.catalyst.svc.cluster.local:8080'],
      ['http://10.43.0.17', '10.43.0.17:80'],
      ['http://api:9000/', 'api:9000'],
    ] as const) {
      const r = entry(url)
      expect(r.status).toBe(0)
      expect(r.upstream).toBe(`server ${server};\n`)
      expect(upstreamServer(url)).toBe(server)
      expect(r.stdout).toBe('-e|stderr|-g|daemon off;|')
    }
  })

  it('refuses a missing or malformed URL with one line, before nginx starts', () => {
    const missing = entry(undefined)
    expect(missing.status).toBe(64)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    expect(missing.stderr).toContain('CATALYST_API_URL is not set')
    for (const bad of [
      'https://api:443',
      'http://api:8080/v1',
      'http://user:pw@api:8080',
      'ftp://api',
      'api:8080',
    ]) {
      const r = entry(bad)
      expect(r.status, bad).toBe(64)
      expect(r.upstream).toBeUndefined()
      expect(r.stderr.trim()).toBe(
        `CATALYST_API_URL must be http://host[:port] (no path, no credentials): ${bad}`,
      )
      expect(() => upstreamServer(bad)).toThrow()
    }
  })
})

/** What the fake catalyst-api saw. */
interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  bodyBytes: number
}

describe('served by nginx (the config the image runs)', () => {
  let dist: string
  let upstream: Server
  let nginx: LocalNginx
  let base: string
  const seen: Seen[] = []
  let releaseSecondFrame: (() => void) | undefined
  const jsBody = `console.log(${JSON.stringify('x'.repeat(4000))})\n`

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'catalyst-dist-'))
    mkdirSync(join(dist, 'assets'))
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>Catalyst Console</title><div id="app"></div>',
    )
    writeFileSync(join(dist, 'theme-init.js'), 'document.documentElement.dataset.theme = "dark"\n')
    writeFileSync(join(dist, 'assets/index-AbC123.js'), jsBody)
    writeFileSync(join(dist, 'assets/index-AbC123.js.br'), brotliCompressSync(jsBody))
    writeFileSync(join(dist, 'assets/index-AbC123.js.gz'), gzipSync(jsBody))
    writeFileSync(join(dist, 'assets/index-AbC123.js.map'), '{"version":3}')

    upstream = createServer((req, res: ServerResponse) => {
      let bytes = 0
      req.on('data', (c: Buffer) => (bytes += c.length))
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodyBytes: bytes })
        if (req.url === '/api/v1/stream') {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
          res.write('data: first\n\n')
          // The second frame only once the client has the first: a buffering proxy would hold the first.
          releaseSecondFrame = () => res.end('data: second\n\n')
          return
        }
        if (req.url?.startsWith('/auth/handover')) {
          res.writeHead(302, { location: '/dashboard', 'set-cookie': 'catalyst_session=t; Path=/; HttpOnly' })
          return res.end()
        }
        res.writeHead(200, {
          'content-type': 'application/json',
          date: 'Thu, 14 May 2026 09:00:00 GMT',
          'cache-control': 'no-store',
        })
        res.end('{"ok":true}')
      })
    })
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r))
    const { port } = upstream.address() as AddressInfo
    nginx = await startLocalNginx({
      nginx: NGINX,
      dist,
      host: '127.0.0.1',
      port: await freePort(),
      upstream: `127.0.0.1:${port}`,
    })
    base = nginx.url
  })

  afterAll(async () => {
    await nginx?.stop()
    await new Promise((r) => upstream?.close(r))
    rmSync(dist, { recursive: true, force: true })
  })

  const last = () => seen.at(-1)!

  it('answers /healthz itself', async () => {
    const before = seen.length
    const r = await call(base, '/healthz')
    expect([r.status, r.text]).toEqual([200, 'ok\n'])
    expect(seen.length).toBe(before)
  })

  it('sends every security header of the one source, on pages, assets, errors and API answers', async () => {
    for (const path of [
      '/',
      '/deployments',
      '/assets/index-AbC123.js',
      '/assets/missing.js',
      '/api/v1/whoami',
    ]) {
      const r = await call(base, path)
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(r.headers[name.toLowerCase()], `${name} on ${path}`).toBe(value)
      expect(r.headers.server, 'no version in Server').toBe('nginx')
    }
  })

  it('index.html and every client route: the SPA page, never cached without revalidation', async () => {
    const index = await call(base, '/')
    for (const path of [
      '/index.html',
      '/deployments',
      '/provision/c1d2e3f4a5b6c7d8/jobs/install-nbg1-1%3Acilium',
    ]) {
      const r = await call(base, path)
      expect(r.status, path).toBe(200)
      expect(r.text).toBe(index.text)
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(r.headers['cache-control'], path).toBe('no-cache')
    }
    expect(index.text).toContain('<div id="app">')
    // Unhashed files at the root keep their names across releases: revalidated as well.
    expect((await call(base, '/theme-init.js')).headers['cache-control']).toBe('no-cache')
  })

  it('hashed assets: immutable for a year, precompressed .br/.gz by Accept-Encoding, never compressed on the fly', async () => {
    const br = await call(base, '/assets/index-AbC123.js', { headers: { 'accept-encoding': 'gzip, br' } })
    expect(br.status).toBe(200)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(br.body.equals(readFileSync(join(dist, 'assets/index-AbC123.js.br')))).toBe(true)
    const gz = await call(base, '/assets/index-AbC123.js', { headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    const plain = await call(base, '/assets/index-AbC123.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.text).toBe(jsBody)
    expect(plain.headers['content-type']).toMatch(/^application\/javascript/)
  })

  it('a missing asset is a real 404 (not the SPA page, not cacheable for a year); source maps are not served', async () => {
    const missing = await call(base, '/assets/index-Gone99.js')
    expect(missing.status).toBe(404)
    expect(missing.text).not.toContain('id="app"')
    expect(missing.headers['cache-control']).toBeUndefined()
    const map = await call(base, '/assets/index-AbC123.js.map')
    expect(map.status).toBe(404)
    expect(map.text).not.toContain('"version"')
  })

  it('/api/ goes upstream untouched, with the browser Host and X-Forwarded-*; the API’s Date and caching stay', async () => {
    const r = await call(base, '/api/v1/deployments?sort=age&q=a%2Fb', {
      headers: { host: 'console.t126.omani.works.localhost:9999', 'accept-encoding': 'gzip, br' },
    })
    expect(r.status).toBe(200)
    expect(r.headers.date).toBe('Thu, 14 May 2026 09:00:00 GMT')
    expect(r.headers['cache-control']).toBe('no-store')
    expect(r.headers['content-encoding']).toBeUndefined()
    const s = last()
    expect(s.url).toBe('/api/v1/deployments?sort=age&q=a%2Fb')
    expect(s.headers.host).toBe('console.t126.omani.works.localhost:9999')
    expect(s.headers['x-forwarded-host']).toBe('console.t126.omani.works.localhost:9999')
    expect(s.headers['x-forwarded-proto']).toBe('http')
    expect(s.headers['x-forwarded-for']).toBe('127.0.0.1')
    expect(s.headers['x-real-ip']).toBe('127.0.0.1')
  })

  it('keeps the ingress’s X-Forwarded-Proto/Host (TLS ends there) and appends to X-Forwarded-For', async () => {
    await call(base, '/api/v1/whoami', {
      headers: {
        host: 'console.acme.io',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'console.acme.io',
        'x-forwarded-for': '203.0.113.9',
      },
    })
    expect(last().headers).toMatchObject({
      host: 'console.acme.io',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'console.acme.io',
      'x-forwarded-for': '203.0.113.9, 127.0.0.1',
    })
  })

  it('/sovereign/api/… reaches the API as /api/… with the rest of the URI byte for byte', async () => {
    const path = '/deployments/c1d2e3f4a5b6c7d8/jobs/install-nbg1-1%3Acilium?fromLine=1&q=%2F..%2F'
    const r = await call(base, `/sovereign/api/v1${path}`)
    expect(r.status).toBe(200)
    expect(last().url).toBe(`/api/v1${path}`)
    // A job name that looks like a file stays the API's.
    await call(base, '/sovereign/api/v1/deployments/x/jobs/bundle.js.map')
    expect(last().url).toBe('/api/v1/deployments/x/jobs/bundle.js.map')
  })

  it('/auth/handover is the API’s: its redirect and cookie come back as sent', async () => {
    const r = await call(base, '/auth/handover?token=abc.def', {
      headers: { host: 'console.t126.omani.works' },
    })
    expect(r.status).toBe(302)
    expect(r.headers.location).toBe('/dashboard')
    expect(r.headers['set-cookie']).toEqual(['catalyst_session=t; Path=/; HttpOnly'])
    expect(last()).toMatchObject({
      url: '/auth/handover?token=abc.def',
      headers: { host: 'console.t126.omani.works' },
    })
  })

  it('caps request bodies: over 1 MiB is 413 and never reaches the API', async () => {
    const before = seen.length
    const big = await call(base, '/api/v1/deployments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(1024 * 1024 + 1, 'a'),
    })
    expect(big.status).toBe(413)
    expect(seen.length).toBe(before)
    const fine = await call(base, '/api/v1/deployments', { method: 'POST', body: Buffer.alloc(200_000, 'a') })
    expect(fine.status).toBe(200)
    expect(last().bodyBytes).toBe(200_000)
  })

  it('streams SSE unbuffered and uncompressed: each frame arrives as the API writes it', async () => {
    const frames: string[] = []
    const done = new Promise<IncomingHttpHeaders>((resolve, reject) => {
      const req = request(
        `${base}/sovereign/api/v1/stream`,
        { headers: { 'accept-encoding': 'gzip, br' } },
        (res) => {
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            frames.push(chunk)
            // The API holds the second frame until this client has the first.
            if (frames.length === 1) releaseSecondFrame!()
          })
          res.on('end', () => resolve(res.headers))
        },
      )
      req.on('error', reject)
      req.end()
    })
    const headers = await done
    expect(frames.join('')).toBe('data: first\n\ndata: second\n\n')
    expect(frames[0]).toBe('data: first\n\n')
    expect(headers['content-encoding']).toBeUndefined()
    expect(headers['content-type']).toBe('text/event-stream')
  })
})

describe('a dead upstream', () => {
  it('API calls get a plain-text 502 (what the console reads as "API unreachable"); the console itself still loads', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'catalyst-dist-'))
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="app"></div>')
    const nginx = await startLocalNginx({
      nginx: NGINX,
      dist,
      host: '127.0.0.1',
      port: await freePort(),
      upstream: `127.0.0.1:${await freePort()}`,
    })
    try {
      const api = await call(nginx.url, '/sovereign/api/v1/whoami')
      expect(api.status).toBe(502)
      expect(api.headers['content-type']).toMatch(/^text\/plain/)
      expect(api.text.trim().startsWith('{')).toBe(false)
      expect(api.headers['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy'])
      expect((await call(nginx.url, '/deployments')).status).toBe(200)
      expect((await call(nginx.url, '/healthz')).status).toBe(200)
    } finally {
      await nginx.stop()
      rmSync(dist, { recursive: true, force: true })
    }
  })
})

describe('npm run serve:prod: bad input stops it with one line', () => {
  const serve = (env: Record<string, string>) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/serve-prod.ts'], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stderr = ''
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      child.on('exit', (code) => resolve({ code, stderr }))
    })

  it('without nginx: how to install it', { timeout: 30_000 }, async () => {
    const r = await serve({ NGINX_BIN: '/nonexistent/nginx' })
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(`${NO_NGINX}\n`)
    expect(NO_NGINX).toContain('apt-get install -y nginx libnginx-mod-http-brotli-static')
  })

  it('without a build, or with a URL nginx cannot proxy to', { timeout: 30_000 }, async () => {
    const noBuild = await serve({ CONSOLE_DIST: '/nonexistent/dist', CONSOLE_PORT: String(await freePort()) })
    expect(noBuild.code).toBe(1)
    expect(noBuild.stderr).toBe(
      '/nonexistent/dist has no index.html: build the console first (npm run build)\n',
    )
    const https = await serve({ CATALYST_API_URL: 'https://console.openova.io', CONSOLE_DIST: ROOT })
    expect(https.code).toBe(1)
    expect(https.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('finds nginx on PATH or in the sbin dirs, NGINX_BIN first', () => {
    expect(findNginx({ PATH: '' })).toMatch(/\/nginx$/)
    expect(findNginx({ NGINX_BIN: NGINX })).toBe(NGINX)
    expect(findNginx({ NGINX_BIN: '/nonexistent/nginx' })).toBeUndefined()
  })
})
