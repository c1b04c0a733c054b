import { SovereignApp } from '../../contracts/apps.ts'
import { apiFetch } from '../../lib/http.ts'

/**
 * `PATCH /sovereign/apps/{slug}/publish` `{published}` (Sovereign only): lists or unlists an app in the
 * Sovereign's marketplace; answers the app's row. 404 `app-not-found` / `not-a-sovereign`.
 */
export function publishApp(slug: string, published: boolean) {
  return apiFetch(`/v1/sovereign/apps/${encodeURIComponent(slug)}/publish`, SovereignApp, {
    method: 'PATCH',
    body: { published },
  })
}
