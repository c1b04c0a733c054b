/**
 * A log as it stood at a replayed instant (`?at=`): only the lines stamped at or before it. Log lines and
 * events come in time order (contract §3.4, §3.6), so reading stops at the first page that passes the
 * instant — a replay near the start of a long log fetches one page, not the whole log.
 */
import { LOG_PAGE_MAX } from '../../../contracts/jobs.ts'
import { linesUpTo } from '../../../graph/replayAt.ts'
import { fetchDeploymentEvents } from '../../../entities/deployment/eventsQueries.ts'
import { fetchLogPage } from '../../../entities/execution-log/fetchLogPage.ts'
import { errorMessage } from '../../../lib/http.ts'
import { eventLine } from './eventLog.ts'
import { LogBuffer, type IncomingLine } from './logBuffer.ts'
import type { LogSource, SourceStatus } from './logSource.ts'

/** Lines at or before `atMs`, and whether reading may stop (the source passed the instant or ended). */
export type LoadUpTo = (atMs: number, signal: AbortSignal) => Promise<IncomingLine[]>

export class ReplayLogSource implements LogSource {
  readonly buffer = new LogBuffer()
  private v = 0
  private readonly listeners = new Set<() => void>()
  private st: SourceStatus = { state: 'loading', error: undefined, retryAt: undefined }
  private abort: AbortController | undefined
  private done: Promise<void> = Promise.resolve()

  constructor(
    private readonly atMs: number,
    private readonly load: LoadUpTo,
  ) {}

  version(): number {
    return this.v
  }
  subscribe(l: () => void): () => void {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }
  status(): SourceStatus {
    return this.st
  }
  want(): void {
    // Everything up to the instant is read at start; there is nothing further to page in.
  }
  whenComplete(): Promise<void> {
    return this.done
  }
  retry(): void {
    this.stop()
    this.start()
  }
  start(): void {
    if (this.buffer.finished) return
    const ctl = new AbortController()
    this.abort = ctl
    this.set({ state: 'loading', error: undefined, retryAt: undefined })
    this.done = this.load(this.atMs, ctl.signal).then(
      (lines) => {
        if (ctl.signal.aborted) return
        this.buffer.merge({ lines, total: lines.length, executionFinished: true })
        this.set({ state: 'complete', error: undefined, retryAt: undefined })
      },
      (e: unknown) => {
        if (ctl.signal.aborted) return
        this.set({ state: 'failed', error: errorMessage(e), retryAt: undefined })
      },
    )
  }
  stop(): void {
    this.abort?.abort()
    this.abort = undefined
  }

  private set(st: SourceStatus): void {
    this.st = st
    this.v++
    for (const l of this.listeners) l()
  }
}

/** One execution's lines up to the instant, page by page until a page passes it or the log ends. */
export function executionLinesUpTo(executionId: string): LoadUpTo {
  return async (atMs, signal) => {
    const out: IncomingLine[] = []
    for (let from = 1; ; from += LOG_PAGE_MAX) {
      const page = await fetchLogPage(executionId, from, LOG_PAGE_MAX, signal)
      const kept = linesUpTo(page.lines, atMs)
      out.push(...kept)
      if (kept.length < page.lines.length || page.lines.length === 0 || from + page.lines.length > page.total)
        return out
    }
  }
}

/** The deployment-wide log (its event history, `GET /events`) up to the instant. */
export function globalLinesUpTo(deploymentId: string): LoadUpTo {
  return async (atMs, signal) => {
    const res = await fetchDeploymentEvents(deploymentId, signal)
    return linesUpTo(res.events, atMs).map((e, i) => eventLine(e, i + 1))
  }
}
