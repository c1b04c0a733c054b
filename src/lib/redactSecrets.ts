/**
 * Server error text that echoes a secret the request carried (a Go `fmt.Errorf("… %q", token)`, a
 * provider's "token abc… is invalid" passed through) must not reach the screen, a notification or a log.
 * The request lists its secret values (`ApiRequest.secrets`); the HTTP wrapper redacts them from the error
 * message and body before any caller sees the error.
 */
export const REDACTED = '[redacted]'

/**
 * Below this length a "secret" is not worth redacting and would shred ordinary words (an empty optional
 * key, a one-letter value); every real secret here (provider tokens, S3 keys) is far longer.
 */
const MIN_SECRET_LENGTH = 4

/** The forms a server may echo a value in: as is, JSON-escaped (inside a JSON string), URL-encoded. */
function echoForms(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]
}

/** `text` with every occurrence of every secret (in any echo form) replaced by `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[] | undefined): string {
  if (!secrets || secrets.length === 0) return text
  const forms = [
    ...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).flatMap((s) => echoForms(s))),
  ]
    // Longest first: a secret that contains another is replaced whole, not in pieces.
    .sort((a, b) => b.length - a.length)
  let out = text
  for (const f of forms) out = out.split(f).join(REDACTED)
  return out
}

/** A parsed error body with every string inside redacted (the body rides on the error for callers). */
export function redactDeep<T>(value: T, secrets: readonly string[] | undefined): T {
  if (!secrets || secrets.length === 0) return value
  if (typeof value === 'string') return redactSecrets(value, secrets) as T
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, secrets)) as T
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[redactSecrets(k, secrets)] = redactDeep(v, secrets)
    return out as T
  }
  return value
}
