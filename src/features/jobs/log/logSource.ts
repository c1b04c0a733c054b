/**
 * What the log viewer reads from: a buffer plus how it is being filled. Two kinds — one execution's log
 * (paged polling through LogTail) and the deployment-wide global log (the deployment event stream of
 * `entities/deployment`, which de-duplicates across reconnects and reads on after `done`). Both notify on every change; the viewer coalesces repaints itself.
 */
import type { DeploymentEvent } from '../../../contracts/deployments.ts'
import { errorMessage } from '../../../lib/http.ts'
import {
  DeploymentEventStream,
  type DeploymentStreamOptions,
} from '../../../entities/deployment/deploymentEventStream.ts'
import { fetchLogPage, isFatalLogError } from '../../../entities/execution-log/fetchLogPage.ts'
import { eventLine } from './eventLog.ts'
import { LogBuffer } from './logBuffer.ts'
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

/** The deployment event stream as one merged log, each line prefixed with its job. */
export class GlobalLogSource extends BaseSource {
  /** Opening, de-duplication and what happens after `done` all live in the one deployment stream. */
  private readonly events: DeploymentEventStream
  private count = 0
  private st: SourceStatus = { state: 'connecting', error: undefined, retryAt: undefined }

  constructor(deploymentId: string, opts?: DeploymentStreamOptions) {
    super()
    this.events = new DeploymentEventStream(
      deploymentId,
      {
        onEvents: (batch) => this.append(batch),
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
        onComplete: () => {
          this.buffer.merge({ lines: [], total: this.count, executionFinished: true })
          this.setStatus({ state: 'complete', error: undefined, retryAt: undefined })
        },
      },
      opts,
    )
  }

  status(): SourceStatus {
    return this.st
  }
  want(): void {}
  whenComplete(): Promise<void> {
    this.events.flush()
    return Promise.resolve()
  }
  retry(): void {
    this.events.reconnect()
  }
  start(): void {
    this.events.start()
  }
  stop(): void {
    this.events.stop()
  }

  private setStatus(st: SourceStatus): void {
    this.st = st
    this.emit()
  }

  /** The stream hands over replays as one batch per task: merge them in one go. */
  private append(batch: readonly DeploymentEvent[]): void {
    const lines = batch.map((e) => eventLine(e, ++this.count))
    this.buffer.merge({ lines, total: this.count, executionFinished: false })
    this.emit()
  }
}
