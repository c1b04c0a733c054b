import { z } from 'zod'

/**
 * Error bodies come in three shapes (contract §1.3): JSON `{error, detail?, ...}`, the catalog proxy's
 * `{error, status, code, message}`, and plain text from Go's `http.Error` (e.g. `deployment not found`).
 */
export const ErrorBody = z.looseObject({
  error: z.string(),
  detail: z.string().optional(),
  message: z.string().optional(),
  hint: z.string().optional(),
  note: z.string().optional(),
})
export type ErrorBody = z.infer<typeof ErrorBody>

export interface ParsedError {
  /** Machine code (`pin-rate-limited`, `not-found`…) or undefined for plain-text bodies. */
  code: string | undefined
  /** Human-readable message: detail/message/hint, or the raw text. */
  message: string
  /** The parsed JSON body when there was one (extra fields such as `retryAfterSec`). */
  body: Record<string, unknown> | undefined
}

/** Reads an error response body the way the contract says: text first, then try JSON. */
export function parseErrorBody(text: string): ParsedError {
  const trimmed = text.trim()
  if (trimmed.startsWith('{')) {
    try {
      const json: unknown = JSON.parse(trimmed)
      const parsed = ErrorBody.safeParse(json)
      if (parsed.success) {
        const b = parsed.data
        return {
          code: b.error,
          message: b.detail ?? b.message ?? b.note ?? b.hint ?? b.error,
          body: json as Record<string, unknown>,
        }
      }
      return { code: undefined, message: trimmed.slice(0, 400), body: json as Record<string, unknown> }
    } catch {
      // not JSON after all: fall through to plain text
    }
  }
  return { code: undefined, message: trimmed.slice(0, 400), body: undefined }
}
