/**
 * Issue 14 item 4's build-output proof: test hooks (`src/lib/exposeTestHook.ts`) are compiled out of production
 * builds. `check-bundle.ts` (part of `npm test`) runs this over the production chunks it just built; any text
 * naming a hook's window slot is a leak (a hook installed by hand, or a call the minifier could not drop).
 */

/** The prefix `src/lib/exposeTestHook.ts` gives every hook's window slot (the scripts project cannot import app code). */
const TEST_HOOK_PREFIX = '__catalyst'

export interface BuiltChunk {
  fileName: string
  code: string
}

/** `file: __catalystName` for every hook slot named in the built code, sorted; empty when the build is clean. */
export function testHookLeaks(chunks: readonly BuiltChunk[]): string[] {
  const slot = new RegExp(`${TEST_HOOK_PREFIX}\\w*`, 'g')
  const leaks = new Set<string>()
  for (const c of chunks) for (const m of c.code.matchAll(slot)) leaks.add(`${c.fileName}: ${m[0]}`)
  return [...leaks].sort()
}
