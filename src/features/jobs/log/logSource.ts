/**
 * What the log viewer reads from: a buffer plus how it is being filled. Two kinds — one execution's log
 * (paged polling through LogTail) and the deployment-wide global log (the event stream, de-duplicated
 * across reconnects). Both notify on every change; the viewer coalesces repaints itself.
 */
import { DeploymentEvent, DeploymentEvents, DeploymentState } from '../../../contracts/deployments.ts'
import { openEventStream, type StreamHandle } from '../../../lib/eventStream.ts'
import { apiFetch, errorMessage } from '../../../lib/http.ts'
import { fetchLogPage, isFatalLogError } from '../../../entities/execution-log/fetchLogPage.ts'
import { EventDeduper, eventLine } from './eventLog.ts'
import { LogBuffer, type IncomingLine } from './logBuffer.ts'
import { LogTail, type TailStatus } from './logTail.ts'

export type SourceState = 'connecting' | 'loading' | 'live' | 'complete' | 'paused' | 'retrying' | 'failed'

export interface SourceStatus {
  state: SourceState
  /** Readable reason while retrying or failed. */
  error: string | undefined
  retryAt: number | undefined
}

export interface LogSource {
  readonly buffer: LogBuffer
  /** Changes whenever the buffer or the status changed. */
  version(): number
  subscribe(listener: () => void): () => void
  status(): SourceStatus
  /** Lines on screen (fetched first when missing). */
  want(from: number, to: number): void
  /** Resolves once every known line is in (before a download). */
  whenComplete(): Promise<void>
  retry(): void
  start(): void
  stop(): void
}

abstract class BaseSource implements LogSource {
  readonly buffer = new LogBuffer()
  private v = 0
  private readonly listeners = new Set<() => void>()
  version(): number {
    return this.v
  }
  subscribe(l: () => void): () => void {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }
  protected emit(): void {
    this.v++
    for (const l of this.listeners) l()
  }
  abstract status(): SourceStatus
  abstract want(from: number, to: number): void
  abstract whenComplete(): Promise<void>
  abstract retry(): void
  abstract start(): void
  abstract stop(): void
}

/** One execution's log, paged with `fromLine`/`limit` (see LogTail). */
export class ExecutionLogSource extends BaseSource {
  private readonly tail: LogTail
  private unsub: (() => void) | undefined

  constructor(executionId: string, hintTotal: number, pollMs = 1000) {
    super()
    this.tail = new LogTail(this.buffer, {
      fetchPage: (from, limit, signal) => fetchLogPage(executionId, from, limit, signal),
      hintTotal,
      pollMs,
      isFatal: isFatalLogError,
    })
  }

  status(): SourceStatus {
    const s: TailStatus = this.tail.getStatus()
    return {
      state: s.state,
      error: s.error === undefined ? undefined : errorMessage(s.error),
      retryAt: s.retryAt,
    }
  }
  want(from: number, to: number): void {
    this.tail.want(from, to)
  }
  whenComplete(): Promise<void> {
    return this.tail.whenComplete()
  }
  retry(): void {
    this.tail.retry()
  }
  start(): void {
    this.unsub = this.tail.subscribe(() => this.emit())
    this.tail.start()
  }
  stop(): void {
    this.unsub?.()
    this.tail.stop()
  }
}

/** How often the global log re-reads `GET /events` after `done` while the deployment still logs. */
export const BACKFILL_AFTER_DONE_MS = 5_000

/**
 * A `ready` deployment keeps logging after the stream's `done` (DNS, ClusterMesh, cutover, then
 * `handover-ready`: contract §2.3.2 and §4.1 rows 9–12) until the handover fired; anything else that is
 * terminal has said everything.
 */
export function logsAfterDone(state: Pick<DeploymentState, 'status' | 'handoverFiredAt'>): boolean {
  return state.status === 'ready' && !state.handoverFiredAt
}

/** The deployment event stream as one merged log, each line prefixed with its job. */
export class GlobalLogSource extends BaseSource {
  private stream: StreamHandle | undefined
  private backfillTimer: ReturnType<typeof setTimeout> | undefined
  private readonly deduper = new EventDeduper()
  private pending: IncomingLine[] = []
  private flushScheduled = false
  private count = 0
  private st: SourceStatus = { state: 'connecting', error: undefined, retryAt: undefined }

  constructor(private readonly deploymentId: string) {
    super()
  }

  status(): SourceStatus {
    return this.st
  }
  want(): void {}
  whenComplete(): Promise<void> {
    this.flush()
    return Promise.resolve()
  }
  retry(): void {
    this.stream?.reconnect()
  }

  private setStatus(st: SourceStatus): void {
    this.st = st
    this.emit()
  }

  /** Replays arrive as thousands of frames at once: merge them in one go per task. */
  private flush(): void {
    this.flushScheduled = false
    if (!this.pending.length) return
    const lines = this.pending
    this.pending = []
    this.buffer.merge({ lines, total: this.count, executionFinished: false })
    this.emit()
  }

  start(): void {
    this.stream = openEventStream(`/v1/deployments/${encodeURIComponent(this.deploymentId)}/logs`, {
      events: { message: DeploymentEvent, done: DeploymentState },
      onOpen: () => this.deduper.newConnection(),
      onStatus: (s) => {
        if (this.st.state === 'complete') return
        if (s.state === 'open') this.setStatus({ state: 'live', error: undefined, retryAt: undefined })
        else if (s.state === 'reconnecting')
          this.setStatus({
            state: 'retrying',
            error: 'The log stream dropped; reconnecting.',
            retryAt: s.retryAt,
          })
      },
      onEvent: (name, data) => {
        if (name === 'done') {
          this.stream?.close()
          this.afterDone(data as DeploymentState)
          return
        }
        this.accept(data as DeploymentEvent)
        if (!this.flushScheduled) {
          this.flushScheduled = true
          setTimeout(() => this.flush(), 0)
        }
      },
      silenceTimeoutMs: 0,
    })
  }
  stop(): void {
    this.stream?.close()
    this.stream = undefined
    clearTimeout(this.backfillTimer)
    this.backfillTimer = undefined
  }

  private accept(e: DeploymentEvent): void {
    if (!this.deduper.accept(e)) return
    this.count++
    this.pending.push(eventLine(e, this.count))
  }

  /** The stream ended: complete, or keep reading `GET /events` while the deployment still logs. */
  private afterDone(state: DeploymentState): void {
    this.flush()
    if (!logsAfterDone(state)) {
      this.buffer.merge({ lines: [], total: this.count, executionFinished: true })
      this.setStatus({ state: 'complete', error: undefined, retryAt: undefined })
      return
    }
    this.backfillTimer = setTimeout(() => void this.backfill(), BACKFILL_AFTER_DONE_MS)
  }

  private async backfill(): Promise<void> {
    this.backfillTimer = undefined
    try {
      const res = await apiFetch(
        `/v1/deployments/${encodeURIComponent(this.deploymentId)}/events`,
        DeploymentEvents,
      )
      if (!this.stream) return // stopped meanwhile
      this.deduper.newConnection()
      for (const e of res.events) this.accept(e)
      this.afterDone(res.state)
    } catch {
      if (this.stream) this.backfillTimer = setTimeout(() => void this.backfill(), BACKFILL_AFTER_DONE_MS)
    }
  }
}
