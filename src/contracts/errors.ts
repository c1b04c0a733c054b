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

/**
 * Words for the codes Go answers with no `detail` (`{"error":"job-not-found"}`), so a screen never shows
 * a bare code. Codes that come with a detail keep the server's detail.
 */
export const ERROR_CODE_TEXT: Readonly<Record<string, string>> = {
  'job-not-found': 'This job is not part of the deployment.',
  'execution-not-found': 'That execution of the job no longer exists.',
  'deployment-not-found': 'The deployment does not exist, or you cannot see it.',
  'missing-path-params': 'The request named no deployment or job.',
  'missing-depId': 'The request named no deployment.',
  'missing-execId': 'The request named no execution.',
  'jobs-store-unavailable': 'The server keeps no job records right now (its storage is unavailable).',
  'store-read-failed': 'The server could not read its job records. Try again.',
  unauthenticated: 'Your session has ended. Sign in again.',
  forbidden: 'Your role does not allow this.',
  'not-a-sovereign': 'This is not a Sovereign console.',
  'deployment-id-not-yet-stamped': 'This Sovereign does not know its deployment yet. Try again in a minute.',
  'not-implemented': 'The kubeconfig has not arrived from the cluster yet.',
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
          message: b.detail ?? b.message ?? b.note ?? b.hint ?? ERROR_CODE_TEXT[b.error] ?? b.error,
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
