import { afterEach, describe, expect, it, vi } from 'vitest'

/** Fresh module state per test: `wanted` is read from storage once, when the module loads. */
async function load(stored: Record<string, string> = {}) {
  vi.resetModules()
  vi.stubGlobal('window', { localStorage: { getItem: (k: string) => stored[k] ?? null } })
  const wanted = await import('./runWatchersWanted.ts')
  const watches = await import('./runWatches.ts')
  return { ...wanted, ...watches }
}

afterEach(() => vi.unstubAllGlobals())

describe('runWatchersWanted', () => {
  it('is off at start when this browser kept no watch', async () => {
    const m = await load({ 'cc-theme': 'dark' })
    expect(m.runWatchersWanted()).toBe(false)
  })

  it('is on at start when a watch was kept (a reload mid-run resumes watching)', async () => {
    const m = await load({ 'cc-run-watches': '["c1d2e3f4a5b6c7d8"]' })
    expect(m.runWatchersWanted()).toBe(true)
  })

  it('turns on, and tells the shell once, at the first opt-in', async () => {
    const m = await load()
    const listener = vi.fn()
    m.subscribeRunWatchersWanted(listener)
    m.watchRun('c1d2e3f4a5b6c7d8')
    m.watchRun('a1b2c3d4e5f6a7b8')
    expect(m.runWatchersWanted()).toBe(true)
    expect(listener).toHaveBeenCalledTimes(1)
    // Stays on when the list empties again: the loaded watcher just renders nothing.
    m.clearRunWatches()
    expect(m.runWatchersWanted()).toBe(true)
  })
})
