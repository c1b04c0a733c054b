/**
 * The one way app code hands read-only state to e2e tests and benchmarks (convention 9): the handle is put on
 * `window.__catalyst<name>`, typed for its readers by the `declare global` next to the handle's type.
 *
 * Compiled out of production builds: `import.meta.env.MODE` is a build-time constant, so in `vite build`
 * (mode `production`) the body is an early `return` and the minifier drops the rest — including the
 * `__catalyst` prefix. `scripts/check-bundle.ts` builds production and fails if any `__catalyst` text survives
 * (`testHookLeaks`). The e2e build (`--mode e2e`) and dev keep the hooks.
 *
 * Returns the disposer for an effect's cleanup: it removes the handle only if it is still this one, so a
 * remount that installed a newer handle first is not undone.
 */
export function exposeTestHook(name: string, handle: unknown): () => void {
  if (import.meta.env.MODE === 'production') return noop
  const key = `${TEST_HOOK_PREFIX}${name}`
  const slots = window as unknown as Record<string, unknown>
  slots[key] = handle
  return () => {
    if (slots[key] === handle) delete slots[key]
  }
}

/** The prefix every hook's window slot carries (what `scripts/testHookLeaks.ts` looks for). */
const TEST_HOOK_PREFIX = '__catalyst'

function noop(): void {}
