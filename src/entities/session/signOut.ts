import type { QueryClient } from '@tanstack/react-query'
import { LogoutResponse } from '../../contracts/auth.ts'
import { apiFetch } from '../../lib/http.ts'
import { clearNotifications } from '../../lib/notifications.ts'
import { clearRunWatches } from '../../lib/runWatches.ts'
import { forgetWizardDraft } from '../../lib/wizardDraftKey.ts'

/** Ends the session (`DELETE /auth/session`); newer backends answer with a Keycloak logout URL to visit. */
export function signOut() {
  return apiFetch('/v1/auth/session', LogoutResponse, { method: 'DELETE', on401: 'throw' })
}

/**
 * Signs out and forgets what this tab knew (cached queries, notifications, run watches) and the wizard draft this
 * browser kept (the next person here must not find the last one's organisation and email). The caller
 * then goes to the sign-in page. Used by the profile menu and the command palette.
 */
export async function endSession(queryClient: QueryClient): Promise<void> {
  try {
    await signOut()
  } catch {
    // The server session may already be gone (401) or the API be down: sign out locally anyway.
  }
  queryClient.clear()
  clearNotifications()
  forgetWizardDraft()
  clearRunWatches()
}
