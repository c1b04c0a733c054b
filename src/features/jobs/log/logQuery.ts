/**
 * The log search box as a pure matcher: plain text or a regular expression, case-sensitive or not. An
 * invalid regular expression falls back to plain text and says why. Zero-length matches (`a*`) are never
 * counted, so counts and highlights always cover real text.
 */
export interface QueryOptions {
  text: string
  caseSensitive: boolean
  regex: boolean
}

export interface CompiledQuery {
  /** False for an empty query. */
  active: boolean
  /** Set when the regular expression was invalid (the query then runs as plain text). */
  error: string | undefined
  test(plain: string): boolean
  /** Match ranges [start, end) in the text, at most `max`. */
  ranges(plain: string, max?: number): [number, number][]
  count(plain: string): number
}

/** Matches counted per line beyond this are ignored (a pathological line cannot stall the count). */
export const MAX_MATCHES_PER_LINE = 1000

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function compileQuery({ text, caseSensitive, regex }: QueryOptions): CompiledQuery {
  if (!text) {
    return { active: false, error: undefined, test: () => true, ranges: () => [], count: () => 0 }
  }
  const flags = caseSensitive ? 'g' : 'gi'
  let re: RegExp
  let error: string | undefined
  try {
    re = new RegExp(regex ? text : escape(text), flags)
  } catch (e) {
    error = e instanceof Error ? e.message : 'invalid regular expression'
    re = new RegExp(escape(text), flags)
  }
  const ranges = (plain: string, max = MAX_MATCHES_PER_LINE): [number, number][] => {
    const out: [number, number][] = []
    re.lastIndex = 0
    while (out.length < max) {
      const m = re.exec(plain)
      if (!m) break
      if (m[0].length === 0) {
        re.lastIndex = m.index + 1
        if (re.lastIndex > plain.length) break
        continue
      }
      out.push([m.index, m.index + m[0].length])
    }
    return out
  }
  return {
    active: true,
    error,
    test: (plain) => ranges(plain, 1).length > 0,
    ranges,
    count: (plain) => ranges(plain).length,
  }
}
