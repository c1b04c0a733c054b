/**
 * One cancellable Server-Sent Events wrapper. Named events are parsed with their contract schema; a frame
 * that fails to parse goes to `onInvalid` and never reaches the UI.
 *
 * Reconnects are ours, not the browser's: on any error we close the EventSource and reopen after a
 * jittered backoff (`reconnectPolicy.ts`: full jitter under 1 s, 2 s, 4 s … capped; the count resets only
 * after a stable connection), and a hidden tab holds no stream at all (as Argo CD does): it closes on
 * `visibilitychange` and reopens — with a snapshot refetch via `onOpen(true)` — when the tab is shown. That is because EventSource's own retry gives no visible state, keeps no
 * attempt count and would silently reconnect a stream the server ended on purpose (after `done`).
 * An optional watchdog reopens a stream that went silent longer than its heartbeat promises (half-open
 * TCP connections otherwise look "open" forever).
 */
import type { z } from 'zod'
import { reportReachable } from './connectivity.ts'
import { apiUrl } from './http.ts'
import { attemptAfterClose, backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './reconnectPolicy.ts'

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed'

export interface StreamStatus {
  state: StreamState
  /** Reconnect attempts since the last stable connection (`reconnectPolicy.ts`). */
  attempt: number
  /** When the next reconnect is due (epoch ms), while reconnecting. */
  retryAt: number | undefined
}

export interface StreamOptions<E extends Record<string, z.ZodType>> {
  /** Named events to listen to (`message` = unnamed frames) and their schemas. */
  events: E
  onEvent: <K extends keyof E & string>(name: K, data: z.infer<E[K]>) => void
  onStatus?: (status: StreamStatus) => void
  /** Each (re)connect, before any event: the place to refetch a snapshot. */
  onOpen?: (reconnect: boolean) => void
  onInvalid?: (name: string, raw: string) => void
  /**
   * When set, frames are handed over unparsed instead of going to `onEvent`: for callers that parse big
   * frames with the same contract schema off the main thread (the flow snapshot worker).
   */
  onRaw?: (name: keyof E & string, raw: string) => void
  /** Reopen when no frame arrived for this long (ms); 0 = no watchdog. */
  silenceTimeoutMs?: number
  backoff?: Partial<BackoffPolicy>
  /** The jitter's randomness (tests pin it). */
  random?: () => number
}

export interface StreamHandle {
  close(): void
  /** Close the current connection and reconnect now (a "Retry now" button). */
  reconnect(): void
}

export function openEventStream<E extends Record<string, z.ZodType>>(
  path: string,
  opts: StreamOptions<E>,
): StreamHandle {
  const url = apiUrl(path)
  const backoff: BackoffPolicy = { ...DEFAULT_BACKOFF, ...opts.backoff }
  const random = opts.random ?? Math.random
  let openedAt = 0
  let hiddenPause = false
  let es: EventSource | undefined
  let attempt = 0
  let opened = false
  let everOpened = false
  let stopped = false
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let watchdog: ReturnType<typeof setInterval> | undefined
  let lastFrame = Date.now()

  const status = (state: StreamState, retryAt?: number) => opts.onStatus?.({ state, attempt, retryAt })

  const teardown = () => {
    es?.close()
    es = undefined
    if (watchdog) clearInterval(watchdog)
    watchdog = undefined
  }

  const scheduleReconnect = () => {
    const wasOpen = opened
    teardown()
    if (stopped) return
    if (wasOpen) attempt = attemptAfterClose(attempt, Date.now() - openedAt, backoff)
    opened = false
    const delay = backoffDelay(attempt, backoff, random)
    attempt++
    status('reconnecting', Date.now() + delay)
    retryTimer = setTimeout(connect, delay)
  }

  const connect = () => {
    if (stopped) return
    retryTimer = undefined
    opened = false
    status(everOpened ? 'reconnecting' : 'connecting')
    const source = new EventSource(url, { withCredentials: true })
    es = source
    lastFrame = Date.now()
    source.onopen = () => {
      opened = true
      openedAt = Date.now()
      reportReachable()
      opts.onOpen?.(everOpened)
      everOpened = true
      status('open')
    }
    source.onerror = () => {
      if (es !== source) return
      scheduleReconnect()
    }
    for (const name of Object.keys(opts.events)) {
      source.addEventListener(name, (ev) => {
        if (es !== source) return
        lastFrame = Date.now()
        const raw = (ev as MessageEvent<string>).data
        if (opts.onRaw) {
          opts.onRaw(name, raw)
          return
        }
        let json: unknown
        try {
          json = JSON.parse(raw)
        } catch {
          opts.onInvalid?.(name, raw)
          return
        }
        const parsed = opts.events[name]!.safeParse(json)
        if (parsed.success) opts.onEvent(name, parsed.data as z.infer<E[string]>)
        else opts.onInvalid?.(name, raw)
      })
    }
    if (opts.silenceTimeoutMs) {
      const limit = opts.silenceTimeoutMs
      watchdog = setInterval(
        () => {
          if (opened && Date.now() - lastFrame > limit) scheduleReconnect()
        },
        Math.min(5000, limit),
      )
    }
  }

  // A hidden tab holds no connection; showing it again reconnects at once (the backoff count is kept).
  const doc = typeof document === 'undefined' ? undefined : document
  const onVisibility = () => {
    if (stopped || !doc) return
    if (doc.hidden) {
      if (hiddenPause) return
      hiddenPause = true
      if (retryTimer) clearTimeout(retryTimer)
      retryTimer = undefined
      if (opened) attempt = attemptAfterClose(attempt, Date.now() - openedAt, backoff)
      opened = false
      teardown()
      status('reconnecting')
    } else if (hiddenPause) {
      hiddenPause = false
      connect()
    }
  }
  doc?.addEventListener('visibilitychange', onVisibility)

  if (doc?.hidden) onVisibility()
  else connect()
  return {
    close() {
      stopped = true
      doc?.removeEventListener('visibilitychange', onVisibility)
      if (retryTimer) clearTimeout(retryTimer)
      teardown()
      status('closed')
    },
    reconnect() {
      if (stopped) return
      if (retryTimer) clearTimeout(retryTimer)
      teardown()
      attempt = 0
      opened = false
      if (!hiddenPause) connect()
    },
  }
}
