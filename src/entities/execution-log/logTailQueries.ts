import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { LogPage } from '../../contracts/jobs.ts'
import { apiFetch } from '../../lib/http.ts'
import { stripAnsi, tailWindow } from './logTailWindow.ts'

export const APP_LOG_TAIL_LINES = 50

export const executionLogKeys = {
  tail: (executionId: string, lines: number, lineCount: number) =>
    ['executions', executionId, 'tail', lines, lineCount] as const,
}

function fetchPage(executionId: string, fromLine: number, limit: number, signal: AbortSignal) {
  return apiFetch(`/v1/actions/executions/${encodeURIComponent(executionId)}/logs`, LogPage, {
    signal,
    query: { fromLine, limit },
  })
}

/**
 * The last lines of one execution (`GET /actions/executions/{id}/logs`), ANSI stripped. The execution's
 * `lineCount` picks the window; if more lines arrived meanwhile the window is fetched again from the
 * reported total, so the tail is always the real tail. `lineCount` is in the key: the job detail poll
 * (every 3 s while running) moves the window.
 */
export function appLogTailQueryOptions(executionId: string, lineCount: number, running: boolean) {
  return queryOptions({
    queryKey: executionLogKeys.tail(executionId, APP_LOG_TAIL_LINES, lineCount),
    queryFn: async ({ signal }) => {
      const first = tailWindow(lineCount, APP_LOG_TAIL_LINES)
      let page = await fetchPage(executionId, first.fromLine, first.limit, signal)
      if (page.total > first.fromLine + first.limit - 1) {
        const w = tailWindow(page.total, APP_LOG_TAIL_LINES)
        page = await fetchPage(executionId, w.fromLine, w.limit, signal)
      }
      return {
        total: page.total,
        finished: page.executionFinished,
        lines: page.lines.slice(-APP_LOG_TAIL_LINES).map((l) => ({ ...l, message: stripAnsi(l.message) })),
      }
    },
    enabled: executionId !== '',
    placeholderData: keepPreviousData,
    staleTime: running ? 2_000 : 60_000,
    refetchInterval: running ? 3_000 : false,
  })
}
