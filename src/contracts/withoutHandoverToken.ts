/**
 * The API hands out a fresh owner-granting handover token on every read of a ready deployment (the record's
 * `handoverURL`, the `result` copy, the named `handover-ready` frame). A credential must not sit in the
 * query cache or the DOM until the operator asks for it, so the schemas drop it at the contract edge and
 * keep only the fact that a handover is on offer. The link itself is minted on an explicit action
 * (`mintHandoverToken`).
 */
type WithoutUrl<T> = Omit<T, 'handoverURL'>

export type Tokenless<T extends object> = Omit<T, 'handoverURL' | 'result'> &
  ('result' extends keyof T
    ? { result?: WithoutUrl<NonNullable<T['result']>> | null | undefined }
    : unknown) & {
    /** The server offered a handover link (which the console never keeps). */
    handoverOffered: boolean
  }

function hasUrl(v: unknown): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    'handoverURL' in v &&
    !!(v as { handoverURL?: unknown }).handoverURL
  )
}

function strip<T extends object>(v: T): WithoutUrl<T> {
  const { handoverURL: _token, ...rest } = v as T & { handoverURL?: unknown }
  return rest
}

/** `value` without any `handoverURL` (its own and its `result`'s), and whether one was offered. */
export function withoutHandoverToken<T extends object>(value: T): Tokenless<T> {
  const result = (value as { result?: unknown }).result
  const offered = hasUrl(value) || hasUrl(result)
  const out: Record<string, unknown> = { ...strip(value), handoverOffered: offered }
  if (result && typeof result === 'object') out.result = strip(result)
  return out as Tokenless<T>
}
