/**
 * Keeps a LogBuffer filled from a paged endpoint (`fromLine`/`limit`, ≤ 5000 a page):
 *
 *   1. first page: the tail when the execution is known to be long (`hintTotal`), so 100,000 lines open
 *      at the end at once; else from line 1;
 *   2. holes the viewer is showing right now (`want`), first;
 *   3. the live tail: `fromLine = maxLine + 1`, again at once while pages come back full, else every
 *      `pollMs` until the producer says it finished and every line is in;
 *   4. other holes, nearest the end first (backfill), between tail polls.
 *
 * Nothing is fetched while the tab is hidden. Failures back off (1 s → 10 s) and retry from the same
 * cursor; the buffer's merge makes replays and out-of-order answers harmless, so no line is lost or
 * duplicated across errors, reconnects and tab switches. No React here: the hook only subscribes.
 */
import type { IncomingPage, LineRange, LogBuffer } from './logBuffer.ts'

export const PAGE_SIZE = 5000

export type TailState = 'loading' | 'live' | 'complete' | 'paused' | 'retrying' | 'failed'

export interface TailStatus {
  state: TailState
  /** The last failure (while retrying or failed). */
  error: unknown
  /** When the next retry is due (epoch ms), while retrying. */
  retryAt: number | undefined
  /** Pages requested so far. */
  requests: number
}

export interface Visibility {
  isVisible(): boolean
  subscribe(onChange: () => void): () => void
}

export interface LogTailOptions {
  fetchPage: (fromLine: number, limit: number, signal: AbortSignal) => Promise<IncomingPage>
  pageSize?: number
  pollMs?: number
  /** Lines the execution is known to have (its `lineCount`): decides whether to start at the tail. */
  hintTotal?: number
  visibility?: Visibility
  /** Errors that retrying cannot fix (404 execution-not-found). */
  isFatal?: (e: unknown) => boolean
  retryDelayMs?: (failures: number) => number
  now?: () => number
}

const documentVisibility: Visibility = {
  isVisible: () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
  subscribe: (cb) => {
    if (typeof document === 'undefined') return () => {}
    document.addEventListener('visibilitychange', cb)
    return () => document.removeEventListener('visibilitychange', cb)
  },
}

interface Request {
  kind: 'first' | 'want' | 'tail' | 'fill'
  from: number
  limit: number
}

export class LogTail {
  private status: TailStatus = { state: 'loading', error: undefined, retryAt: undefined, requests: 0 }
  private readonly listeners = new Set<() => void>()
  private abort = new AbortController()
  private readonly pageSize: number
  private readonly pollMs: number
  private readonly visibility: Visibility
  private readonly now: () => number
  private wantRange: LineRange | undefined
  private firstDone = false
  private nextTailAt = 0
  private tailWasFull = false
  private nextFillAt = 0
  private failures = 0
  private wakeUp: (() => void) | undefined
  private waiters: (() => void)[] = []
  private running = false

  constructor(
    readonly buffer: LogBuffer,
    private readonly opts: LogTailOptions,
  ) {
    this.pageSize = Math.min(PAGE_SIZE, opts.pageSize ?? PAGE_SIZE)
    this.pollMs = opts.pollMs ?? 1000
    this.visibility = opts.visibility ?? documentVisibility
    this.now = opts.now ?? Date.now
  }

  /** Starts (or restarts after `stop`, keeping every line already in the buffer). */
  start(): void {
    if (this.abort.signal.aborted) this.abort = new AbortController()
    else if (this.running) return
    // Each run owns its signal: a stopped run winds down on its own while a restarted one goes on.
    const signal = this.abort.signal
    this.running = true
    void this.loop(signal).finally(() => {
      if (this.abort.signal === signal) this.running = false
    })
  }

  stop(): void {
    this.abort.abort()
    this.wake()
    for (const w of this.waiters.splice(0)) w()
  }

  getStatus(): TailStatus {
    return this.status
  }

  /** Called on every status change and every merge that changed the buffer. */
  subscribe(l: () => void): () => void {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }

  /** The line numbers on screen: their holes are fetched before anything else. */
  want(from: number, to: number): void {
    const prev = this.wantRange
    this.wantRange = [from, to]
    if (!prev || prev[0] !== from || prev[1] !== to) this.wake()
  }

  /** Retry now (after a failure, or to skip a backoff). */
  retry(): void {
    this.failures = 0
    this.nextTailAt = 0
    this.nextFillAt = 0
    this.wake()
  }

  /** Resolves once every line up to the current total is in (used before a download). */
  whenComplete(): Promise<void> {
    if (this.buffer.complete) return Promise.resolve()
    return new Promise((resolve) => {
      this.waiters.push(resolve)
      this.wake()
    })
  }

  private set(patch: Partial<TailStatus>): void {
    const next = { ...this.status, ...patch }
    if (
      next.state === this.status.state &&
      next.error === this.status.error &&
      next.retryAt === this.status.retryAt &&
      next.requests === this.status.requests
    )
      return
    this.status = next
    for (const l of this.listeners) l()
  }

  private wake(): void {
    const w = this.wakeUp
    this.wakeUp = undefined
    w?.()
  }

  /** Sleeps until `ms` passed, `wake()` was called, the tab became visible or the tail stopped. */
  private pause(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        unsubscribe()
        if (this.wakeUp === done) this.wakeUp = undefined
        resolve()
      }
      const timer = Number.isFinite(ms) ? setTimeout(done, Math.max(0, ms)) : undefined
      const unsubscribe = this.visibility.subscribe(() => {
        if (this.visibility.isVisible()) done()
      })
      this.wakeUp = done
      if (signal.aborted) done()
    })
  }

  private plan(now: number): Request | 'wait' | 'done' {
    const b = this.buffer
    const size = this.pageSize
    if (!this.firstDone) {
      const hint = this.opts.hintTotal ?? 0
      return { kind: 'first', from: hint > size ? hint - size + 1 : 1, limit: size }
    }
    if (this.wantRange) {
      const hole = b.missing(this.wantRange[0], this.wantRange[1])[0]
      if (hole) return { kind: 'want', from: hole[0], limit: Math.min(size, hole[1] - hole[0] + 1) }
    }
    const caughtUp = b.finished && b.maxLine >= b.total
    if (!caughtUp && (now >= this.nextTailAt || this.tailWasFull || b.total > b.maxLine))
      return { kind: 'tail', from: b.maxLine + 1, limit: size }
    const holes = b.missing()
    const last = holes[holes.length - 1]
    if (last && now >= this.nextFillAt) {
      const from = Math.max(last[0], last[1] - size + 1)
      return { kind: 'fill', from, limit: last[1] - from + 1 }
    }
    if (caughtUp && !last) return 'done'
    return 'wait'
  }

  private settleWaiters(): void {
    if (this.buffer.complete) for (const w of this.waiters.splice(0)) w()
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      if (!this.visibility.isVisible()) {
        this.set({ state: 'paused', retryAt: undefined })
        await this.pause(Infinity, signal)
        continue
      }
      const now = this.now()
      const req = this.plan(now)
      if (req === 'done') {
        this.settleWaiters()
        this.set({ state: 'complete', error: undefined, retryAt: undefined })
        await this.pause(Infinity, signal)
        continue
      }
      if (req === 'wait') {
        this.settleWaiters()
        this.set({ state: 'live', error: undefined, retryAt: undefined })
        const until = Math.min(this.nextTailAt, this.buffer.missing().length ? this.nextFillAt : Infinity)
        await this.pause(until - now, signal)
        continue
      }
      if (this.status.state !== 'retrying' && !this.firstDone) this.set({ state: 'loading' })
      let page: IncomingPage
      try {
        this.set({ requests: this.status.requests + 1 })
        page = await this.opts.fetchPage(req.from, req.limit, signal)
      } catch (e) {
        if (signal.aborted) return
        if (this.opts.isFatal?.(e)) {
          this.set({ state: 'failed', error: e, retryAt: undefined })
          await this.pause(Infinity, signal)
          continue
        }
        this.failures++
        const delay =
          this.opts.retryDelayMs?.(this.failures) ?? Math.min(10_000, 1000 * 2 ** (this.failures - 1))
        this.set({ state: 'retrying', error: e, retryAt: this.now() + delay })
        await this.pause(delay, signal)
        continue
      }
      if (signal.aborted) return
      this.failures = 0
      this.firstDone = true
      const before = this.buffer.version
      const added = this.buffer.merge(page)
      if (this.buffer.version !== before) for (const l of this.listeners) l()
      const full = page.lines.length >= req.limit
      if (req.kind === 'tail' || req.kind === 'first') {
        this.tailWasFull = full && added > 0
        this.nextTailAt = this.now() + this.pollMs
      }
      // A fill that brought nothing new (the server no longer has those lines): do not spin on it.
      if (req.kind === 'fill' && added === 0) this.nextFillAt = this.now() + this.pollMs
      if (this.status.state !== 'live' && this.status.state !== 'complete')
        this.set({ state: 'live', error: undefined, retryAt: undefined })
      this.settleWaiters()
    }
  }
}
