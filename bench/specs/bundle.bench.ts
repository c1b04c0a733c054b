import { test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { record } from '../record.ts'
import { ENTRY_MAX_KB, FIRST_ROUTE_MAX_KB, firstRouteFiles } from '../../scripts/bundleBudget.ts'

interface Chunk {
  fileName: string
  isEntry: boolean
  facadeModuleId: string | null
  imports: string[]
  dynamicImports: string[]
  moduleIds: string[]
}

const dist = fileURLToPath(new URL('../../dist/', import.meta.url))

const sizes = (files: Iterable<string>) => {
  let raw = 0
  let gz = 0
  let br = 0
  for (const f of files) {
    const buf = readFileSync(`${dist}${f}`)
    raw += buf.length
    gz += gzipSync(buf, { level: 9 }).length
    br += brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
  }
  return { raw: raw / 1024, gz: gz / 1024, br: br / 1024 }
}

test('bundle: first route (/deployments) vs the whole app', async ({}, testInfo) => {
  const report = JSON.parse(readFileSync(`${dist}bundle-report.json`, 'utf8')) as { chunks: Chunk[] }
  const byName = new Map(report.chunks.map((c) => [c.fileName, c]))
  // The first route = the entry's static closure (index.html's script and preloads) + the lazily loaded
  // screen of /deployments and its closure.
  const { entry, first } = firstRouteFiles(report.chunks)
  const firstModules = [...first].flatMap((f) => byName.get(f)?.moduleIds ?? [])
  const heavy = ['d3-force', '@xterm/xterm', 'd3-hierarchy', 'd3-zoom', '/src/graph/', '/src/canvas/']
  const leaked = heavy.filter((h) => firstModules.some((m) => m.includes(h)))
  const firstSize = sizes(first)
  const entrySize = sizes(entry)
  const all = sizes(report.chunks.map((c) => c.fileName))
  await record(
    testInfo,
    {
      scenario: 'Bundle',
      metric: 'first route JS (/deployments), brotli',
      unit: 'kB',
      p50: firstSize.br,
      p95: firstSize.br,
      samples: first.size,
      target: `≤ ${FIRST_ROUTE_MAX_KB} kB`,
      met: firstSize.br <= FIRST_ROUTE_MAX_KB && leaked.length === 0,
      note: `gzip ${firstSize.gz.toFixed(1)} kB, raw ${firstSize.raw.toFixed(0)} kB, ${first.size} chunks; heavy code in it: ${leaked.length ? leaked.join(', ') : 'none'}`,
    },
    {
      scenario: 'Bundle',
      metric: 'JS referenced by index.html (entry + preloads), brotli',
      unit: 'kB',
      p50: entrySize.br,
      p95: entrySize.br,
      samples: entry.size,
      target: `≤ ${ENTRY_MAX_KB} kB`,
      met: entrySize.br <= ENTRY_MAX_KB,
      note: `gzip ${entrySize.gz.toFixed(1)} kB, raw ${entrySize.raw.toFixed(0)} kB, ${entry.size} chunks`,
    },
    {
      scenario: 'Bundle',
      metric: 'whole app JS, brotli',
      unit: 'kB',
      p50: all.br,
      p95: all.br,
      samples: report.chunks.length,
      note: `gzip ${all.gz.toFixed(1)} kB, raw ${all.raw.toFixed(0)} kB, ${report.chunks.length} chunks`,
    },
  )
})
