import { queryOptions } from '@tanstack/react-query'
import type { LogLine } from '../../../contracts/jobs.ts'
import { fetchLogPage } from '../../../entities/execution-log/fetchLogPage.ts'
import { executionLogKeys } from '../../../entities/execution-log/logTailQueries.ts'

/** How many lines of the failed execution's end are read; the panel shows the last few of them. */
export const TAIL_WINDOW = 60
export const ERROR_LINES_SHOWN = 5

/**
 * The lines that say why an execution failed: the last ERROR/WARN lines of its tail, else its last lines
 * (a job that failed on a timeout may log only INFO before it).
 */
export function lastErrorLines(lines: readonly LogLine[], max = ERROR_LINES_SHOWN): LogLine[] {
  const loud = lines.filter((l) => l.level === 'ERROR' || l.level === 'WARN')
  return (loud.length ? loud : lines).slice(-max)
}

/** The tail of one (finished) execution: its `lineCount` picks the window. */
export function executionTailQueryOptions(executionId: string, lineCount: number) {
  return queryOptions({
    queryKey: executionLogKeys.tail(executionId, TAIL_WINDOW, lineCount),
    queryFn: ({ signal }) =>
      fetchLogPage(executionId, Math.max(1, lineCount - TAIL_WINDOW + 1), TAIL_WINDOW, signal),
    enabled: executionId !== '',
    staleTime: 60_000,
  })
}
