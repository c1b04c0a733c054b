/**
 * Structural comparison of JSON wire bodies against golden samples (the conformance suite). A body
 * conforms to a set of samples when every object in it has exactly the key set of some sample object at
 * the same place (no key more, none less), with the same JSON types, recursively; arrays are compared as
 * the union of their elements' shapes. Objects that are maps (dynamic keys, e.g. `componentStates`) are
 * named by path and compared by their values only. Checked both ways, a shape change on either side shows.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

export interface ShapeOptions {
  /** Dot paths (array levels omitted) of objects whose keys are data, not fields: `result.componentStates`. */
  maps?: readonly string[]
}

const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v

const isObject = (v: unknown): v is Record<string, unknown> => typeOf(v) === 'object'
const keyset = (o: Record<string, unknown>) => Object.keys(o).sort().join(',')

/**
 * Where `actual` departs from every candidate (empty when it conforms): `path: reason` lines, capped.
 * `candidates` are the sample values found at the same path.
 */
export function shapeMismatches(
  actual: unknown,
  candidates: readonly unknown[],
  opts: ShapeOptions = {},
  path = '',
  out: string[] = [],
): string[] {
  if (out.length >= 20) return out
  const here = path || '(body)'
  const sameType = candidates.filter((c) => typeOf(c) === typeOf(actual))
  if (sameType.length === 0) {
    const want = [...new Set(candidates.map(typeOf))].join(' | ') || 'nothing'
    out.push(`${here}: ${typeOf(actual)} where the samples have ${want}`)
    return out
  }
  if (Array.isArray(actual)) {
    const elements = sameType.flatMap((c) => c as unknown[])
    for (const el of actual) {
      if (elements.length === 0) {
        out.push(`${here}[]: an element where the samples only have empty arrays`)
        break
      }
      shapeMismatches(el, elements, opts, path, out)
    }
    return out
  }
  if (!isObject(actual)) return out
  if (opts.maps?.includes(path)) {
    const values = sameType.flatMap((c) => Object.values(c as Record<string, unknown>))
    for (const v of Object.values(actual)) shapeMismatches(v, values, opts, `${path}.*`, out)
    return out
  }
  const keys = keyset(actual)
  const same = sameType.filter((c) => keyset(c as Record<string, unknown>) === keys)
  if (same.length === 0) {
    // Name the nearest sample's difference, which is what a reader wants to fix.
    const mine = new Set(Object.keys(actual))
    let best: { extra: string[]; missing: string[] } | undefined
    for (const c of sameType) {
      const theirs = new Set(Object.keys(c as Record<string, unknown>))
      const extra = [...mine].filter((k) => !theirs.has(k))
      const missing = [...theirs].filter((k) => !mine.has(k))
      if (!best || extra.length + missing.length < best.extra.length + best.missing.length)
        best = { extra, missing }
    }
    const parts = [
      best?.extra.length ? `keys the samples do not have: ${best.extra.join(', ')}` : '',
      best?.missing.length ? `keys missing: ${best.missing.join(', ')}` : '',
    ].filter(Boolean)
    out.push(`${here}: ${parts.join('; ')}`)
    return out
  }
  for (const [k, v] of Object.entries(actual)) {
    shapeMismatches(
      v,
      same.map((c) => (c as Record<string, unknown>)[k]),
      opts,
      path ? `${path}.${k}` : k,
      out,
    )
  }
  return out
}

/** Every object of a body (maps excepted) with one unknown field added: the console must read past them. */
export function withUnknownFields<T>(value: T, opts: ShapeOptions = {}): T {
  const walk = (v: unknown, path: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, path))
    if (isObject(v)) {
      if (opts.maps?.includes(path)) return v
      const out: Record<string, unknown> = {}
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, path ? `${path}.${k}` : k)
      out.xFutureField = { added: 'by a newer backend', n: 1 }
      return out
    }
    return v
  }
  return walk(value, '') as T
}

/** Values at a dot path (arrays flattened): `jobs.startedAt` → every job's `startedAt` that is present. */
export function valuesAt(body: unknown, path: string): unknown[] {
  let current: unknown[] = [body]
  for (const key of path.split('.')) {
    const next: unknown[] = []
    for (const v of current.flatMap((c) => (Array.isArray(c) ? c : [c]))) {
      if (isObject(v) && key in v) next.push(v[key])
    }
    current = next
  }
  return current.flatMap((c) => (Array.isArray(c) ? c : [c]))
}

/** `time.RFC3339` as Go formats it by hand: whole seconds, UTC. */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/
/** `time.Time` JSON in UTC: RFC3339Nano, trailing zeros of the fraction trimmed (none on a whole second). */
export const RFC3339_NANO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{0,8}[1-9])?Z$/
