import { z } from 'zod'
import { apiFetch } from '../../lib/http.ts'

const path = (deploymentId: string) => `/v1/deployments/${encodeURIComponent(deploymentId)}/kubeconfig`

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
