import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ANSWER_TIMEOUT_MS, answerWithin } from './useAnswerDeadline.ts'

/** A request that settles only when aborted (as fetch does), like a server that never answers. */
const never = (signal: AbortSignal) =>
  new Promise<string>((_, reject) => {
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
  })

describe('answerWithin', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('an answer in time is the answer; a refusal is a failure', async () => {
    expect(await answerWithin(async () => 'ok', 1000).outcome).toEqual({ kind: 'answer', value: 'ok' })
    const boom = new Error('409')
    expect(
      await answerWithin(async () => {
        throw boom
      }, 1000).outcome,
    ).toEqual({ kind: 'failed', error: boom })
  })

  it('no answer by the deadline aborts the request and says so (not a failure)', async () => {
    let signal: AbortSignal | undefined
    const { outcome } = answerWithin((s) => {
      signal = s
      return never(s)
    }, ANSWER_TIMEOUT_MS)
    await vi.advanceTimersByTimeAsync(ANSWER_TIMEOUT_MS - 1)
    expect(signal!.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(signal!.aborted).toBe(true)
    expect(await outcome).toEqual({ kind: 'no-answer' })
  })

  it('cancel aborts at once and is told apart from the timeout', async () => {
    const { outcome, cancel } = answerWithin(never, ANSWER_TIMEOUT_MS)
    cancel()
    expect(await outcome).toEqual({ kind: 'cancelled' })
    expect(vi.getTimerCount()).toBe(0)
  })
})
