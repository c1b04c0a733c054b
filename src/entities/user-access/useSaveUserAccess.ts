import { useMutation, useQueryClient } from '@tanstack/react-query'
import { UserAccess, type UserAccessSpec } from '../../contracts/users.ts'
import { apiFetch } from '../../lib/http.ts'
import type { ConsoleMode } from '../../lib/mode.ts'
import { userAccessPath } from './userAccessPath.ts'
import { userAccessQueryOptions } from './userAccessQueries.ts'

export type SaveUserAccess =
  | { kind: 'create'; name: string; spec: UserAccessSpec }
  | { kind: 'update'; name: string; spec: UserAccessSpec }

/** POST (create) or PUT (update) one record; the list is refreshed with the server's answer. */
export function useSaveUserAccess(mode: ConsoleMode, deploymentId: string) {
  const queryClient = useQueryClient()
  const list = userAccessQueryOptions(mode, deploymentId)
  return useMutation({
    mutationFn: (req: SaveUserAccess) =>
      req.kind === 'create'
        ? apiFetch(userAccessPath(mode, deploymentId), UserAccess, {
            method: 'POST',
            body: { name: req.name, spec: req.spec },
          })
        : apiFetch(userAccessPath(mode, deploymentId, req.name), UserAccess, {
            method: 'PUT',
            body: { spec: req.spec },
          }),
    onSuccess: (saved) => {
      queryClient.setQueryData(list.queryKey, (old) =>
        old ? [...old.filter((u) => u.name !== saved.name), saved] : old,
      )
      return queryClient.invalidateQueries({ queryKey: list.queryKey })
    },
  })
}
