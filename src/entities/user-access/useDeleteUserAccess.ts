import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { apiFetch } from '../../lib/http.ts'
import type { ConsoleMode } from '../../lib/mode.ts'
import { userAccessPath } from './userAccessPath.ts'
import { userAccessQueryOptions } from './userAccessQueries.ts'

/**
 * DELETE one record (204); the row leaves the cached list at once, then the list is re-read.
 * `onDeleted` runs first and is awaited — a page showing the deleted record navigates away before the
 * cache forgets it (otherwise it would flash "not found" and unmount mid-mutation).
 */
export function useDeleteUserAccess(
  mode: ConsoleMode,
  deploymentId: string,
  opts: { onDeleted?: ((name: string) => Promise<unknown> | void) | undefined } = {},
) {
  const queryClient = useQueryClient()
  const list = userAccessQueryOptions(mode, deploymentId)
  return useMutation({
    mutationFn: (name: string) =>
      apiFetch(userAccessPath(mode, deploymentId, name), z.unknown(), { method: 'DELETE' }),
    onSuccess: async (_data, name) => {
      await opts.onDeleted?.(name)
      queryClient.setQueryData(list.queryKey, (old) => old?.filter((u) => u.name !== name))
      return queryClient.invalidateQueries({ queryKey: list.queryKey })
    },
  })
}
