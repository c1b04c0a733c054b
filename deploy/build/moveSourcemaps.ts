/**
 * Build plugin: source maps are a build artifact, not something the console serves. The build writes them
 * `hidden` (no `sourceMappingURL` comment, so no browser ever asks for one) and this moves every `.map`
 * out of the output directory into `<outDir>-sourcemaps/` (same relative paths), for error symbolication.
 * So the image — which copies only `dist/` — cannot contain them, whatever the nginx config says (it also
 * answers 404 for `*.map`, as a second line).
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'

/** Where the maps of a build in `outDir` go. */
export function sourcemapDir(outDir: string): string {
  return `${outDir.replace(/[/\\]+$/, '')}-sourcemaps`
}

/** Moves every `*.map` under `outDir` to `sourcemapDir(outDir)`, replacing an older set. Returns the count. */
export async function moveSourcemapsOut(outDir: string): Promise<number> {
  const target = sourcemapDir(outDir)
  await rm(target, { recursive: true, force: true })
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true })
  let moved = 0
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.map')) continue
    const from = join(e.parentPath, e.name)
    const to = join(target, relative(outDir, from))
    await mkdir(dirname(to), { recursive: true })
    await rename(from, to)
    moved++
  }
  return moved
}

export function moveSourcemaps(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'catalyst-move-sourcemaps',
    apply: 'build',
    // Before the precompress plugin's closeBundle, so no map is ever compressed either.
    enforce: 'pre',
    configResolved(c) {
      config = c
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir)
      const n = await moveSourcemapsOut(outDir)
      config.logger.info(`source maps: ${n} moved to ${relative(config.root, sourcemapDir(outDir))}/`)
    },
  }
}
