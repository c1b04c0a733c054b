import { QueryClient, QueryObserver, queryOptions } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { ensureLoaded } from './ensureLoaded.ts'

/** A query whose fetch honours its abort signal and is released by hand. */
function slowQuery() {
  const calls: ((v: string) => void)[] = []
  const options = queryOptions({
    queryKey: ['slow'],
    queryFn: ({ signal }) =>
      new Promise<string>((resolve, reject) => {
        calls.push(resolve)
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      }),
    retry: false,
  })
  return { options, calls }
}

describe('ensureLoaded', () => {
  it('survives the fetch being cancelled because its last reader unmounted (React’s dev double mount)', async () => {
    const client = new QueryClient()
    const { options, calls } = slowQuery()
    const loading = ensureLoaded(client, options)
    // A component subscribes to the in-flight fetch, then unmounts: the query is cancelled.
    const unsubscribe = new QueryObserver(client, options).subscribe(() => {})
    unsubscribe()
    // Plain ensureQueryData would have rejected with CancelledError here; the loader asks again.
    await expect.poll(() => calls.length).toBe(2)
    calls[1]!('loaded')
    await expect(loading).resolves.toBe('loaded')
  })

  it('lets every other failure through at once', async () => {
    const client = new QueryClient()
    const failing = queryOptions({
      queryKey: ['failing'],
      queryFn: () => Promise.reject(new Error('the API said no')),
      retry: false,
    })
    await expect(ensureLoaded(client, failing)).rejects.toThrow('the API said no')
  })
})
