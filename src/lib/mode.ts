/**
 * The console's mode, decided once per page life from the host (like production) with a build-time
 * override: the mothership (`console.openova.io`, `localhost`, IPs, anything not `console.<fqdn>`) or
 * the Sovereign console of `<fqdn>` at `console.<fqdn>`. In development a trailing `.localhost` and the
 * port are ignored, so `console.t126.omani.works.localhost:5173` is the Sovereign `t126.omani.works`.
 */
export type ConsoleMode = 'mothership' | 'sovereign'

export interface ModeInfo {
  mode: ConsoleMode
  /** The Sovereign's FQDN (sovereign mode only). */
  sovereignFQDN: string | undefined
  /** Router basepath: `/sovereign` on the mothership when the URL starts with it, else ''. */
  basepath: '' | '/sovereign'
  /** Where the API lives: `<basepath>/api`. */
  apiBase: string
}

export interface ModeEnv {
  VITE_CATALYST_MODE?: string | undefined
  VITE_SOVEREIGN_FQDN?: string | undefined
}

/** Lowercases, strips the port and one trailing `.localhost` (and a trailing dot). */
export function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase()
  if (h.startsWith('[')) h = h.slice(0, h.indexOf(']') + 1)
  else h = h.replace(/:\d+$/, '')
  h = h.replace(/\.$/, '')
  if (h.endsWith('.localhost')) h = h.slice(0, -'.localhost'.length)
  return h
}

const MOTHERSHIP_HOSTS = new Set(['', 'localhost', 'console.openova.io'])

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')
}

/** `console.<fqdn>` → `<fqdn>`; undefined for a mothership host. */
export function sovereignFqdnFromHost(host: string): string | undefined {
  const h = normaliseHost(host)
  if (MOTHERSHIP_HOSTS.has(h) || isIp(h) || !h.startsWith('console.')) return undefined
  const fqdn = h.slice('console.'.length)
  return fqdn.length > 0 ? fqdn : undefined
}

export function detectMode(location: { host: string; pathname: string }, env: ModeEnv = {}): ModeInfo {
  const override = env.VITE_CATALYST_MODE?.trim().toLowerCase()
  const fromHost = sovereignFqdnFromHost(location.host)
  let mode: ConsoleMode = fromHost ? 'sovereign' : 'mothership'
  let sovereignFQDN = fromHost
  if (override === 'sovereign') {
    mode = 'sovereign'
    sovereignFQDN = env.VITE_SOVEREIGN_FQDN?.trim().toLowerCase() || fromHost
  } else if (override === 'catalyst-zero' || override === 'mothership') {
    mode = 'mothership'
    sovereignFQDN = undefined
  }
  const underSovereign = location.pathname === '/sovereign' || location.pathname.startsWith('/sovereign/')
  const basepath = mode === 'mothership' && underSovereign ? '/sovereign' : ''
  return { mode, sovereignFQDN, basepath, apiBase: `${basepath}/api` }
}

/**
 * The canonical form of a path: `//` collapsed, no trailing `/` (except the root). Percent-escapes are
 * kept exactly (never lowercased: `%3A` must stay `%3A`). On a Sovereign a stale `/sovereign/...` path
 * loses that prefix (it only exists on the mothership). Returns the full path including the basepath.
 */
export function canonicalPath(pathname: string, mode: ConsoleMode): string {
  let p = pathname.replace(/\/{2,}/g, '/')
  if (mode === 'sovereign' && (p === '/sovereign' || p.startsWith('/sovereign/')))
    p = p.slice('/sovereign'.length) || '/'
  if (p.length > 1 && p.endsWith('/')) p = p.replace(/\/+$/, '') || '/'
  return p || '/'
}

/** The mode of this page, computed once at load. */
export const MODE: ModeInfo =
  typeof window === 'undefined'
    ? detectMode({ host: 'localhost', pathname: '/' })
    : detectMode(window.location, import.meta.env as ModeEnv)
