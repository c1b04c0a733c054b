/**
 * Where an app can be reached. On a Sovereign `/sovereign/apps` reports the external URL; the mothership
 * has no such endpoint, so the well-known public hostnames of the bootstrap kit (`<host>.<fqdn>`, served by
 * the Sovereign's gateway) fill in. Pure.
 */
import { safeExternalUrl } from './appModel.ts'

/** Bootstrap-kit charts that publish a UI or API on the Sovereign's domain: slug → host label. */
export const KNOWN_PUBLIC_HOSTS: Readonly<Record<string, string>> = {
  'catalyst-platform': 'console',
  keycloak: 'auth',
  gitea: 'gitea',
  harbor: 'harbor',
  openbao: 'bao',
  grafana: 'grafana',
  powerdns: 'pdns',
  'openova-flow-server': 'openova-flow',
  guacamole: 'guacamole',
  newapi: 'api',
}

export interface AppEndpoint {
  kind: 'external' | 'public'
  label: string
  /** An http(s) URL, safe to link to. */
  url: string
  address: string
}

const FQDN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

export function appEndpoints(input: {
  slug: string
  externalURL: string | undefined
  sovereignFQDN: string | undefined
}): AppEndpoint[] {
  const out: AppEndpoint[] = []
  const external = safeExternalUrl(input.externalURL)
  if (external) out.push({ kind: 'external', label: 'External URL', url: external, address: external })
  const host = KNOWN_PUBLIC_HOSTS[input.slug]
  const fqdn = input.sovereignFQDN?.toLowerCase()
  if (host && fqdn && FQDN.test(fqdn)) {
    const url = `https://${host}.${fqdn}/`
    if (!out.some((e) => e.url === url))
      out.push({ kind: 'public', label: 'Public hostname', url, address: `${host}.${fqdn}` })
  }
  return out
}
