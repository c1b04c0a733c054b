/**
 * The deployment event stream (`GET /v1/deployments/{id}/logs`, SSE), opened and de-duplicated in one
 * place for every screen that shows it (the overview's live log, the jobs page's global log).
 *
 * Named frames: `message` = DeploymentEvent, `handover-ready` = HandoverReady, `done` = the final
 * DeploymentState. The server replays its whole buffer on every (re)connect and sends no sequence numbers,
 * so every event goes through one `EventDeduper` and consumers see only new events, in batches (a reconnect
 * replays up to 10,000 frames; one batch per task keeps that to one repaint).
 *
 * After `done` the server closes the stream, but a `ready` deployment keeps logging (DNS, ClusterMesh,
 * cutover, then `handover-ready`: contract §2.3.2, §4.1 rows 9–12). The one policy for that: while
 * `logsAfterDone(state)`, re-read `GET /events` every `BACKFILL_AFTER_DONE_MS` through the same deduper
 * (a read is one more "connection" replaying the buffer) and the same settling, until it says stop.
 * Framework-free: the stream opener and the events fetch are injected so tests need no network.
 */
import {
  DeploymentEvent,
  DeploymentEvents,
  DeploymentState,
  HandoverReady,
} from '../../contracts/deployments.ts'
import {
  openEventStream,
  type StreamHandle,
  type StreamOptions,
  type StreamStatus,
} from '../../lib/eventStream.ts'
import { apiFetch } from '../../lib/http.ts'
import { EventDeduper } from './eventDeduper.ts'

/** How often `GET /events` is re-read after `done` while the deployment still logs. */
export const BACKFILL_AFTER_DONE_MS = 5_000

/**
 * A `ready` deployment keeps logging after the stream's `done` until the handover fired; anything else
 * that is terminal has said everything.
 */
export function logsAfterDone(state: Pick<DeploymentState, 'status' | 'handoverFiredAt'>): boolean {
  return state.status === 'ready' && !state.handoverFiredAt
}

const STREAM_EVENTS = { message: DeploymentEvent, 'handover-ready': HandoverReady, done: DeploymentState }
type StreamEvents = typeof STREAM_EVENTS

export type OpenDeploymentStream = (path: string, opts: StreamOptions<StreamEvents>) => StreamHandle
export type FetchDeploymentEvents = (deploymentId: string) => Promise<DeploymentEvents>

export interface DeploymentStreamConsumer {
  /** Only events not delivered before, oldest first. */
  onEvents(events: readonly DeploymentEvent[]): void
  onHandover?(handover: HandoverReady): void
  onStatus?(status: StreamStatus): void
  /** Each open of the live stream; `reconnect` is false only for this object's very first one. */
  onOpen?(reconnect: boolean): void
  /** The live stream ended with `done` (already closed on our side, pending events delivered first). */
  onDone?(state: DeploymentState): void
  /** The after-done policy stopped: everything the deployment logs is in. Once per `done`. */
  onComplete?(state: DeploymentState): void
}

export interface DeploymentStreamOptions {
  /** Collects frames this long before a batch is delivered (0 = the next task). */
  batchMs?: number
  /** One deduper per deployment outlives a stream object that is closed and opened again. */
  deduper?: EventDeduper
  open?: OpenDeploymentStream
  fetchEvents?: FetchDeploymentEvents
}

const fetchEventsOverHttp: FetchDeploymentEvents = (id) =>
  apiFetch(`/v1/deployments/${encodeURIComponent(id)}/events`, DeploymentEvents)

export class DeploymentEventStream {
  private readonly deduper: EventDeduper
  private readonly batchMs: number
  private readonly openStream: OpenDeploymentStream
  private readonly fetchEvents: FetchDeploymentEvents
  private handle: StreamHandle | undefined
  private status: StreamStatus = { state: 'connecting', attempt: 0, retryAt: undefined }
  private everOpened = false
  private pending: DeploymentEvent[] = []
  private flushTimer: ReturnType<typeof setTimeout> | undefined
  /** Bumped by every open and by stop: a read that started before must not act after. */
  private generation = 0
  /** Set by `done` until the stream is opened again: the after-done policy is in charge. */
  private doneState: DeploymentState | undefined
  private completed = false
  private backfillTimer: ReturnType<typeof setTimeout> | undefined
  private reading = false
  private readAgain = false

  constructor(
    private readonly deploymentId: string,
    private readonly consumer: DeploymentStreamConsumer,
    opts: DeploymentStreamOptions = {},
  ) {
    this.deduper = opts.deduper ?? new EventDeduper()
    this.batchMs = opts.batchMs ?? 0
    this.openStream = opts.open ?? openEventStream
    this.fetchEvents = opts.fetchEvents ?? fetchEventsOverHttp
  }

  /** The live connection's state as `openEventStream` reports it. */
  streamStatus(): StreamStatus {
    return this.status
  }

  start(): void {
    if (!this.handle) this.open()
  }

  /**
   * Opens the live stream again (the deployment runs again after `done`, e.g. a retried job). The deduper
   * is kept, so the replay of what is already in adds nothing.
   */
  restart(): void {
    this.handle?.close()
    this.open()
  }

  /** Drops the connection and reconnects now (a "Retry now" button); nothing after `done`. */
  reconnect(): void {
    this.handle?.reconnect()
  }

  /**
   * After `done`: re-read `GET /events` now instead of at the next tick (the screen re-read the record and
   * may have news). The policy's clock starts again from this read; before `done` the live stream has it all.
   */
  backfill(): void {
    if (this.doneState) void this.read()
  }

  /** Delivers the events still waiting for their batch (a download wants everything). */
  flush(): void {
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer)
    this.flushTimer = undefined
    if (!this.pending.length) return
    const batch = this.pending
    this.pending = []
    this.consumer.onEvents(batch)
  }

  /**
   * Closes everything; nothing is delivered afterwards. What the deduper already counted is delivered now,
   * not dropped: it would never come again (`start()` opens again with the same deduper).
   */
  stop(): void {
    this.generation++
    this.handle?.close()
    this.handle = undefined
    this.endAfterDone()
    this.flush()
  }

  private open(): void {
    this.generation++
    this.endAfterDone()
    this.handle = this.openStream(`/v1/deployments/${encodeURIComponent(this.deploymentId)}/logs`, {
      events: STREAM_EVENTS,
      onOpen: () => {
        this.deduper.newConnection()
        const reconnect = this.everOpened
        this.everOpened = true
        this.consumer.onOpen?.(reconnect)
      },
      onStatus: (s) => {
        this.status = s
        this.consumer.onStatus?.(s)
      },
      onEvent: (name, data) => {
        if (name === 'message') this.take(data as DeploymentEvent)
        else if (name === 'handover-ready') this.consumer.onHandover?.(data as HandoverReady)
        else if (name === 'done') this.done(data as DeploymentState)
      },
      silenceTimeoutMs: 0,
    })
  }

  private take(e: DeploymentEvent): void {
    if (!this.deduper.accept(e)) return
    this.pending.push(e)
    this.flushTimer ??= setTimeout(() => this.flush(), this.batchMs)
  }

  private done(state: DeploymentState): void {
    // The server closes now; close first so the drop is not taken for a failure and retried.
    this.handle?.close()
    this.handle = undefined
    this.flush()
    this.doneState = state
    this.consumer.onDone?.(state)
    this.settle(state)
  }

  /** The one after-done policy: read again later while the deployment still logs, else complete. */
  private settle(state: DeploymentState): void {
    if (logsAfterDone(state)) {
      this.scheduleRead()
      return
    }
    if (this.completed) return
    this.completed = true
    this.consumer.onComplete?.(state)
  }

  private scheduleRead(): void {
    if (this.backfillTimer !== undefined) clearTimeout(this.backfillTimer)
    this.backfillTimer = setTimeout(() => void this.read(), BACKFILL_AFTER_DONE_MS)
  }

  private endAfterDone(): void {
    if (this.backfillTimer !== undefined) clearTimeout(this.backfillTimer)
    this.backfillTimer = undefined
    this.doneState = undefined
    this.completed = false
    this.reading = false
    this.readAgain = false
  }

  /** One `GET /events` read; a read asked for while one is in flight runs right after it. */
  private async read(): Promise<void> {
    if (this.reading) {
      this.readAgain = true
      return
    }
    if (this.backfillTimer !== undefined) clearTimeout(this.backfillTimer)
    this.backfillTimer = undefined
    const generation = this.generation
    this.reading = true
    let res: DeploymentEvents | undefined
    try {
      res = await this.fetchEvents(this.deploymentId)
    } catch {
      res = undefined
    }
    if (generation !== this.generation) return // restarted or stopped meanwhile
    this.reading = false
    const again = this.readAgain
    this.readAgain = false
    if (res) {
      // The read replays the buffer like a new connection: only its tail is new.
      this.deduper.newConnection()
      for (const e of res.events) this.take(e)
      this.flush()
    }
    if (again) void this.read()
    else if (res) this.settle(res.state)
    else if (!this.completed) this.scheduleRead() // a failed read is retried while the policy runs
  }
}
