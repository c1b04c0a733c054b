/**
 * The deployments feature's own calls. Deliberately plain functions, not `useMutation`: React Query keeps a
 * mutation's variables in its cache, and the wipe and launch variables carry a provider token. These are
 * called from event handlers; the token lives only in the argument for the one request.
 */
import { type z } from 'zod'
import {
  CreateDeploymentResponse,
  DeleteResult,
  MintHandoverToken,
  WipeResult,
  type DeploymentRequest,
} from '../../../contracts/deployments.ts'
import { CredentialsValidateResponse, SubdomainCheckResponse } from '../../../contracts/wizard.ts'
import { apiFetch } from '../../../lib/http.ts'

const dep = (id: string) => `/v1/deployments/${encodeURIComponent(id)}`

/** `DELETE /deployments/{id}`: the record only; the cloud keeps running. */
export function deleteDeploymentRecord(id: string) {
  return apiFetch(dep(id), DeleteResult, { method: 'DELETE' })
}

/** `POST /deployments/{id}/wipe[?force=true]` with the provider token in the body (never the URL). */
export function wipeDeployment(id: string, hetznerToken: string, force: boolean) {
  return apiFetch(`${dep(id)}/wipe`, WipeResult, {
    method: 'POST',
    body: { hetznerToken },
    ...(force ? { query: { force: 'true' } } : {}),
  })
}

export function createDeployment(body: z.input<typeof DeploymentRequest>) {
  return apiFetch('/v1/deployments', CreateDeploymentResponse, { method: 'POST', body })
}

export function checkSubdomain(subdomain: string, poolDomain: string, signal?: AbortSignal) {
  return apiFetch('/v1/subdomains/check', SubdomainCheckResponse, {
    method: 'POST',
    body: { subdomain, poolDomain },
    signal,
  })
}

export function validateCredentials(token: string) {
  return apiFetch('/v1/credentials/validate', CredentialsValidateResponse, {
    method: 'POST',
    body: { provider: 'hetzner', token },
  })
}

/** A fresh 5-minute handover link (the one in the record may be older than its token). */
export function mintHandoverToken(id: string) {
  return apiFetch(`${dep(id)}/mint-handover-token`, MintHandoverToken, { method: 'POST' })
}
