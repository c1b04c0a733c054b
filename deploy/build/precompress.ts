/**
 * Build plugin: writes `<file>.br` and `<file>.gz` beside every compressible file of the production build,
 * so nginx serves them with `brotli_static`/`gzip_static` and never compresses anything on the fly (which
 * would cost CPU per request and buffer an SSE stream). Maximum levels: it is paid once per build.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin, ResolvedConfig } from 'vite'

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|wasm)$/
/** Below this a compressed copy saves less than the request's own headers. */
export const MIN_BYTES = 1024

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(path)
    else if (entry.isFile()) yield path
  }
}

/** Which files get compressed copies: text formats, at least `MIN_BYTES`, never source maps. */
export function isCompressible(path: string, size: number): boolean {
  return COMPRESSIBLE.test(path) && size >= MIN_BYTES
}

/** Compresses every eligible file under `dir`; a copy is kept only if it is smaller. Returns the count. */
export async function precompressDir(dir: string): Promise<number> {
  const jobs: Promise<number>[] = []
  for await (const path of walk(dir)) {
    jobs.push(
      (async () => {
        const { size } = await stat(path)
        if (!isCompressible(path, size)) return 0
        const raw = await readFile(path)
        const [br, gzipped] = await Promise.all([
          brotli(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
          gz(raw, { level: constants.Z_BEST_COMPRESSION }),
        ])
        let written = 0
        if (br.length < raw.length) {
          await writeFile(`${path}.br`, br)
          written++
        }
        if (gzipped.length < raw.length) {
          await writeFile(`${path}.gz`, gzipped)
          written++
        }
        return written
      })(),
    )
  }
  return (await Promise.all(jobs)).reduce((a, b) => a + b, 0)
}

/** Production builds only: the e2e and bench builds are served by `vite preview`, which ignores them. */
export function precompress(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'catalyst-precompress',
    apply: (_config, env) => env.command === 'build' && env.mode === 'production',
    configResolved(c) {
      config = c
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir)
      const n = await precompressDir(outDir)
      config.logger.info(`precompressed: ${n} .br/.gz files in ${config.build.outDir}`)
    },
  }
}
