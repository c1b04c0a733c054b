import { afterEach, describe, expect, it } from 'vitest'
import { LogBuffer, type IncomingLine, type IncomingPage } from './logBuffer.ts'
import { LogTail, type Visibility } from './logTail.ts'

/** A fake log endpoint: `lines` grow while `running`; faults are injectable per request. */
class FakeServer {
  lines: IncomingLine[] = []
  finished = false
  calls: { from: number; limit: number }[] = []
  failRate = 0
  shortRate = 0
  private seed = 42
  rand(): number {
    this.seed = (this.seed * 1103515245 + 12345) % 2 ** 31
    return this.seed / 2 ** 31
  }
  emit(count: number): void {
    for (let i = 0; i < count; i++) {
      const n = this.lines.length + 1
      this.lines.push({ lineNumber: n, timestamp: `t${n}`, level: 'INFO', message: `line ${n}` })
    }
  }
  fetch = async (from: number, limit: number): Promise<IncomingPage> => {
    this.calls.push({ from, limit })
    await new Promise((r) => setTimeout(r, this.rand() * 2))
    if (this.rand() < this.failRate) throw new Error('injected 503')
    let slice = this.lines.slice(from - 1, from - 1 + Math.min(limit, 5000))
    // A flaky proxy: sometimes a page comes back cut short, sometimes with a line repeated.
    if (this.rand() < this.shortRate) slice = slice.slice(0, Math.floor(slice.length / 2))
    if (this.rand() < this.shortRate && slice.length) slice = [...slice, slice[0]!]
    return { lines: slice, total: this.lines.length, executionFinished: this.finished }
  }
}

const visible: Visibility = { isVisible: () => true, subscribe: () => () => {} }
const tails: LogTail[] = []
afterEach(() => {
  for (const t of tails.splice(0)) t.stop()
})

function makeTail(server: FakeServer, extra: Partial<ConstructorParameters<typeof LogTail>[1]> = {}) {
  const buffer = new LogBuffer()
  const tail = new LogTail(buffer, {
    fetchPage: server.fetch,
    pollMs: 5,
    retryDelayMs: () => 3,
    visibility: visible,
    ...extra,
  })
  tails.push(tail)
  return { buffer, tail }
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now()
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 2))
  }
}

describe('LogTail', () => {
  it('follows a growing log and stops requesting once the execution finished and every line is in', async () => {
    const server = new FakeServer()
    server.emit(3)
    const { buffer, tail } = makeTail(server)
    tail.start()
    await until(() => buffer.loaded === 3)
    server.emit(7)
    await until(() => buffer.loaded === 10)
    server.emit(2)
    server.finished = true
    await until(() => tail.getStatus().state === 'complete')
    expect([...buffer.iterate()].map((l) => l.n)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    const calls = server.calls.length
    await new Promise((r) => setTimeout(r, 40))
    expect(server.calls.length).toBe(calls)
    // The tail cursor only ever moves forward past what was received.
    expect(server.calls.every((c, i) => i === 0 || c.from >= 1)).toBe(true)
  })

  it('opens a long finished log at its tail, then backfills everything', async () => {
    const server = new FakeServer()
    server.emit(12_000)
    server.finished = true
    const { buffer, tail } = makeTail(server, { hintTotal: 12_000 })
    tail.start()
    await until(() => tail.getStatus().state === 'complete')
    expect(server.calls[0]).toEqual({ from: 7001, limit: 5000 })
    expect(buffer.loaded).toBe(12_000)
    expect(buffer.missing()).toEqual([])
  })

  it('loses and duplicates nothing under errors, short pages and repeated lines', async () => {
    const server = new FakeServer()
    server.failRate = 0.3
    server.shortRate = 0.3
    server.emit(50)
    const { buffer, tail } = makeTail(server, { pageSize: 40 })
    tail.start()
    for (let i = 0; i < 20; i++) {
      server.emit(37)
      await new Promise((r) => setTimeout(r, 3))
    }
    server.finished = true
    await until(() => tail.getStatus().state === 'complete')
    const got = [...buffer.iterate()]
    expect(got.map((l) => l.n)).toEqual(server.lines.map((l) => l.lineNumber))
    expect(got.map((l) => l.text)).toEqual(server.lines.map((l) => l.message))
  })

  it('fetches the holes on screen before anything else', async () => {
    const server = new FakeServer()
    server.emit(30)
    server.finished = true
    const { buffer, tail } = makeTail(server, { pageSize: 5, hintTotal: 30 })
    tail.want(11, 14)
    tail.start()
    await until(() => buffer.has(11))
    expect(server.calls[0]).toEqual({ from: 26, limit: 5 })
    expect(server.calls[1]).toEqual({ from: 11, limit: 4 })
    await tail.whenComplete()
    expect(buffer.loaded).toBe(30)
  })

  it('does nothing while the tab is hidden and resumes when it is shown', async () => {
    const server = new FakeServer()
    server.emit(5)
    let shown = false
    const subs = new Set<() => void>()
    const vis: Visibility = {
      isVisible: () => shown,
      subscribe: (cb) => {
        subs.add(cb)
        return () => subs.delete(cb)
      },
    }
    const { buffer, tail } = makeTail(server, { visibility: vis })
    tail.start()
    await new Promise((r) => setTimeout(r, 30))
    expect(server.calls).toHaveLength(0)
    expect(tail.getStatus().state).toBe('paused')
    shown = true
    for (const s of subs) s()
    await until(() => buffer.loaded === 5)
  })

  it('restarts after stop (StrictMode remount, tab switch) without refetching what it has', async () => {
    const server = new FakeServer()
    server.emit(4)
    const { buffer, tail } = makeTail(server)
    tail.start()
    tail.stop()
    tail.start()
    await until(() => buffer.loaded === 4)
    tail.stop()
    server.emit(3)
    server.finished = true
    const before = server.calls.length
    tail.start()
    await until(() => tail.getStatus().state === 'complete')
    expect(buffer.loaded).toBe(7)
    expect(server.calls.slice(before).every((c) => c.from >= 5)).toBe(true)
  })

  it('stops on a fatal error and reports it', async () => {
    const { tail } = makeTail(new FakeServer(), {
      fetchPage: () => Promise.reject(new Error('execution-not-found')),
      isFatal: () => true,
    })
    tail.start()
    await until(() => tail.getStatus().state === 'failed')
    expect(String(tail.getStatus().error)).toContain('execution-not-found')
  })
})
