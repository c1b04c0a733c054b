import { LogoutResponse } from '../../contracts/auth.ts'
import { apiFetch } from '../../lib/http.ts'

/** Ends the session (`DELETE /auth/session`); newer backends answer with a Keycloak logout URL to visit. */
export function signOut() {
  return apiFetch('/v1/auth/session', LogoutResponse, { method: 'DELETE', on401: 'throw' })
}
