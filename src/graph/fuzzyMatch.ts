/**
 * Fuzzy matching for the command palette: the query's characters must appear in the target in order
 * (case-insensitive subsequence; whitespace in the query is ignored), and among all such alignments the
 * best-scoring one is found by dynamic programming, O(query × target) for candidates that pass a linear
 * subsequence pre-check.
 *
 * Score of an alignment:
 *   +16 per matched character, +1 more for an upper-case query character matched in the same case (typing
 *   a capital is a hint; a lower-case query is case-blind);
 *   +16 for the target's first character, +12 for a word start (after space - _ . / : @ or `(`),
 *   +8 for a camelCase or letter↔digit boundary;
 *   +10 per character that directly follows the previous match (consecutive run);
 *   −3 to open a gap between two matches, −1 per further skipped character;
 *   −1 per character skipped before the first match, at most −5.
 * Ties: higher score, then the shorter target, then input order — deterministic.
 */

/** Half-open `[start, end)` ranges of matched characters in the target, merged when adjacent. */
export type MatchRange = [start: number, end: number]

export interface FuzzyMatch {
  score: number
  ranges: MatchRange[]
}

export interface FuzzyResult extends FuzzyMatch {
  /** Index into the candidates. */
  index: number
  text: string
}

const MATCH = 16
const EXACT_CASE = 1
const FIRST_CHAR = 16
const WORD_START = 12
const CAMEL = 8
const CONSECUTIVE = 10
const GAP_OPEN = 3
const GAP_EXTEND = 1
const LEADING_MAX = 5
/** Beyond this many DP cells the alignment is the greedy leftmost one (a very long target). */
const MAX_CELLS = 200_000

/** Separators after which a character starts a word (ASCII codes). */
const SEPARATOR = new Uint8Array(128)
for (const ch of ' \t-_./:@([,\\') SEPARATOR[ch.charCodeAt(0)] = 1

const lowerCache = new Map<number, number>()

/** Lower-case of one UTF-16 code unit, index-preserving (a character that lowers to two stays as is). */
function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c
  let l = lowerCache.get(c)
  if (l === undefined) {
    const s = String.fromCharCode(c).toLowerCase()
    l = s.length === 1 ? s.charCodeAt(0) : c
    lowerCache.set(c, l)
  }
  return l
}

function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90
  const ch = String.fromCharCode(c)
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase()
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57
}

function positionBonus(target: string, j: number): number {
  if (j === 0) return FIRST_CHAR
  const prev = target.charCodeAt(j - 1)
  const cur = target.charCodeAt(j)
  if (prev < 128 && SEPARATOR[prev] === 1) return WORD_START
  if (isUpperCode(cur) && !isUpperCode(prev)) return CAMEL
  if (isDigitCode(cur) !== isDigitCode(prev)) return CAMEL
  return 0
}

/** A query made ready once for scoring many targets. */
export interface PreparedQuery {
  /** The query without whitespace. */
  text: string
  lower: Int32Array
  /** Per character: the bonus for an upper-case query character matched in its own case. */
  caseBonus: Int32Array
}

export function prepareFuzzyQuery(query: string): PreparedQuery {
  const text = query.replace(/\s+/g, '')
  const lower = new Int32Array(text.length)
  const caseBonus = new Int32Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    lower[i] = lowerCode(c)
    caseBonus[i] = isUpperCode(c) ? EXACT_CASE : 0
  }
  return { text, lower, caseBonus }
}

/** Scratch buffers reused across calls (the palette scores thousands of candidates per keystroke). */
let scoreBuf = new Float64Array(0)
let backBuf = new Int32Array(0)
let lowerBuf = new Int32Array(0)
let firstBuf = new Int32Array(0)

function ensure(cells: number, n: number, m: number): void {
  if (scoreBuf.length < cells) {
    scoreBuf = new Float64Array(cells * 2)
    backBuf = new Int32Array(cells * 2)
  }
  if (lowerBuf.length < n) lowerBuf = new Int32Array(n * 2)
  if (firstBuf.length < m) firstBuf = new Int32Array(m * 2)
}

function toRanges(positions: ArrayLike<number>): MatchRange[] {
  const out: MatchRange[] = []
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!
    const last = out[out.length - 1]
    if (last && last[1] === p) last[1] = p + 1
    else out.push([p, p + 1])
  }
  return out
}

function charScore(q: PreparedQuery, t: string, i: number, j: number): number {
  const exact = q.caseBonus[i]! && q.text.charCodeAt(i) === t.charCodeAt(j) ? EXACT_CASE : 0
  return MATCH + exact + positionBonus(t, j)
}

/** Score of a fixed alignment (the greedy fallback for very long targets). */
function alignmentScore(q: PreparedQuery, t: string, pos: ArrayLike<number>): number {
  let s = -Math.min(LEADING_MAX, pos[0]!)
  for (let i = 0; i < pos.length; i++) {
    s += charScore(q, t, i, pos[i]!)
    if (i > 0) {
      const gap = pos[i]! - pos[i - 1]! - 1
      s += gap === 0 ? CONSECUTIVE : -(GAP_OPEN + (gap - 1) * GAP_EXTEND)
    }
  }
  return s
}

/**
 * Best alignment of `query` in `target`, or undefined when the query is not a subsequence. An empty (or
 * all-whitespace) query matches everything with score 0 and no ranges. Pass a `prepareFuzzyQuery` result
 * when scoring many targets.
 */
export function fuzzyScore(query: string | PreparedQuery, target: string): FuzzyMatch | undefined {
  const q = typeof query === 'string' ? prepareFuzzyQuery(query) : query
  const score = align(q, target)
  if (score === undefined) return undefined
  return { score, ranges: q.text.length ? toRanges(lastPositions) : [] }
}

/** The score alone (no highlight ranges allocated): for ranking many candidates. */
export function fuzzyScoreOnly(query: PreparedQuery, target: string): number | undefined {
  return align(query, target)
}

/** Positions of the last successful `align` (valid until the next call). */
let lastPositions: ArrayLike<number> = []

function align(q: PreparedQuery, target: string): number | undefined {
  const m = q.text.length
  if (m === 0) return 0
  const n = target.length
  if (m > n) return undefined
  ensure(Math.min(m * n, MAX_CELLS), n, m)
  const tl = lowerBuf
  const ql = q.lower
  const first = firstBuf

  // Linear pre-check: the leftmost subsequence, which also bounds where each query character can sit.
  let j = 0
  for (let i = 0; i < m; i++) {
    const c = ql[i]!
    while (j < n) {
      const l = lowerCode(target.charCodeAt(j))
      tl[j] = l
      if (l === c) break
      j++
    }
    if (j === n) return undefined
    first[i] = j++
  }
  if (m * n > MAX_CELLS) {
    lastPositions = first.slice(0, m)
    return alignmentScore(q, target, lastPositions)
  }
  for (; j < n; j++) tl[j] = lowerCode(target.charCodeAt(j))

  // Row i holds the best score with query character i at target position x, for x in [first[i], n−m+i]
  // (it cannot sit earlier, and later leaves no room for the rest); cells outside are never read.
  const H = scoreBuf
  const back = backBuf
  const NEG = -Infinity
  for (let i = 0; i < m; i++) {
    const row = i * n
    const prevRow = (i - 1) * n
    const c = ql[i]!
    const lo = first[i]!
    const hi = n - m + i
    const prevLo = i > 0 ? first[i - 1]! : 0
    // Running max over k ≤ x−2 of H[i−1][k] + k (gap cost −3 − (x−k−2) = −(x−k+1)), and its argmax.
    let bestGap = NEG
    let bestGapK = -1
    let k = prevLo
    for (let x = lo; x <= hi; x++) {
      H[row + x] = NEG
      if (i > 0) {
        for (; k <= x - 2; k++) {
          const v = H[prevRow + k]!
          if (v !== NEG && v + k > bestGap) {
            bestGap = v + k
            bestGapK = k
          }
        }
      }
      if (tl[x] !== c) continue
      const own = charScore(q, target, i, x)
      if (i === 0) {
        H[row + x] = own - Math.min(LEADING_MAX, x)
        continue
      }
      const consec = x - 1 >= prevLo ? H[prevRow + x - 1]! : NEG
      const viaConsec = consec === NEG ? NEG : consec + CONSECUTIVE
      const viaGap = bestGap === NEG ? NEG : bestGap - x - 1
      if (viaConsec === NEG && viaGap === NEG) continue
      // Prefer the consecutive run on ties: tighter highlights.
      if (viaConsec >= viaGap) {
        H[row + x] = own + viaConsec
        back[row + x] = x - 1
      } else {
        H[row + x] = own + viaGap
        back[row + x] = bestGapK
      }
    }
  }
  const lastRow = (m - 1) * n
  let end = -1
  let best = NEG
  for (let x = first[m - 1]!; x < n; x++) {
    const v = H[lastRow + x]!
    if (v > best) {
      best = v
      end = x
    }
  }
  if (end < 0) return undefined
  const pos = new Array<number>(m)
  for (let i = m - 1, x = end; i >= 0; i--) {
    pos[i] = x
    x = back[i * n + x]!
  }
  lastPositions = pos
  return best
}

/** Tie-break shared by the palette: higher score, then shorter text, then input order. */
export function compareMatches(
  a: { score: number; text: string; index: number },
  b: { score: number; text: string; index: number },
): number {
  return b.score - a.score || a.text.length - b.text.length || a.index - b.index
}

/**
 * Every candidate the query matches, best first (see the module notes for the order). An empty query
 * returns every candidate in input order with score 0.
 */
export function fuzzyMatch(
  query: string,
  candidates: readonly string[],
  opts: { limit?: number } = {},
): FuzzyResult[] {
  const q = prepareFuzzyQuery(query)
  const hits: { index: number; text: string; score: number }[] = []
  for (let i = 0; i < candidates.length; i++) {
    const text = candidates[i]!
    const score = align(q, text)
    if (score !== undefined) hits.push({ index: i, text, score })
  }
  if (q.text.length > 0) hits.sort(compareMatches)
  const kept = opts.limit === undefined ? hits : hits.slice(0, opts.limit)
  // Highlights only for what is returned.
  return kept.map((h) => ({ ...h, ranges: fuzzyScore(q, h.text)!.ranges }))
}
