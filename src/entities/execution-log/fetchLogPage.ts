import { LOG_PAGE_MAX, LogPage } from '../../contracts/jobs.ts'
import { apiFetch, isApiError } from '../../lib/http.ts'

/** `GET /actions/executions/{execId}/logs?fromLine&limit` (limit capped at the contract's 5000). */
export function fetchLogPage(
  executionId: string,
  fromLine: number,
  limit: number,
  signal?: AbortSignal,
): Promise<LogPage> {
  return apiFetch(`/v1/actions/executions/${encodeURIComponent(executionId)}/logs`, LogPage, {
    query: { fromLine, limit: Math.min(limit, LOG_PAGE_MAX) },
    signal,
  })
}

/** A definite 4xx (execution gone, no access) cannot be fixed by retrying; timeouts and 429 can. */
export function isFatalLogError(e: unknown): boolean {
  return (
    isApiError(e) && e.kind === 'http' && e.status >= 400 && e.status < 500 && ![408, 429].includes(e.status)
  )
}
