import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { exposeTestHook } from '../../lib/exposeTestHook.ts'

declare global {
  interface Window {
    /** Non-production only: the React Query caches as JSON, so e2e can prove no secret is cached. */
    __catalystQueryCacheDump?: () => string
  }
}

/** Installs the read-only cache probe in non-production builds (the e2e build is `--mode e2e`). */
export function useQueryCacheProbe(): void {
  const client = useQueryClient()
  useEffect(() => {
    return exposeTestHook('QueryCacheDump', () =>
      JSON.stringify({
        queries: client
          .getQueryCache()
          .getAll()
          .map((q) => ({ key: q.queryKey, data: q.state.data, error: String(q.state.error ?? '') })),
        mutations: client
          .getMutationCache()
          .getAll()
          .map((m) => ({ key: m.options.mutationKey, variables: m.state.variables, data: m.state.data })),
      }),
    )
  }, [client])
}
