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
} from '../../contracts/deployments.ts'
import {
  CredentialsValidateResponse,
  RegistrarValidateResponse,
  SshKeyPair,
  SubdomainCheckResponse,
  type Registrar,
} from '../../contracts/wizard.ts'
import { apiFetch, isApiError } from '../../lib/http.ts'

const dep = (id: string) => `/v1/deployments/${encodeURIComponent(id)}`

/** `DELETE /deployments/{id}`: the record only; the cloud keeps running. */
export function deleteDeploymentRecord(id: string, signal?: AbortSignal) {
  return apiFetch(dep(id), DeleteResult, { method: 'DELETE', signal })
}

/** `POST /deployments/{id}/wipe[?force=true]` with the provider token in the body (never the URL). */
export function wipeDeployment(id: string, hetznerToken: string, force: boolean, signal?: AbortSignal) {
  return apiFetch(`${dep(id)}/wipe`, WipeResult, {
    method: 'POST',
    body: { hetznerToken },
    secrets: [hetznerToken],
    ...(force ? { query: { force: 'true' } } : {}),
    signal,
  })
}

/**
 * `POST /deployments`. `idempotencyKey` names the launch attempt: the same key with the same body never
 * creates a second deployment where the server honours it (the mock does; contract §2.3).
 */
export function createDeployment(body: z.input<typeof DeploymentRequest>, idempotencyKey: string) {
  return apiFetch('/v1/deployments', CreateDeploymentResponse, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
    secrets: [body.hetznerToken, body.objectStorageAccessKey, body.objectStorageSecretKey],
  })
}

export function checkSubdomain(subdomain: string, poolDomain: string, signal?: AbortSignal) {
  return apiFetch('/v1/subdomains/check', SubdomainCheckResponse, {
    method: 'POST',
    body: { subdomain, poolDomain },
    signal,
  })
}

/**
 * `POST /credentials/validate` → the verdict and the status it came with. A refused token is an answer, not
 * an error: 200 `{valid:false}` (rejected), 400 `{valid:false}` (too short), 503 `{valid:false}` (Hetzner
 * unreachable). Anything else (a plain-text 400, a network error) throws.
 */
export async function validateCredentials(token: string): Promise<{ valid: boolean; status: number }> {
  try {
    const res = await apiFetch('/v1/credentials/validate', CredentialsValidateResponse, {
      method: 'POST',
      body: { provider: 'hetzner', token },
      secrets: [token],
    })
    return { valid: res.valid, status: 200 }
  } catch (e) {
    if (isApiError(e) && (e.status === 400 || e.status === 503)) {
      const verdict = CredentialsValidateResponse.safeParse(e.body)
      if (verdict.success) return { valid: false, status: e.status }
    }
    throw e
  }
}

/**
 * `POST /sshkey/generate`: a fresh ed25519 pair. A plain call (never a query or a mutation), so the
 * private key lives only in the caller's hands — in no cache.
 */
export function generateSshKey(fqdn: string) {
  return apiFetch('/v1/sshkey/generate', SshKeyPair, { method: 'POST', body: { fqdn } })
}

/**
 * `POST /registrar/{registrar}/validate` (BYO domain): the registrar token goes in the body only. Its 401
 * (`invalid-token`) is the registrar refusing the credentials, not our session ending: handled by the caller.
 */
export function validateRegistrar(registrar: Registrar, domain: string, token: string) {
  return apiFetch(`/v1/registrar/${encodeURIComponent(registrar)}/validate`, RegistrarValidateResponse, {
    method: 'POST',
    body: { domain, token },
    secrets: [token],
    on401: 'throw',
  })
}

/**
 * `POST /deployments/{id}/mint-handover-token`: a fresh 5-minute handover link (the one in the record may
 * be older than its token). A plain call, never a query or a mutation: the token is a credential for the
 * Sovereign, so it lives only in the caller's hands and in no cache. 409 `not-handover-ready` unless the
 * deployment is `ready` (newer builds also refuse once it is adopted: single use).
 */
export function mintHandoverToken(id: string) {
  return apiFetch(`${dep(id)}/mint-handover-token`, MintHandoverToken, { method: 'POST' })
}
