/**
 * Go's strict JSON decoding of a Day-2 request body, out of `day2.ts` (issue 14: files under ~450 lines):
 * `planDay2` reads every body through it so the 400 details match the handler's word for word.
 */
export type FieldType = 'string' | 'int' | 'bool' | '*int'

/** A request body as Go's decoder with `DisallowUnknownFields` reads it into one of the handler structs. */
export function decodeStrict(
  raw: string,
  struct: string,
  fields: Record<string, FieldType>,
): { ok: true; value: Record<string, unknown> } | { ok: false; detail: string } {
  if (raw.trim() === '') return { ok: false, detail: 'EOF' }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (e) {
    return { ok: false, detail: `invalid character in JSON: ${e instanceof Error ? e.message : 'syntax'}` }
  }
  const jsonType = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v
  if (json === null) return { ok: true, value: {} }
  if (jsonType(json) !== 'object')
    return {
      ok: false,
      detail: `json: cannot unmarshal ${jsonType(json)} into Go value of type handler.${struct}`,
    }
  const value: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    const type = fields[k]
    if (!type) return { ok: false, detail: `json: unknown field "${k}"` }
    const goType = type === 'int' || type === '*int' ? 'int' : type
    if (v === null) continue
    const ok =
      type === 'string'
        ? typeof v === 'string'
        : type === 'bool'
          ? typeof v === 'boolean'
          : typeof v === 'number' && Number.isInteger(v)
    if (!ok) {
      const what = typeof v === 'number' ? `number ${v}` : jsonType(v)
      return {
        ok: false,
        detail: `json: cannot unmarshal ${what} into Go struct field ${struct}.${k} of type ${goType}`,
      }
    }
    value[k] = v
  }
  return { ok: true, value }
}
