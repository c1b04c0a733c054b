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

/**
 * Lowercases and trims; strips the port (also after an IPv6 literal), trailing dots and one trailing
 * `.localhost`. `console.t126.omani.works.localhost.:5173` → `console.t126.omani.works`.
 */
export function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase()
  if (h.startsWith('[')) {
    const end = h.indexOf(']')
    return end > 0 ? h.slice(0, end + 1) : h
  }
  h = h.replace(/:\d*$/, '').replace(/\.+$/, '')
  if (h.endsWith('.localhost')) h = h.slice(0, -'.localhost'.length).replace(/\.+$/, '')
  return h
}

const MOTHERSHIP_HOSTS = new Set(['', 'localhost', 'console.openova.io'])

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')
}

/** A DNS name of at least two labels (letters, digits, inner hyphens), not ending in a numeric label. */
function isFqdn(name: string): boolean {
  if (name.length === 0 || name.length > 253) return false
  const labels = name.split('.')
  if (labels.length < 2 || /^\d+$/.test(labels[labels.length - 1]!)) return false
  return labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))
}

/** `console.<fqdn>` → `<fqdn>`; undefined for a mothership host (or anything that is not a valid name). */
export function sovereignFqdnFromHost(host: string): string | undefined {
  const h = normaliseHost(host)
  if (MOTHERSHIP_HOSTS.has(h) || isIp(h) || !h.startsWith('console.')) return undefined
  const fqdn = h.slice('console.'.length)
  return isFqdn(fqdn) ? fqdn : undefined
}

export function detectMode(location: { host: string; pathname: string }, env: ModeEnv = {}): ModeInfo {
  const override = env.VITE_CATALYST_MODE?.trim().toLowerCase()
  const fromHost = sovereignFqdnFromHost(location.host)
  let mode: ConsoleMode = fromHost ? 'sovereign' : 'mothership'
  let sovereignFQDN = fromHost
  if (override === 'sovereign') {
    mode = 'sovereign'
    const fromEnv = env.VITE_SOVEREIGN_FQDN?.trim().toLowerCase().replace(/\.+$/, '')
    sovereignFQDN = fromEnv && isFqdn(fromEnv) ? fromEnv : fromHost
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
 * kept exactly (never lowercased or decoded: `%3A` must stay `%3A`). A doubled `/sovereign/sovereign/…`
 * collapses to one; on a Sovereign a stale `/sovereign/...` prefix is dropped (it only exists on the
 * mothership). Returns the full path including the basepath.
 */
export function canonicalPath(pathname: string, mode: ConsoleMode): string {
  let p = pathname.replace(/\/{2,}/g, '/')
  if (!p.startsWith('/')) p = `/${p}`
  const prefixed = (x: string) => x === '/sovereign' || x.startsWith('/sovereign/')
  while (prefixed(p) && prefixed(p.slice('/sovereign'.length))) p = p.slice('/sovereign'.length)
  if (mode === 'sovereign' && prefixed(p)) p = p.slice('/sovereign'.length) || '/'
  if (p.length > 1 && p.endsWith('/')) p = p.replace(/\/+$/, '') || '/'
  return p
}

/** The mode of this page, computed once at load. */
export const MODE: ModeInfo =
  typeof window === 'undefined'
    ? detectMode({ host: 'localhost', pathname: '/' })
    : detectMode(window.location, import.meta.env as ModeEnv)
