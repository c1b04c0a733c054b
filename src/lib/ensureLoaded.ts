import {
  isCancelledError,
  type EnsureQueryDataOptions,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query'

/** How often a cancelled load is asked again before its error stands. */
const CANCELLED_RETRIES = 3

/**
 * `ensureQueryData` for route loaders. A loader's fetch is shared with the components that read the same
 * query; when every one of them unmounts while it is in flight — React's development double mount does
 * exactly that on a first render — TanStack Query cancels it, and the loader would fail with a bare
 * `CancelledError` ("This page could not be loaded" for nothing). A cancelled load is simply asked again.
 */
export async function ensureLoaded<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  client: QueryClient,
  options: EnsureQueryDataOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<TData> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.ensureQueryData(options)
    } catch (e) {
      if (!isCancelledError(e) || attempt >= CANCELLED_RETRIES) throw e
    }
  }
}
