/**
 * `npm test`'s bundle-size guard (the one timing-free performance check in the suite): builds the app
 * (production mode, as shipped) into a temporary directory — seconds with Vite 8, dist/ untouched — and fails
 * when the first route's JS (entry closure + the /deployments screen) or the entry closure alone (what
 * index.html loads and preloads) grows past issue 17's targets, brotli. It also fails when a test hook
 * (`window.__catalyst*`) survives into the production build (issue 14 item 4, `testHookLeaks.ts`).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, type Plugin } from 'vite'
import {
  brotliKb,
  ENTRY_MAX_KB,
  FIRST_ROUTE_MAX_KB,
  firstRouteFiles,
  overBudget,
  type BudgetChunk,
} from './bundleBudget.ts'
import { testHookLeaks } from './testHookLeaks.ts'

const chunks: (BudgetChunk & { code: string })[] = []
const capture: Plugin = {
  name: 'catalyst-bundle-budget',
  generateBundle(_options, bundle) {
    for (const c of Object.values(bundle))
      if (c.type === 'chunk')
        chunks.push({
          fileName: c.fileName,
          isEntry: c.isEntry,
          facadeModuleId: c.facadeModuleId,
          imports: c.imports,
          code: c.code,
        })
  },
}

const outDir = mkdtempSync(join(tmpdir(), 'catalyst-bundle-'))
try {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true }, plugins: [capture] })
  const code = new Map(chunks.map((c) => [c.fileName, c.code]))
  const sum = (files: Set<string>) => [...files].reduce((s, f) => s + brotliKb(code.get(f) ?? ''), 0)
  const { entry, first } = firstRouteFiles(chunks)
  const firstKb = sum(first)
  const entryKb = sum(entry)
  console.log(
    `bundle: first route (/deployments) ${firstKb.toFixed(1)} kB brotli (limit ${FIRST_ROUTE_MAX_KB}), ` +
      `entry + preloads ${entryKb.toFixed(1)} kB (limit ${ENTRY_MAX_KB})`,
  )
  for (const problem of overBudget(firstKb, entryKb)) {
    console.error(`bundle: ${problem} — load route-only code lazily`)
    process.exitCode = 1
  }
  const leaks = testHookLeaks(chunks)
  console.log(`bundle: test hooks in the production build: ${leaks.length} (must be 0)`)
  for (const leak of leaks) {
    console.error(`bundle: test hook in production code, ${leak} — install it with exposeTestHook()`)
    process.exitCode = 1
  }
} finally {
  rmSync(outDir, { recursive: true, force: true })
  rmSync(`${outDir}-sourcemaps`, { recursive: true, force: true })
}
