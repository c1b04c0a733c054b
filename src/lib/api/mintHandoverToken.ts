import { MintHandoverToken } from '../../contracts/deployments.ts'
import { apiFetch } from '../http.ts'

/**
 * `POST /deployments/{id}/mint-handover-token`: a fresh 5-minute handover link (the one in the record may
 * be older than its token). A plain call, never a query or a mutation: the token is a credential for the
 * Sovereign, so it lives only in the caller's hands and in no cache. 409 `not-handover-ready` unless the
 * deployment is `ready` (newer builds also refuse once it is adopted: single use).
 */
export function mintHandoverToken(id: string) {
  return apiFetch(`/v1/deployments/${encodeURIComponent(id)}/mint-handover-token`, MintHandoverToken, {
    method: 'POST',
  })
}
