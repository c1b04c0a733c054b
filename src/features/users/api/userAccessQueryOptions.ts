import { queryOptions } from '@tanstack/react-query'
import { UserAccessList } from '../../../contracts/users.ts'
import { apiFetch } from '../../../lib/http.ts'
import type { ConsoleMode } from '../../../lib/mode.ts'
import { userAccessPath } from '../userAccessModel.ts'

/**
 * The UserAccess list of a Sovereign: `GET /admin/user-access` on the Sovereign itself, or
 * `GET /deployments/{id}/admin/user-access` through the mothership. `{items: null}` parses as [] (regression 53).
 */
export function userAccessQueryOptions(mode: ConsoleMode, deploymentId: string) {
  return queryOptions({
    queryKey: ['deployments', deploymentId, 'user-access', mode],
    queryFn: ({ signal }) =>
      apiFetch(userAccessPath(mode, deploymentId), UserAccessList, { signal }).then((r) => r.items),
    enabled: mode === 'sovereign' || deploymentId !== '',
    staleTime: 10_000,
  })
}
