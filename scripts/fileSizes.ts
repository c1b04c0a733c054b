/**
 * The file-size guard (issue 14 item 3: "no source file over ~450 lines unless it is data"). A file that
 * long usually holds several things that want names of their own; the guard keeps new ones from growing.
 *
 * Files already over the limit are listed in `OVERSIZED` with the size they had when listed: each may
 * shrink but never grow, and once it is under the limit its entry must go (the list only ever shrinks).
 * Tests and data (golden wire samples, fixtures) are exempt.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sourceFiles } from './docsReferences.ts'

export const MAX_LINES = 450

/** Source dirs the guard covers: the console and the mock API (tests, benches and e2e specs are not). */
export const GUARDED_DIRS = ['src', 'mock-api']

/**
 * Known oversized files, with the line count they had when listed. Each is a split still to do; the
 * number is a ceiling, not a target. Empty since every source file was split under the limit: keep it so.
 */
export const OVERSIZED: Readonly<Record<string, number>> = {}

const SOURCE = /\.(ts|tsx|mts|mjs)$/
const EXEMPT = [/\.test\.tsx?$/, /\.golden\.ts$/, /(^|\/)fixtures\//, /(^|\/)testing\//]

export function isGuarded(path: string): boolean {
  return SOURCE.test(path) && !EXEMPT.some((re) => re.test(path))
}

export function lineCount(text: string): number {
  if (text === '') return 0
  const n = text.split('\n').length
  return text.endsWith('\n') ? n - 1 : n
}

/** What is wrong with these sizes (path → lines), in words; empty when the tree is within the rules. */
export function fileSizeProblems(
  sizes: ReadonlyMap<string, number>,
  oversized: Readonly<Record<string, number>> = OVERSIZED,
  max = MAX_LINES,
): string[] {
  const problems: string[] = []
  for (const [path, lines] of sizes) {
    if (!isGuarded(path)) continue
    const ceiling = oversized[path]
    if (ceiling === undefined) {
      if (lines > max) problems.push(`${path}: ${lines} lines (limit ${max}): split it into named parts`)
    } else if (lines > ceiling)
      problems.push(`${path}: ${lines} lines, grew past its listed ${ceiling}: split it instead`)
    else if (lines <= max)
      problems.push(`${path}: ${lines} lines, now within ${max}: remove it from OVERSIZED`)
  }
  for (const path of Object.keys(oversized))
    if (!sizes.has(path)) problems.push(`${path}: listed in OVERSIZED but gone: remove the entry`)
  return problems
}

/** Line counts of every guarded file under `root`'s guarded dirs (paths relative to `root`, `/`-separated). */
export function readSizes(root: string, dirs: readonly string[] = GUARDED_DIRS): Map<string, number> {
  const out = new Map<string, number>()
  for (const rel of sourceFiles(root))
    if (dirs.some((d) => rel.startsWith(`${d}/`)) && isGuarded(rel))
      out.set(rel, lineCount(readFileSync(join(root, rel), 'utf8')))
  return out
}
