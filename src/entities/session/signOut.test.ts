import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { runWatchesSnapshot, watchRun } from '../../lib/runWatches.ts'
import { wizardDraftKey } from '../../lib/wizardDraftKey.ts'
import { endSession } from './signOut.ts'

function memoryStorage(seed: Record<string, string>) {
  const m = new Map(Object.entries(seed))
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    keys: () => [...m.keys()],
  }
}

describe('endSession', () => {
  afterEach(() => vi.unstubAllGlobals())

  it.each([
    ['the server ends the session', 200],
    ['the session had already ended (401)', 401],
  ])('forgets the wizard draft and the run watches when %s', async (_what, status) => {
    const local = memoryStorage({
      [wizardDraftKey()]: '{"orgName":"Acme","orgEmail":"a@b.c"}',
      'cc-theme': 'dark',
    })
    vi.stubGlobal('window', { localStorage: local, sessionStorage: memoryStorage({}) })
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(status === 200 ? '{}' : '{"error":"unauthenticated"}', { status })),
    )
    const qc = new QueryClient()
    qc.setQueryData(['x'], 1)
    watchRun('c1d2e3f4a5b6c7d8')
    await endSession(qc)
    expect(runWatchesSnapshot()).toEqual([])
    expect(local.keys()).toEqual(['cc-theme'])
    expect(qc.getQueryData(['x'])).toBeUndefined()
  })
})
