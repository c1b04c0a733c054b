import { QueryClient } from '@tanstack/react-query'
import { isApiError } from './http.ts'

/**
 * Defaults: data is fresh for 10 s; failed queries retry twice with backoff unless the answer was a
 * definite 4xx (retrying a 404 or 401 cannot help); mutations never retry (no duplicate side effects);
 * polling pauses while the tab is hidden (refetchIntervalInBackground false).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: true,
        refetchIntervalInBackground: false,
        retry: (count, error) => {
          if (isApiError(error) && error.kind === 'http' && error.status >= 400 && error.status < 500)
            return false
          return count < 2
        },
        retryDelay: (attempt) => Math.min(8000, 800 * 2 ** attempt),
      },
      mutations: { retry: false },
    },
  })
}
