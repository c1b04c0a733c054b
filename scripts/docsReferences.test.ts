import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  CONTRACT_DOC,
  REGRESSIONS_DOC,
  docsReferences,
  expandNumbers,
  findCitations,
  findExternalPointers,
  foldLines,
  parseContractDoc,
  parseRegressionsDoc,
  sourceFiles,
} from './docsReferences.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const contractMd = readFileSync(`${ROOT}${CONTRACT_DOC}`, 'utf8')
const regressionsMd = readFileSync(`${ROOT}${REGRESSIONS_DOC}`, 'utf8')
const S = '\u00a7' // the section sign, spelled so this file never cites anything itself

/** The docs with one `## …` / `### …` block (heading to the next heading of the same or a higher level) cut out. */
function withoutHeading(md: string, heading: RegExp): string {
  const lines = md.split('\n')
  const start = lines.findIndex((l) => heading.test(l))
  expect(start, `heading ${heading} exists`).toBeGreaterThanOrEqual(0)
  const level = /^#+/.exec(lines[start]!)![0].length
  let end = start + 1
  while (end < lines.length && !(/^#+\s/.test(lines[end]!) && /^#+/.exec(lines[end]!)![0].length <= level))
    end++
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n')
}

describe('the docs', () => {
  it('keep the contract numbering: §1–§8, their sub-sections, 15 traps, the lifecycle rows', () => {
    const c = parseContractDoc(contractMd)
    for (const id of [
      ...['1', '1.1', '1.2', '1.3', '1.4'],
      ...Array.from({ length: 15 }, (_, i) => `2.${i + 1}`),
      ...['2.3.1', '2.3.2'],
      ...['3', '3.1', '3.1.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9'],
      ...['4', '4.1', '4.2', '4.3', '5', '6', '6.1', '6.2', '6.3', '7', '8'],
    ])
      expect(c.sections, `${S}${id}`).toContain(id)
    expect([...c.traps].map(Number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    )
    expect([...c.lifecycleRows]).toEqual(
      expect.arrayContaining([
        '0',
        '1',
        '2',
        '3',
        '3a',
        '4',
        '5',
        '6',
        '7',
        '7a',
        '8',
        '9',
        '10',
        '11',
        '12',
        '13',
      ]),
    )
  })

  it('number every regression 1–54, once', () => {
    const numbers = [...regressionsMd.matchAll(/^###\s+(\d+)\.\s/gm)].map((m) => Number(m[1]))
    expect(numbers).toEqual(Array.from({ length: 54 }, (_, i) => i + 1))
    expect(parseRegressionsDoc(regressionsMd).size).toBe(54)
  })
})

describe('citations in the repo', () => {
  const report = docsReferences(ROOT)

  it('all resolve inside docs/, and nothing points at documents outside the repo', () => {
    expect(report.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([])
  })

  it('are really found: src, mock-api and e2e all cite both pages', () => {
    expect(report.files).toBeGreaterThan(100)
    const citers = (kind: string) =>
      new Set(report.citations.filter((c) => c.kind === kind).map((c) => c.file.split('/')[0]))
    for (const dir of ['src', 'mock-api', 'e2e']) expect(citers('regression'), dir).toContain(dir)
    for (const dir of ['src', 'mock-api']) expect(citers('section'), dir).toContain(dir)
    expect(report.citations.filter((c) => c.kind === 'trap').length).toBeGreaterThan(10)
  })

  it('fail when a cited contract section is removed from the docs', () => {
    const cut = docsReferences(ROOT, { contract: withoutHeading(contractMd, /^### 3\.7 /) })
    const missing = cut.problems.filter((p) => p.message.includes(`${S}3.7 is not a section`))
    expect(missing.map((p) => p.file)).toEqual(expect.arrayContaining(['src/contracts/flow.ts']))
  })

  it('fail when §7 (and so every trap) is removed, or one trap is renumbered away', () => {
    const cut = docsReferences(ROOT, { contract: withoutHeading(contractMd, /^## 7\. /) })
    expect(cut.problems.some((p) => p.message.includes('trap 11 is not in'))).toBe(true)
    const fewer = docsReferences(ROOT, { contract: contractMd.replace(/^15\. /m, '- ') })
    expect(fewer.problems.map((p) => p.message)).toContain(`contract ${S}7 trap 15 is not in ${CONTRACT_DOC}`)
  })

  it('fail when a cited regression entry is removed', () => {
    const cut = docsReferences(ROOT, { regressions: withoutHeading(regressionsMd, /^### 25\. /) })
    const files = cut.problems.filter((p) => p.message.startsWith('regression 25 ')).map((p) => p.file)
    expect(files).toEqual(expect.arrayContaining(['src/lib/links.test.ts', 'src/contracts/jobs.ts']))
  })

  it('never scan build output, dependencies or the checker itself', () => {
    const files = sourceFiles(ROOT)
    expect(
      files.some((f) => /^(node_modules|dist|test-results|playwright-report|bench\/results)\//.test(f)),
    ).toBe(false)
    expect(files).not.toContain('scripts/docsReferences.test.ts')
    expect(files).toContain('docs/README.md')
  })
})

describe('parsing', () => {
  it('reads contract citation lists: several sections, traps, lifecycle rows and steps', () => {
    const text = [
      `// (contract ${S}2.3.2, ${S}7 trap 11) and (contract ${S}3.7, trap 7)`,
      `/** contract ${S}2.3.2 and ${S}4.1 rows 9–12; contract's ${S}4.1 step 9 */`,
      `// contract ${S}7 traps 2, 3, regression 53`,
    ].join('\n')
    const refs = findCitations('x.ts', text).citations.map((c) => `${c.kind} ${c.ref} @${c.line}`)
    expect(refs).toEqual([
      'regression 53 @3',
      'section 2.3.2 @1',
      'section 7 @1',
      'trap 11 @1',
      'section 3.7 @1',
      'trap 7 @1',
      'section 2.3.2 @2',
      'section 4.1 @2',
      'row 4.1 row 9 @2',
      'row 4.1 row 10 @2',
      'row 4.1 row 11 @2',
      'row 4.1 row 12 @2',
      'section 4.1 @2',
      'row 4.1 row 9 @2',
      'section 7 @3',
      'trap 2 @3',
      'trap 3 @3',
    ])
  })

  it('reads a citation wrapped across comment lines, on the line it starts', () => {
    const text = `/**\n * keeps logging (contract ${S}2.3.2, ${S}4.1\n * rows 9–12) and regressions 1,\n * 3 too\n */`
    const refs = findCitations('x.ts', text).citations.map((c) => `${c.kind} ${c.ref} @${c.line}`)
    expect(refs).toEqual([
      'regression 1 @3',
      'regression 3 @3',
      'section 2.3.2 @2',
      'section 4.1 @2',
      ...['9', '10', '11', '12'].map((n) => `row 4.1 row ${n} @2`),
    ])
  })

  it('expands regression lists and ranges', () => {
    expect(expandNumbers('1–3, 12')).toEqual(['1', '2', '3', '12'])
    expect(expandNumbers('42-45 and 48')).toEqual(['42', '43', '44', '45', '48'])
    const refs = findCitations('x.ts', 'Regressions 48–50: and regression 2) (regression 53, D21)').citations
    expect(refs.map((c) => c.ref)).toEqual(['48', '49', '50', '2', '53'])
  })

  it('flags a section sign that no "contract" introduces, except inside the contract page itself', () => {
    expect(findCitations('x.ts', `// upstream rule, ${S}2.2`).orphanSigns).toEqual([1])
    expect(findCitations('x.ts', `// contract ${S}2.2`).orphanSigns).toEqual([])
    const own = findCitations(CONTRACT_DOC, `see ${S}7 trap 10 and ${S}4.1 rows 1–2`).citations
    expect(own.map((c) => c.ref)).toEqual(['7', '10', '4.1', '4.1 row 1', '4.1 row 2'])
  })

  it('flags pointers at documents outside the repo, but lets docs/ name them', () => {
    const text = 'see /work/shared/docs/api-contract.md\nand reference-console.md'
    expect(findExternalPointers('src/x.ts', text).map((p) => p.line)).toEqual([1, 1, 2])
    expect(findExternalPointers('docs/README.md', text)).toEqual([])
  })

  it('folds comment leaders but not a closing */', () => {
    expect(foldLines('a\n   * b\n // c\n */').text).toBe('a b c */')
  })
})
