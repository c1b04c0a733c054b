import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * One Server-Sent Events connection. Headers disable every buffer on the way (no compression — the
 * plugin answers before Vite's compression middleware — no proxy buffering, no caching).
 */
export class SseConnection {
  closed = false
  private readonly onCloseHandlers: (() => void)[] = []

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    date: string,
  ) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      date,
    })
    res.flushHeaders()
    req.socket.setNoDelay(true)
    const done = () => this.markClosed()
    req.on('close', done)
    res.on('close', done)
  }

  onClose(fn: () => void): void {
    if (this.closed) fn()
    else this.onCloseHandlers.push(fn)
  }

  private markClosed(): void {
    if (this.closed) return
    this.closed = true
    for (const fn of this.onCloseHandlers.splice(0)) fn()
  }

  /** Writes one frame; `data` is serialised as a single line of JSON. */
  send(data: unknown, opts: { event?: string; id?: string | number } = {}): void {
    if (this.closed) return
    let frame = ''
    if (opts.event) frame += `event: ${opts.event}\n`
    if (opts.id !== undefined) frame += `id: ${opts.id}\n`
    frame += `data: ${JSON.stringify(data)}\n\n`
    this.res.write(frame)
  }

  comment(text: string): void {
    if (!this.closed) this.res.write(`: ${text}\n\n`)
  }

  close(): void {
    if (this.closed) return
    this.res.end()
    this.markClosed()
  }
}
