/**
 * The one place that knows both URL trees. Every in-app link is built here from a page name and its
 * parameters, for the current mode:
 *
 *   page          mothership                                   sovereign
 *   jobs          /provision/<dep>/jobs                        /jobs
 *   job           /provision/<dep>/jobs/install-nbg1-1%3Acilium /jobs/install-nbg1-1%3Acilium
 *   dashboard     /provision/<dep>/dashboard                   /dashboard
 *   settings      /provision/<dep>/settings                    /settings
 *   notifications /notifications                               /notifications
 *
 * Paths are router paths (no basepath); `absoluteHref` adds the basepath for new tabs and copies.
 */
import type { ConsoleMode } from './mode.ts'

export type SearchValue = string | number | boolean | null | undefined | readonly string[]
export type Search = Record<string, SearchValue>

export type LinkTarget =
  | { page: 'home' }
  | { page: 'login'; next?: string | undefined; error?: string | undefined; email?: string | undefined }
  | { page: 'wizard' }
  | { page: 'deployments'; search?: Search }
  | { page: 'fleet' }
  | { page: 'compare'; search?: Search }
  | { page: 'overview'; deploymentId: string }
  | { page: 'jobs'; deploymentId: string; search?: Search }
  | { page: 'jobsTimeline'; deploymentId: string; search?: Search }
  | { page: 'job'; deploymentId: string; jobId: string; search?: Search; hash?: string }
  | { page: 'dashboard'; deploymentId: string; search?: Search }
  | { page: 'cloud'; deploymentId: string; search?: Search }
  | { page: 'apps'; deploymentId: string; search?: Search }
  | { page: 'app'; deploymentId: string; componentId: string }
  | { page: 'users'; deploymentId: string }
  | { page: 'userNew'; deploymentId: string }
  | { page: 'userEdit'; deploymentId: string; name: string }
  | { page: 'settings'; deploymentId: string }
  | { page: 'notifications'; search?: Search }

export type PageName = LinkTarget['page']

/** Characters left readable in query values (`?folded=a:b,c`), everything else percent-encoded. */
function encodeQueryValue(v: string): string {
  return encodeURIComponent(v)
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%2F/gi, '/')
    .replace(/%40/gi, '@')
}

/** Serialises search params: empty values dropped, arrays comma-joined, keys in insertion order. */
export function stringifySearch(search: Search | undefined): string {
  if (!search) return ''
  const parts: string[] = []
  for (const [k, v] of Object.entries(search)) {
    if (v === undefined || v === null || v === '' || v === false) continue
    const value = Array.isArray(v) ? v.join(',') : v === true ? '1' : String(v)
    if (Array.isArray(v) && v.length === 0) continue
    parts.push(`${encodeURIComponent(k)}=${encodeQueryValue(value)}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

/** Query string → flat record of strings (the last value of a repeated key wins). */
export function parseSearch(query: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of new URLSearchParams(query.startsWith('?') ? query.slice(1) : query)) out[k] = v
  return out
}

/**
 * The bare job name for URLs: a full id `<dep>:<jobName>` loses its deployment prefix; anything else is
 * already bare (`install-nbg1-1:cilium` keeps its colon — regression 25).
 */
export function bareJobName(deploymentId: string, jobId: string): string {
  return deploymentId && jobId.startsWith(`${deploymentId}:`) ? jobId.slice(deploymentId.length + 1) : jobId
}

const seg = encodeURIComponent

function pathOf(mode: ConsoleMode, t: LinkTarget): string {
  const sov = mode === 'sovereign'
  const dep = 'deploymentId' in t ? `/provision/${seg(t.deploymentId)}` : ''
  const scoped = (suffix: string) => (sov ? suffix || '/dashboard' : `${dep}${suffix}`)
  switch (t.page) {
    case 'home':
      return '/'
    case 'login':
      return '/login'
    case 'wizard':
      return sov ? '/dashboard' : '/wizard'
    case 'deployments':
      return sov ? '/dashboard' : '/deployments'
    case 'fleet':
      return sov ? '/dashboard' : '/app/dashboard'
    case 'compare':
      // Comparing runs is a mothership page: a Sovereign has one run, its own.
      return sov ? '/dashboard' : '/compare'
    case 'overview':
      return sov ? '/dashboard' : dep
    case 'jobs':
      return scoped('/jobs')
    case 'jobsTimeline':
      return scoped('/jobs/timeline')
    case 'job':
      return scoped(`/jobs/${seg(bareJobName(t.deploymentId, t.jobId))}`)
    case 'dashboard':
      return scoped('/dashboard')
    case 'cloud':
      return scoped('/cloud')
    case 'apps':
      return scoped('/apps')
    case 'app':
      return scoped(`/app/${seg(t.componentId)}`)
    case 'users':
      return scoped('/users')
    case 'userNew':
      return scoped('/users/new')
    case 'userEdit':
      return scoped(`/users/${seg(t.name)}`)
    case 'settings':
      return scoped('/settings')
    case 'notifications':
      return '/notifications'
  }
}

function searchOf(t: LinkTarget): Search | undefined {
  if (t.page === 'login') return { next: t.next, error: t.error, email: t.email }
  return 'search' in t ? t.search : undefined
}

/** Router path + query + hash for a target in `mode` (no basepath). */
export function linkTo(mode: ConsoleMode, target: LinkTarget): string {
  const hash = target.page === 'job' && target.hash ? `#${target.hash.replace(/^#/, '')}` : ''
  return `${pathOf(mode, target)}${stringifySearch(searchOf(target))}${hash}`
}

/** A router path with the basepath in front, for `href`s that leave the router (new tab, copy link). */
export function absoluteHref(basepath: string, routerPath: string): string {
  return `${basepath}${routerPath === '/' && basepath ? '' : routerPath}` || '/'
}

/**
 * The Sovereign console of `fqdn` as seen from this page: `https://console.<fqdn>/` in production,
 * `http://console.<fqdn>.localhost:<port>/` when this console itself runs on a `localhost` host.
 */
export function sovereignConsoleUrl(
  fqdn: string,
  here: { protocol: string; hostname: string; port: string },
): string {
  // The FQDN comes from the API: one that is not a host name (`evil.example/x?`, `a@evil.example`) would
  // spell a URL somewhere else entirely, so there is no console URL for it.
  if (!isHostName(fqdn)) return ''
  const local =
    here.hostname === 'localhost' || here.hostname.endsWith('.localhost') || here.hostname === '127.0.0.1'
  if (local) return `${here.protocol}//console.${fqdn}.localhost${here.port ? `:${here.port}` : ''}/`
  return `https://console.${fqdn}/`
}

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i

/** A DNS host name of at least two labels (`acme.omani.works`), nothing else. */
export function isHostName(name: string): boolean {
  if (name.length > 253) return false
  const labels = name.split('.')
  return labels.length >= 2 && labels.every((l) => HOST_LABEL.test(l))
}

/**
 * `raw` when it is an absolute http(s) URL, else undefined. URLs the API hands over for the browser to
 * follow (handover links) must never be `javascript:`, `data:` or relative tricks.
 */
export function httpUrlOrUndefined(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  try {
    const u = new URL(raw)
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined
  } catch {
    return undefined
  }
}

/** Splits a router href into the parts TanStack's `<Link>` takes (the path stays literal: `%3A` intact). */
export function splitHref(href: string): {
  to: string
  search: Record<string, string>
  hash: string | undefined
} {
  const hashAt = href.indexOf('#')
  const beforeHash = hashAt >= 0 ? href.slice(0, hashAt) : href
  const hash = hashAt >= 0 ? href.slice(hashAt + 1) : undefined
  const q = beforeHash.indexOf('?')
  return {
    to: q >= 0 ? beforeHash.slice(0, q) : beforeHash,
    search: q >= 0 ? parseSearch(beforeHash.slice(q)) : {},
    hash,
  }
}
