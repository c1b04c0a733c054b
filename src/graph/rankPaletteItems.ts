/**
 * Ranking for the command palette (deployments by FQDN/org/id, jobs, apps, pages, actions).
 *
 * - Empty query: the recent items (most recent first, those still offered), then the items marked
 *   `suggested`, in input order, without repeats.
 * - Otherwise: each item's best `fuzzyScore` over its label and keywords (a keyword match counts
 *   `KEYWORD_PENALTY` less than the same label match, so "harbor" the app beats a deployment whose org is
 *   "harbor…"), plus a recency boost (`RECENT_BOOST` for the most recent item, less for older ones).
 * - Ties: score, then recency, then the shorter label, then label and id by code point — deterministic.
 */
import { fuzzyScore, fuzzyScoreOnly, prepareFuzzyQuery, type MatchRange } from './fuzzyMatch.ts'

export interface PaletteItem {
  /** Unique and stable (recent ids refer to it). */
  id: string
  label: string
  /** Other texts the item answers to (org, id, region, route); matched like the label. */
  keywords?: readonly string[] | undefined
  /** Offered on an empty query (pages, common actions). */
  suggested?: boolean | undefined
}

export interface RankedItem<T extends PaletteItem> {
  item: T
  score: number
  /** Highlight in the label (empty when a keyword matched, or for an empty query). */
  ranges: MatchRange[]
  /** The keyword that matched better than the label, with its highlight. */
  keyword: { index: number; ranges: MatchRange[] } | undefined
  recent: boolean
}

export const KEYWORD_PENALTY = 8
export const RECENT_BOOST = 24

function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function rankPaletteItems<T extends PaletteItem>(
  query: string,
  items: readonly T[],
  recentIds: readonly string[],
  opts: { limit?: number } = {},
): RankedItem<T>[] {
  const limit = opts.limit ?? Infinity
  const recency = new Map<string, number>()
  recentIds.forEach((id, i) => {
    if (!recency.has(id)) recency.set(id, i)
  })

  if (!query.trim()) {
    const byId = new Map<string, T>()
    for (const it of items) if (!byId.has(it.id)) byId.set(it.id, it)
    const out: RankedItem<T>[] = []
    const taken = new Set<string>()
    for (const id of recency.keys()) {
      const it = byId.get(id)
      if (!it || out.length >= limit) continue
      taken.add(id)
      out.push({ item: it, score: 0, ranges: [], keyword: undefined, recent: true })
    }
    for (const it of byId.values()) {
      if (out.length >= limit) break
      if (!it.suggested || taken.has(it.id)) continue
      taken.add(it.id)
      out.push({ item: it, score: 0, ranges: [], keyword: undefined, recent: false })
    }
    return out
  }

  const q = prepareFuzzyQuery(query)
  const n = Math.max(1, recency.size)
  // Scores first (no allocation per candidate); highlights only for what is returned.
  const scored: { item: T; score: number; field: number; rank: number }[] = []
  const seen = new Set<string>()
  for (const item of items) {
    if (seen.has(item.id)) continue
    seen.add(item.id)
    let score = fuzzyScoreOnly(q, item.label) ?? -Infinity
    /** -1 = the label; else the index of the keyword that scored best. */
    let field = -1
    const keywords = item.keywords
    if (keywords)
      for (let ki = 0; ki < keywords.length; ki++) {
        const s = fuzzyScoreOnly(q, keywords[ki]!)
        if (s !== undefined && s - KEYWORD_PENALTY > score) {
          score = s - KEYWORD_PENALTY
          field = ki
        }
      }
    if (score === -Infinity) continue
    const rank = recency.get(item.id)
    if (rank !== undefined) score += RECENT_BOOST * (1 - rank / n)
    scored.push({ item, score, field, rank: rank ?? Infinity })
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.rank - b.rank ||
      a.item.label.length - b.item.label.length ||
      codePointCompare(a.item.label, b.item.label) ||
      codePointCompare(a.item.id, b.item.id),
  )
  return (limit === Infinity ? scored : scored.slice(0, limit)).map(({ item, score, field, rank }) => {
    const text = field < 0 ? item.label : item.keywords![field]!
    const ranges = fuzzyScore(q, text)!.ranges
    return {
      item,
      score,
      ranges: field < 0 ? ranges : [],
      keyword: field < 0 ? undefined : { index: field, ranges },
      recent: rank !== Infinity,
    }
  })
}
