import { queryOptions } from '@tanstack/react-query'
import { UserAccessList } from '../../contracts/users.ts'
import { apiFetch } from '../../lib/http.ts'
import type { ConsoleMode } from '../../lib/mode.ts'
import { deploymentKeys } from '../deployment/deploymentKeys.ts'
import { userAccessPath } from './userAccessPath.ts'

export const userAccessKeys = {
  list: (mode: ConsoleMode, deploymentId: string) =>
    [...deploymentKeys.scope(deploymentId), 'user-access', mode] as const,
}

/**
 * The UserAccess list of a Sovereign: `GET /admin/user-access` on the Sovereign itself, or
 * `GET /deployments/{id}/admin/user-access` through the mothership. `{items: null}` parses as [] (regression 53).
 */
export function userAccessQueryOptions(mode: ConsoleMode, deploymentId: string) {
  return queryOptions({
    queryKey: userAccessKeys.list(mode, deploymentId),
    queryFn: ({ signal }) =>
      apiFetch(userAccessPath(mode, deploymentId), UserAccessList, { signal }).then((r) => r.items),
    enabled: mode === 'sovereign' || deploymentId !== '',
    staleTime: 10_000,
  })
}
