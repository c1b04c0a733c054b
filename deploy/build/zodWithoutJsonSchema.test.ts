import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { KEPT, realExports, STUB_MESSAGE, STUBBED, stubSource } from './zodWithoutJsonSchema.ts'

const core = join(dirname(createRequire(import.meta.url).resolve('zod/v4/core')), '')
const modules = ['json-schema-processors', 'to-json-schema'].map((m) => join(core, `${m}.js`))
const dir = mkdtempSync(join(tmpdir(), 'zod-stub-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes the stub beside nothing (its one re-export is an absolute file URL) and imports it. */
async function importStub(path: string): Promise<Record<string, unknown>> {
  const src = stubSource(path, await realExports(path)).replace(
    /from "([^"]+)\?zod-real"/,
    (_, p: string) => `from ${JSON.stringify(pathToFileURL(p).href)}`,
  )
  const file = join(dir, `${Math.random().toString(36).slice(2)}.mjs`)
  writeFileSync(file, src)
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>
}

describe('zodWithoutJsonSchema', () => {
  it('matches exactly the two generator modules of the installed Zod', () => {
    for (const m of modules) expect(STUBBED.test(m), m).toBe(true)
    expect(STUBBED.test(join(core, 'schemas.js'))).toBe(false)
    expect(STUBBED.test(join(core, 'json-schema-generator.js'))).toBe(false)
  })

  it('stubs every export of the real module, so the schema classes still link (a Zod upgrade that adds one is covered)', async () => {
    for (const m of modules) {
      const real = await realExports(m)
      const stub = await importStub(m)
      expect(Object.keys(stub).sort(), m).toEqual(Object.keys(real).sort())
    }
  })

  it('keeps the helpers schemas use outside generation, and generation throws a message naming the plugin', async () => {
    const [processorsPath, toJsonPath] = modules as [string, string]
    const processors = await importStub(processorsPath)
    const real = (await import(/* @vite-ignore */ pathToFileURL(processorsPath).href)) as Record<
      string,
      unknown
    >
    for (const k of KEPT['json-schema-processors']!) expect(processors[k]).toBe(real[k])
    expect(() => (processors.toJSONSchema as () => unknown)()).toThrow(STUB_MESSAGE)
    expect(() => (processors.stringProcessor as () => unknown)()).toThrow(STUB_MESSAGE)

    const toJson = await importStub(toJsonPath)
    // Called when a schema's `~standard` is read (TanStack Router validates search params through it).
    const method = (toJson.createStandardJSONSchemaMethod as () => () => unknown)()
    expect(typeof method).toBe('function')
    expect(() => method()).toThrow(STUB_MESSAGE)
  })

  it('refuses a path that is not one of the generator modules', () => {
    expect(() => stubSource(join(core, 'schemas.js'), {})).toThrow(/not a Zod JSON Schema module/)
  })
})
