import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { moveSourcemapsOut, sourcemapDir } from './moveSourcemaps.ts'

let root: string | undefined
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true })
  root = undefined
})

describe('moveSourcemapsOut', () => {
  it('moves every map out of the served directory, keeping paths, and replaces an older set', async () => {
    root = mkdtempSync(join(tmpdir(), 'maps-'))
    const dist = join(root, 'dist')
    mkdirSync(join(dist, 'assets'), { recursive: true })
    writeFileSync(join(dist, 'assets/app-1.js'), 'x')
    writeFileSync(join(dist, 'assets/app-1.js.map'), '{"v":1}')
    writeFileSync(join(dist, 'assets/worker-2.js.map'), '{"v":2}')
    mkdirSync(join(root, 'dist-sourcemaps/assets'), { recursive: true })
    writeFileSync(join(root, 'dist-sourcemaps/assets/stale-0.js.map'), 'old')

    expect(await moveSourcemapsOut(dist)).toBe(2)
    expect(existsSync(join(dist, 'assets/app-1.js.map'))).toBe(false)
    expect(existsSync(join(dist, 'assets/app-1.js'))).toBe(true)
    expect(readFileSync(join(root, 'dist-sourcemaps/assets/app-1.js.map'), 'utf8')).toBe('{"v":1}')
    expect(readFileSync(join(root, 'dist-sourcemaps/assets/worker-2.js.map'), 'utf8')).toBe('{"v":2}')
    expect(existsSync(join(root, 'dist-sourcemaps/assets/stale-0.js.map'))).toBe(false)
  })

  it('names the artifact directory after the output directory', () => {
    expect(sourcemapDir('/src/dist')).toBe('/src/dist-sourcemaps')
    expect(sourcemapDir('/src/dist-prod/')).toBe('/src/dist-prod-sourcemaps')
  })
})
