import { z } from 'zod'
import { apiFetch, apiUrl } from '../../lib/http.ts'

const path = (deploymentId: string) => `/v1/deployments/${encodeURIComponent(deploymentId)}/kubeconfig`

/**
 * The absolute URL of the primary region's kubeconfig download: a link to share or paste into `curl` with
 * the session cookie. The link is not the secret — the API asks for the session on every download.
 */
export function kubeconfigLink(deploymentId: string, origin: string): string {
  return new URL(apiUrl(path(deploymentId)), origin).href
}

/**
 * `GET /deployments/{id}/kubeconfig[?region=<key>]` (the primary has no key): the YAML as text. 409
 * `not-implemented` until cloud-init posted it back, 409 `kubeconfig-file-missing` when the file is gone.
 * A secret: callers hand it straight to a download, never to a cache or storage.
 */
export function fetchKubeconfig(deploymentId: string, regionKey?: string): Promise<string> {
  return apiFetch(path(deploymentId), z.string(), {
    query: { region: regionKey },
    parseBody: (text) => Promise.resolve(text),
  })
}

/**
 * `PUT /deployments/{id}/kubeconfig[?region=<key>]` with the per-region cloud-init bearer (what a node
 * does; for a break-glass re-upload): 204. 401 `missing-bearer`; 403 `no-bearer-hash` / `invalid-bearer` /
 * `already-set` (single use); 422 `empty-body` / `body-too-large` (> 1 MiB).
 */
export function uploadKubeconfig(
  deploymentId: string,
  regionKey: string | undefined,
  bearer: string,
  yaml: string,
): Promise<null> {
  return apiFetch(path(deploymentId), z.null(), {
    method: 'PUT',
    query: { region: regionKey },
    headers: { authorization: `Bearer ${bearer}` },
    rawBody: { text: yaml, contentType: 'application/yaml' },
  })
}

/** Room for a 63-character label and a region key, well under every filesystem's 255-byte limit. */
const MAX_FILE_STEM = 120

/**
 * The download's file name: `<subdomain>[-<region>].yaml` (what the API's Content-Disposition says). Both
 * parts come from the API and may be hostile (`../`, NUL, quotes, bidi controls, 500 characters), so the
 * name keeps only `[a-z0-9.-]`, never starts with a dot or hyphen (no hidden file, no option-like name),
 * is bounded, and always ends in `.yaml`.
 */
export function kubeconfigFileName(fqdn: string, region?: string): string {
  const clean = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/\.{2,}/g, '.')
      .replace(/-{2,}/g, '-')
      .replace(/^[.-]+|[.-]+$/g, '')
  const label = clean(fqdn.split('.')[0] ?? '') || clean(fqdn) || 'kubeconfig'
  const suffix = region ? clean(region) : ''
  const stem = (suffix ? `${label}-${suffix}` : label).slice(0, MAX_FILE_STEM).replace(/[.-]+$/g, '')
  return `${stem || 'kubeconfig'}.yaml`
}
