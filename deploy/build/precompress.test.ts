import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { isCompressible, MIN_BYTES, precompressDir } from './precompress.ts'

let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

describe('precompressDir', () => {
  it('writes .br and .gz beside every text file worth it, decompressing to the original', async () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'))
    mkdirSync(join(dir, 'assets'))
    const js = `export const x = ${JSON.stringify('catalyst '.repeat(500))}\n`
    writeFileSync(join(dir, 'assets/app-1a2b.js'), js)
    writeFileSync(join(dir, 'assets/app-1a2b.css'), `.a{color:red}\n`.repeat(200))
    writeFileSync(join(dir, 'index.html'), '<!doctype html>') // too small to be worth it
    writeFileSync(join(dir, 'assets/logo.png'), Buffer.alloc(5000, 1)) // already compressed formats: no
    writeFileSync(join(dir, 'assets/app-1a2b.js.map'), JSON.stringify({ mappings: 'A'.repeat(5000) }))

    expect(await precompressDir(dir)).toBe(4)
    expect(readdirSync(join(dir, 'assets')).sort()).toEqual([
      'app-1a2b.css',
      'app-1a2b.css.br',
      'app-1a2b.css.gz',
      'app-1a2b.js',
      'app-1a2b.js.br',
      'app-1a2b.js.gz',
      'app-1a2b.js.map',
      'logo.png',
    ])
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets/app-1a2b.js.br'))).toString()).toBe(js)
    expect(gunzipSync(readFileSync(join(dir, 'assets/app-1a2b.js.gz'))).toString()).toBe(js)
  })

  it('chooses by type and size', () => {
    expect(isCompressible('a.js', MIN_BYTES)).toBe(true)
    expect(isCompressible('a.svg', 5000)).toBe(true)
    expect(isCompressible('a.js', MIN_BYTES - 1)).toBe(false)
    expect(isCompressible('a.js.map', 50_000)).toBe(false)
    expect(isCompressible('a.js.br', 50_000)).toBe(false)
    expect(isCompressible('a.woff2', 50_000)).toBe(false)
  })
})
