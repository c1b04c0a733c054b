/**
 * A tiny path router over already-decoded segments. Patterns use `:name` for one segment; a job name such
 * as `install-nbg1-1:cilium` is one segment because its colon arrives encoded (`%3A`) or literal — never a `/`.
 */
export type Params = Record<string, string>

export interface Route<H> {
  method: string
  segments: string[]
  handler: H
}

export class Router<H> {
  private routes: Route<H>[] = []

  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler })
    return this
  }

  /** The handler for `method` and `segments`, or `405`-worthy knowledge that the path exists. */
  match(
    method: string,
    segments: string[],
  ): { handler: H; params: Params } | { handler?: undefined; pathKnown: boolean } {
    let pathKnown = false
    for (const r of this.routes) {
      if (r.segments.length !== segments.length) continue
      const params: Params = {}
      let ok = true
      for (let i = 0; i < r.segments.length; i++) {
        const p = r.segments[i]!
        const s = segments[i]!
        if (p.startsWith(':')) params[p.slice(1)] = s
        else if (p !== s) {
          ok = false
          break
        }
      }
      if (!ok) continue
      pathKnown = true
      if (r.method === method || (method === 'HEAD' && r.method === 'GET'))
        return { handler: r.handler, params }
    }
    return { pathKnown }
  }
}

export const MAX_SEGMENT_LENGTH = 512

/**
 * Splits and decodes a path, refusing what could confuse a file-backed server: undecodable escapes,
 * `.`/`..`, encoded slashes or backslashes, NUL and over-long segments.
 */
export function decodeSegments(
  path: string,
): { ok: true; segments: string[] } | { ok: false; detail: string } {
  const raw = path.split('/').filter((s) => s.length > 0)
  const segments: string[] = []
  for (const r of raw) {
    let s: string
    try {
      s = decodeURIComponent(r)
    } catch {
      return { ok: false, detail: 'malformed percent-encoding in path' }
    }
    if (s === '.' || s === '..') return { ok: false, detail: 'dot segments are not allowed' }
    if (/[/\\\0]/.test(s)) return { ok: false, detail: 'encoded slash, backslash or NUL in path' }
    if (s.length > MAX_SEGMENT_LENGTH)
      return { ok: false, detail: `path segment longer than ${MAX_SEGMENT_LENGTH} characters` }
    segments.push(s)
  }
  return { ok: true, segments }
}
