/**
 * Runs the machine's nginx with the console's config (renderNginxConf) without root: the config, pid,
 * temp paths and logs all live in a fresh temp dir that is removed on stop. Used by `npm run serve:prod`
 * and by the tests that prove the shipped config.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { renderNginxConf } from './renderNginxConf.ts'

/** What to print when there is no nginx (one line, how to get it). */
export const NO_NGINX =
  'No nginx found: install it with "apt-get install -y nginx libnginx-mod-http-brotli-static" (or set NGINX_BIN).'

/** A readable refusal of bad input (the CLI prints the message alone). */
export class ServeProdError extends Error {}

const SBIN = ['/usr/sbin', '/usr/local/sbin', '/sbin']

/** `NGINX_BIN`, else `nginx` on PATH or in the sbin dirs (often not on a normal user's PATH). */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NGINX_BIN) return isExecutable(env.NGINX_BIN) ? env.NGINX_BIN : undefined
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), ...SBIN]
  return dirs.map((d) => join(d, 'nginx')).find(isExecutable)
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** `nginx -V`: the build's configure arguments (printed on stderr). */
function configureArgs(nginx: string): string {
  const r = spawnSync(nginx, ['-V'], { encoding: 'utf8' })
  return `${r.stdout ?? ''}${r.stderr ?? ''}`
}

/** The brotli static module of this nginx build (in its `--modules-path`), if installed. */
export function findBrotliModule(nginx: string): string | undefined {
  const modulesPath = /--modules-path=(\S+)/.exec(configureArgs(nginx))?.[1] ?? '/usr/lib/nginx/modules'
  const so = join(modulesPath, 'ngx_http_brotli_static_module.so')
  return existsSync(so) ? so : undefined
}

/**
 * `http://host[:port][/]` → `host:port` for the upstream block. Only plain http: the upstream is the
 * in-cluster catalyst-api Service (TLS ends at the ingress in front of the console).
 */
export function upstreamServer(url: string): string {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    throw new ServeProdError(`CATALYST_API_URL is not a URL: ${JSON.stringify(url)}`)
  }
  if (u.protocol !== 'http:' || u.username || u.password || u.search || u.hash || u.pathname !== '/')
    throw new ServeProdError(
      `CATALYST_API_URL must be http://host[:port] (no path, no credentials): ${JSON.stringify(url)}`,
    )
  return `${u.hostname}:${u.port || '80'}`
}

export interface LocalNginxOptions {
  nginx: string
  /** The static build to serve (absolute path). */
  dist: string
  host: string
  port: number
  /** `host:port` of catalyst-api. */
  upstream: string
}

export interface LocalNginx {
  child: ChildProcess
  runDir: string
  url: string
  /** Stops nginx (fast shutdown: open streams are cut) and removes the temp dir. */
  stop(): Promise<void>
}

export async function startLocalNginx(o: LocalNginxOptions): Promise<LocalNginx> {
  if (!existsSync(join(o.dist, 'index.html')))
    throw new ServeProdError(`${o.dist} has no index.html: build the console first (npm run build)`)
  const runDir = mkdtempSync(join(tmpdir(), 'catalyst-console-nginx-'))
  // Workers (not the master) write the temp paths: they must be able to enter the run dir.
  chmodSync(runDir, 0o755)
  const asRoot = process.getuid?.() === 0
  const conf = renderNginxConf({
    runDir,
    listen: `${o.host.includes(':') ? `[${o.host}]` : o.host}:${o.port}`,
    root: o.dist,
    upstream: { server: o.upstream },
    mimeTypes: findMimeTypes(o.nginx),
    brotliModule: findBrotliModule(o.nginx),
    accessLog: join(runDir, 'access.log'),
    errorLog: join(runDir, 'error.log'),
    // A local tool: under root (CI) workers stay root so they can read a dist/ anywhere (a checkout under
    // /root is not readable by nobody). Without root the directive is meaningless and left out.
    user: asRoot ? 'root' : undefined,
  })
  writeFileSync(join(runDir, 'nginx.conf'), conf)
  const child = spawn(
    o.nginx,
    ['-p', runDir, '-c', join(runDir, 'nginx.conf'), '-e', join(runDir, 'error.log'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  )
  const url = `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${o.port}`
  let exited = false
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true
      resolve()
    }),
  )
  const cleanup = () => rmSync(runDir, { recursive: true, force: true })
  const stop = async () => {
    if (!exited) child.kill('SIGTERM')
    await exit
    cleanup()
  }
  try {
    await waitForHealth(url, () => exited)
  } catch (e) {
    const log = readIfExists(join(runDir, 'error.log'))
    await stop()
    throw new ServeProdError(`nginx did not start: ${(log.trim().split('\n').at(-1) ?? '') || String(e)}`)
  }
  return { child, runDir, url, stop }
}

function readIfExists(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/** The mime.types next to the machine's nginx.conf. */
function findMimeTypes(nginx: string): string {
  const confPath = /--conf-path=(\S+)/.exec(configureArgs(nginx))?.[1] ?? '/etc/nginx/nginx.conf'
  const candidate = join(confPath, '..', 'mime.types')
  return existsSync(candidate) ? candidate : '/etc/nginx/mime.types'
}

async function waitForHealth(url: string, gone: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000
  for (;;) {
    if (gone()) throw new Error('nginx exited')
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('no answer on /healthz within 10 s')
    await new Promise((r) => setTimeout(r, 100))
  }
}
