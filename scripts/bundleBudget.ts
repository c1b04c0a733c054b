/**
 * What the first route costs: the entry's static closure (what index.html loads and preloads) plus the
 * lazily loaded `/deployments` screen and its static closure, brotli-compressed chunk by chunk as nginx
 * serves them (deploy/build/precompress.ts). Shared by `npm test` (scripts/check-bundle.ts) and the bench.
 */
import { brotliCompressSync, constants } from 'node:zlib'

export interface BudgetChunk {
  fileName: string
  isEntry: boolean
  facadeModuleId: string | null
  imports: string[]
}

/** Issue 17's targets, brotli kB. */
export const FIRST_ROUTE_MAX_KB = 150
export const ENTRY_MAX_KB = 125
export const FIRST_SCREEN = 'src/features/deployments/list/DeploymentsScreen.tsx'

/** Static closure of chunks reachable from `start` through static imports. */
export function closure(chunks: readonly BudgetChunk[], start: readonly string[]): Set<string> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]))
  const seen = new Set<string>()
  const stack = [...start]
  while (stack.length) {
    const f = stack.pop()!
    if (seen.has(f)) continue
    seen.add(f)
    for (const i of byName.get(f)?.imports ?? []) stack.push(i)
  }
  return seen
}

/** The entry closure and the first route's closure (entry + the /deployments screen). */
export function firstRouteFiles(chunks: readonly BudgetChunk[]): { entry: Set<string>; first: Set<string> } {
  const entry = chunks.find((c) => c.isEntry)
  if (!entry) throw new Error('bundle has no entry chunk')
  const screen = chunks.find((c) => c.facadeModuleId?.endsWith(FIRST_SCREEN))
  if (!screen) throw new Error(`no chunk for ${FIRST_SCREEN}: is it still a lazy route?`)
  return {
    entry: closure(chunks, [entry.fileName]),
    first: closure(chunks, [entry.fileName, screen.fileName]),
  }
}

/** What breaks the budget (empty: within it). Both limits are issue 17's targets, brotli kB. */
export function overBudget(firstKb: number, entryKb: number): string[] {
  const out: string[] = []
  if (firstKb > FIRST_ROUTE_MAX_KB)
    out.push(`the first route grew past ${FIRST_ROUTE_MAX_KB} kB brotli (${firstKb.toFixed(1)} kB)`)
  if (entryKb > ENTRY_MAX_KB)
    out.push(`the entry and its preloads grew past ${ENTRY_MAX_KB} kB brotli (${entryKb.toFixed(1)} kB)`)
  return out
}

export const brotliKb = (code: Uint8Array | string): number =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length / 1024
