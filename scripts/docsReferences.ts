/**
 * Checks that every "contract §X" and "regression N" citation in the repo resolves inside `docs/`
 * (`docs/README.md` defines the two short forms), and that nothing points at documents outside the repo.
 * Pure parsing functions plus one walker; `docsReferences.test.ts` runs it over the working tree.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export const CONTRACT_DOC = 'docs/wire-contract.md'
export const REGRESSIONS_DOC = 'docs/regressions.md'

/** What `docs/wire-contract.md` defines: numbered sections, §7's traps and the rows of §4.1's table. */
export interface ContractIndex {
  sections: Set<string>
  traps: Set<string>
  lifecycleRows: Set<string>
}

export interface Citation {
  file: string
  line: number
  kind: 'section' | 'trap' | 'row' | 'regression'
  /** `3.7`, a trap number, `4.1 row 9`, a regression number. */
  ref: string
}

export interface Problem {
  file: string
  line: number
  message: string
}

const HEADING = /^#{2,6}\s+(\d+(?:\.\d+)*)\.?\s/
const TRAPS_SECTION = '7'
const LIFECYCLE_SECTION = '4.1'

/** Headings `## 7. …`, `### 3.7 …`, `#### 2.3.1 …`; numbered items of §7; first-column ids of §4.1's table. */
export function parseContractDoc(md: string): ContractIndex {
  const index: ContractIndex = { sections: new Set(), traps: new Set(), lifecycleRows: new Set() }
  let current = ''
  let inFence = false
  for (const line of md.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence
    if (inFence) continue
    const h = HEADING.exec(line)
    if (h) {
      current = h[1]!
      index.sections.add(current)
      continue
    }
    if (/^#{1,6}\s/.test(line)) current = ''
    if (current === TRAPS_SECTION) {
      const item = /^(\d+)\.\s/.exec(line)
      if (item) index.traps.add(item[1]!)
    }
    if (current === LIFECYCLE_SECTION) {
      const row = /^\|\s*(\d+[a-z]?)\s*\|/.exec(line)
      if (row) index.lifecycleRows.add(row[1]!)
    }
  }
  return index
}

/** Regression entries are headings `### 14. …`. */
export function parseRegressionsDoc(md: string): Set<string> {
  const numbers = new Set<string>()
  for (const line of md.split('\n')) {
    const h = /^###\s+(\d+)\.\s/.exec(line)
    if (h) numbers.add(h[1]!)
  }
  return numbers
}

/**
 * The text with every line break (and the comment leader after it: ` * `, `// `) folded into one space, so a
 * citation wrapped across comment lines reads as one; `lineAt` maps an offset back to its 1-based line.
 */
export function foldLines(text: string): { text: string; lineAt: (offset: number) => number } {
  let out = ''
  const lines: number[] = []
  let line = 1
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\n') {
      out += text[i]
      lines.push(line)
      continue
    }
    line++
    let j = i + 1
    while (text[j] === ' ' || text[j] === '\t') j++
    if (text[j] === '*' && text[j + 1] !== '/') j++
    else if (text[j] === '/' && text[j + 1] === '/') j += 2
    while (text[j] === ' ' || text[j] === '\t') j++
    out += ' '
    lines.push(line)
    i = j - 1
  }
  return { text: out, lineAt: (offset) => lines[Math.min(offset, lines.length - 1)] ?? line }
}

const NUM = String.raw`\d+[a-z]?`
const NUM_RANGE = String.raw`${NUM}(?:\s*[–-]\s*${NUM})?`
const NUM_LIST = String.raw`${NUM_RANGE}(?:\s*(?:,|and|&)\s*${NUM_RANGE})*`

/** `9`, `9–12`, `1, 3`, `42–45 and 48` → every number (ranges expanded when both ends are plain numbers). */
export function expandNumbers(list: string): string[] {
  const out: string[] = []
  for (const part of list.split(/\s*(?:,|and|&)\s*/)) {
    const range = /^(\d+)\s*[–-]\s*(\d+)$/.exec(part.trim())
    if (range && Number(range[2]) >= Number(range[1]) && Number(range[2]) - Number(range[1]) < 100) {
      for (let n = Number(range[1]); n <= Number(range[2]); n++) out.push(String(n))
    } else if (part.trim()) out.push(...part.trim().split(/\s*[–-]\s*/))
  }
  return out
}

const REGRESSION = new RegExp(String.raw`\bregressions?\s+(${NUM_LIST})`, 'gi')
/** Where a contract citation starts: "contract §", "contract's §" (or any "§" inside the contract doc itself). */
const CONTRACT_START = /\bcontract(?:'s)?\s+(?=§\s*\d)/gi
const ANY_SECTION_SIGN = /(?=§\s*\d)/g
const SECTION_ITEM = new RegExp(
  String.raw`§\s*(\d+(?:\.\d+)*)(?:\s+(traps?|steps?|rows?)\s+(${NUM_LIST}))?`,
  'y',
)
const TRAP_ITEM = new RegExp(String.raw`traps?\s+(${NUM_LIST})`, 'y')
const SEPARATOR = /\s*(?:,|and|&|;)\s*/y

/**
 * Every citation in one file's text. A contract citation is a list after "contract": `§2.3.2, §7 trap 11`,
 * `§3.7, trap 7` (a bare "trap N" is §7's), `§2.3.2 and §4.1 rows 9–12`, `§4.1 step 9`. In the contract doc
 * itself every `§N` is a citation of its own sections.
 */
export function findCitations(file: string, raw: string): { citations: Citation[]; orphanSigns: number[] } {
  const { text, lineAt } = foldLines(raw)
  const citations: Citation[] = []
  for (const m of text.matchAll(REGRESSION)) {
    for (const n of expandNumbers(m[1]!))
      citations.push({ file, line: lineAt(m.index), kind: 'regression', ref: n })
  }
  const covered = new Set<number>()
  const starts = file === CONTRACT_DOC ? ANY_SECTION_SIGN : CONTRACT_START
  for (const m of text.matchAll(starts)) {
    let pos = m.index + m[0].length
    if (covered.has(pos)) continue // already read as part of an earlier list
    let first = true
    for (;;) {
      if (!first) {
        SEPARATOR.lastIndex = pos
        if (!SEPARATOR.exec(text)) break
        pos = SEPARATOR.lastIndex
      }
      SECTION_ITEM.lastIndex = pos
      TRAP_ITEM.lastIndex = pos
      const section = SECTION_ITEM.exec(text)
      const trap = section ? null : TRAP_ITEM.exec(text)
      if (!section && !trap) break
      const line = lineAt(pos)
      if (section) {
        covered.add(pos)
        const [, id, what, list] = section
        citations.push({ file, line, kind: 'section', ref: id! })
        if (what && /^trap/i.test(what)) {
          if (id !== TRAPS_SECTION) citations.push({ file, line, kind: 'trap', ref: `§${id} has no traps` })
          else for (const n of expandNumbers(list!)) citations.push({ file, line, kind: 'trap', ref: n })
        } else if (what) {
          for (const n of expandNumbers(list!))
            citations.push({ file, line, kind: 'row', ref: `${id} row ${n}` })
        }
        pos = SECTION_ITEM.lastIndex
      } else {
        for (const n of expandNumbers(trap![1]!)) citations.push({ file, line, kind: 'trap', ref: n })
        pos = TRAP_ITEM.lastIndex
      }
      first = false
    }
  }
  // A section sign outside a "contract" citation cites a document nobody can open from here.
  const orphanSigns: number[] = []
  if (file !== CONTRACT_DOC) {
    for (const m of text.matchAll(/§\s*\d/g)) if (!covered.has(m.index)) orphanSigns.push(lineAt(m.index))
  }
  return { citations, orphanSigns }
}

/** Pointers at the team's shared notes outside the repo (the docs page explaining this rule may name them). */
const EXTERNAL = /api-contract\.md|reference-console\.md|shared\/docs|\/work\/shared/g

export function findExternalPointers(file: string, raw: string): Problem[] {
  if (file.startsWith('docs/')) return []
  const { text, lineAt } = foldLines(raw)
  return [...text.matchAll(EXTERNAL)].map((m) => ({
    file,
    line: lineAt(m.index),
    message: `points outside the repo (${m[0]}): cite docs/ instead`,
  }))
}

export function unresolved(
  citations: Citation[],
  contract: ContractIndex,
  regressions: Set<string>,
): Problem[] {
  const problems: Problem[] = []
  for (const c of citations) {
    const ok =
      c.kind === 'regression'
        ? regressions.has(c.ref)
        : c.kind === 'section'
          ? contract.sections.has(c.ref)
          : c.kind === 'trap'
            ? contract.traps.has(c.ref)
            : c.ref.startsWith(`${LIFECYCLE_SECTION} row `) &&
              contract.lifecycleRows.has(c.ref.slice(`${LIFECYCLE_SECTION} row `.length))
    if (ok) continue
    const what =
      c.kind === 'regression'
        ? `regression ${c.ref} has no entry in ${REGRESSIONS_DOC}`
        : c.kind === 'section'
          ? `contract §${c.ref} is not a section of ${CONTRACT_DOC}`
          : c.kind === 'trap'
            ? `contract §7 trap ${c.ref} is not in ${CONTRACT_DOC}`
            : `contract §${c.ref} is not a row of the lifecycle table (§4.1) in ${CONTRACT_DOC}`
    problems.push({ file: c.file, line: c.line, message: what })
  }
  return problems
}

const SKIP_DIRS = new Set(['node_modules', 'dist', 'test-results', 'playwright-report', 'coverage'])
const SKIP_PATHS = new Set(['bench/results'])
const TEXT_FILE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs|md)$/
/** This checker and its test hold the patterns themselves. */
const SELF = /^scripts\/docsReferences(?:\.test)?\.ts$/

/** Repo-relative paths (with `/`) of every source and documentation file the citations may live in. */
export function sourceFiles(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name)
      const rel = relative(root, abs).split(sep).join('/')
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name) || SKIP_PATHS.has(rel)) continue
        walk(abs)
      } else if (entry.isFile() && TEXT_FILE.test(entry.name) && !SELF.test(rel)) out.push(rel)
    }
  }
  walk(root)
  return out.sort()
}

export interface DocsReport {
  files: number
  citations: Citation[]
  problems: Problem[]
}

/** Scans the tree under `root` against the docs found there (or the given doc texts, for tests). */
export function docsReferences(
  root: string,
  docs: { contract?: string; regressions?: string } = {},
): DocsReport {
  const contract = parseContractDoc(docs.contract ?? readFileSync(join(root, CONTRACT_DOC), 'utf8'))
  const regressions = parseRegressionsDoc(
    docs.regressions ?? readFileSync(join(root, REGRESSIONS_DOC), 'utf8'),
  )
  const files = sourceFiles(root)
  const citations: Citation[] = []
  const problems: Problem[] = []
  for (const file of files) {
    const text =
      file === CONTRACT_DOC && docs.contract !== undefined
        ? docs.contract
        : file === REGRESSIONS_DOC && docs.regressions !== undefined
          ? docs.regressions
          : readFileSync(join(root, file), 'utf8')
    const found = findCitations(file, text)
    citations.push(...found.citations)
    for (const line of found.orphanSigns)
      problems.push({ file, line, message: 'a § without "contract" before it: write "contract §…"' })
    problems.push(...findExternalPointers(file, text))
  }
  problems.push(...unresolved(citations, contract, regressions))
  return { files: files.length, citations, problems }
}
