/**
 * Build plugin: Zod's JSON Schema generator left out of the console's bundle.
 *
 * Zod 4 wires JSON Schema generation into every schema class (`processJSONSchema` closures, the
 * `toJSONSchema()` method, `~standard.jsonSchema`), so no tree-shaker can drop it, and the console's
 * entry needs Zod (route search schemas, the session contract): ~6 kB brotli of code the console never runs.
 * The plugin swaps the two generator modules for stubs with the same exports: generating a JSON Schema
 * throws, everything else (parse, safeParse, `~standard.validate`, the `.minLength`/`.format` getters,
 * which need the real `aggregateChecks`) is untouched. Vitest and the mock import the real modules.
 */
import { readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import type { Plugin } from 'vite'

/** The generator modules (zod/v4/core, ESM). */
export const STUBBED = /[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/
/** Exports the stub takes from the real module: pure helpers the schema classes use outside generation. */
export const KEPT: Record<string, readonly string[]> = {
  'json-schema-processors': ['aggregateChecks'],
  'to-json-schema': [],
}
const REAL = '?zod-real'

export const STUB_MESSAGE =
  'JSON Schema generation is not part of the console build (deploy/build/zodWithoutJsonSchema.ts)'

/**
 * The stub's source for the module at `path` with these export names and kinds: functions throw, except
 * the `create…Method` factories (called when a schema's `~standard` is read), which return a function that
 * throws; objects are empty; `KEPT` names are re-exported from the real module.
 */
export function stubSource(path: string, exports: Record<string, 'function' | 'object'>): string {
  const name = STUBBED.exec(path)?.[1]
  if (!name) throw new Error(`not a Zod JSON Schema module: ${path}`)
  const kept = new Set(KEPT[name])
  const lines = [`const fail = () => { throw new Error(${JSON.stringify(STUB_MESSAGE)}) }`]
  const reexports = [...kept].filter((k) => k in exports)
  if (reexports.length) lines.push(`export { ${reexports.join(', ')} } from ${JSON.stringify(path + REAL)}`)
  for (const [key, kind] of Object.entries(exports)) {
    if (kept.has(key)) continue
    const value = kind === 'object' ? '{}' : /^create\w*Method$/.test(key) ? '() => fail' : 'fail'
    lines.push(
      key === 'default'
        ? `export default ${value}`
        : `const _${key} = ${value}; export { _${key} as ${key} }`,
    )
  }
  return `${lines.join('\n')}\n`
}

/** The export names and kinds of the real module (Node imports it: it is plain ESM without side effects). */
export async function realExports(path: string): Promise<Record<string, 'function' | 'object'>> {
  const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>
  return Object.fromEntries(
    Object.entries(mod).map(([k, v]) => [k, typeof v === 'function' ? 'function' : 'object'] as const),
  )
}

export function zodWithoutJsonSchema(): Plugin {
  return {
    name: 'catalyst-zod-without-json-schema',
    apply: 'build',
    enforce: 'pre',
    async load(id) {
      if (id.endsWith(REAL)) return readFile(id.slice(0, -REAL.length), 'utf8')
      if (!STUBBED.test(id)) return null
      return stubSource(id, await realExports(id))
    },
  }
}
