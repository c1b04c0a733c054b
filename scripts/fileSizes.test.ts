import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fileSizeProblems, isGuarded, lineCount, MAX_LINES, readSizes } from './fileSizes.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

describe('the file-size guard', () => {
  it('holds for this tree: no new file over the limit, no listed file grown, the list up to date', () => {
    const sizes = readSizes(ROOT)
    expect(sizes.size, 'source files found').toBeGreaterThan(300)
    expect(fileSizeProblems(sizes)).toEqual([])
  })

  it('flags a new long file, a listed file that grew, and entries that are stale or gone', () => {
    const listed = { 'src/big.ts': 600, 'src/fixed.ts': 500, 'src/deleted.ts': 700 }
    const sizes = new Map([
      ['src/ok.ts', MAX_LINES],
      ['src/new.tsx', MAX_LINES + 1],
      ['src/big.ts', 601],
      ['src/fixed.ts', 300],
    ])
    expect(fileSizeProblems(sizes, listed)).toEqual([
      `src/new.tsx: ${MAX_LINES + 1} lines (limit ${MAX_LINES}): split it into named parts`,
      'src/big.ts: 601 lines, grew past its listed 600: split it instead',
      `src/fixed.ts: 300 lines, now within ${MAX_LINES}: remove it from OVERSIZED`,
      'src/deleted.ts: listed in OVERSIZED but gone: remove the entry',
    ])
    // A listed file that shrank but is still long is fine.
    expect(fileSizeProblems(new Map([['src/big.ts', 550]]), { 'src/big.ts': 600 })).toEqual([])
  })

  it('exempts tests and data, and counts lines as editors do', () => {
    expect(isGuarded('src/a.ts')).toBe(true)
    expect(isGuarded('src/a.tsx')).toBe(true)
    expect(isGuarded('src/a.test.ts')).toBe(false)
    expect(isGuarded('src/contracts/golden/jobs.golden.ts')).toBe(false)
    expect(isGuarded('mock-api/fixtures/kit.ts')).toBe(false)
    expect(isGuarded('src/a.css')).toBe(false)
    expect(fileSizeProblems(new Map([['src/a.test.ts', 5000]]), {})).toEqual([])
    expect(lineCount('')).toBe(0)
    expect(lineCount('a\nb\n')).toBe(2)
    expect(lineCount('a\nb')).toBe(2)
  })
})
