/**
 * Where an app can be reached. On a Sovereign `/sovereign/apps` reports the external URL; the mothership
 * has no such endpoint, so the well-known public hostnames of the bootstrap kit (`<host>.<fqdn>`, served by
 * the Sovereign's gateway) fill in. Pure.
 */
import { PUBLIC_HOST_OF_CHART } from '../../contracts/apps.ts'
import { safeExternalUrl } from './appModel.ts'

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
  const host = PUBLIC_HOST_OF_CHART[input.slug]
  const fqdn = input.sovereignFQDN?.toLowerCase()
  if (host && fqdn && FQDN.test(fqdn)) {
    const url = `https://${host}.${fqdn}/`
    if (!out.some((e) => e.url === url))
      out.push({ kind: 'public', label: 'Public hostname', url, address: `${host}.${fqdn}` })
  }
  return out
}
