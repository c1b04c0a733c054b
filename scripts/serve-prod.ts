/**
 * `npm run serve:prod`: serves the current build through the repo's nginx config, as the image does, with
 * the machine's nginx and no root (deploy/nginx/startLocalNginx.ts).
 *
 *   CONSOLE_PORT      port to listen on (default 8081)
 *   CONSOLE_HOST      address to listen on (default 127.0.0.1)
 *   CATALYST_API_URL  catalyst-api to proxy to (default http://127.0.0.1:8080, i.e. `npm run mock`)
 *   CONSOLE_DIST      the build to serve (default dist)
 *   NGINX_BIN         nginx binary (default: nginx on PATH or in /usr/sbin)
 *
 * Bad input (no nginx, no build, a malformed URL or port) stops it with one line and exit code 1.
 * `--check` only says which nginx it would use (the test command runs it first).
 */
import { resolve } from 'node:path'
import {
  findNginx,
  NO_NGINX,
  ServeProdError,
  startLocalNginx,
  upstreamServer,
} from '../deploy/nginx/startLocalNginx.ts'

function port(raw: string): number {
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535) throw new ServeProdError(`CONSOLE_PORT is not a port: ${raw}`)
  return n
}

async function main(): Promise<void> {
  const env = process.env
  const nginx = findNginx(env)
  if (!nginx) throw new ServeProdError(NO_NGINX)
  if (process.argv.includes('--check')) {
    console.log(`nginx: ${nginx}`)
    return
  }
  const apiUrl = env.CATALYST_API_URL || 'http://127.0.0.1:8080'
  const server = await startLocalNginx({
    nginx,
    dist: resolve(env.CONSOLE_DIST || 'dist'),
    host: env.CONSOLE_HOST || '127.0.0.1',
    port: port(env.CONSOLE_PORT || '8081'),
    upstream: upstreamServer(apiUrl),
  })
  console.log(
    `[serve:prod] ${server.url} → nginx (${nginx}) serving ${env.CONSOLE_DIST || 'dist'}/, API ${apiUrl}`,
  )
  console.log(`[serve:prod] config and logs: ${server.runDir}`)
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    void server.stop().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  server.child.once('exit', (code) => {
    if (stopping) return
    console.error(`[serve:prod] nginx exited (${code}); see ${server.runDir}/error.log`)
    process.exit(1)
  })
}

main().catch((e: unknown) => {
  console.error(e instanceof ServeProdError ? e.message : e)
  process.exit(1)
})
