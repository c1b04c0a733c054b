/**
 * A destructive request that never answers must not lock its dialog (issue 15 item 5): after
 * ANSWER_TIMEOUT_MS the request is aborted and the caller learns "no answer" — the outcome is unknown, not
 * failed — and the operator may cancel while waiting. The pure part (`answerWithin`) is React-free.
 */
import { useCallback, useEffect, useRef } from 'react'

/** A wipe runs `tofu destroy` and a purge; upstream answers within minutes. Ten is "not answering". */
export const ANSWER_TIMEOUT_MS = 10 * 60_000

export type AnswerOutcome<T> =
  | { kind: 'answer'; value: T }
  | { kind: 'failed'; error: unknown }
  /** No answer in time: the request was aborted; whether the server acted is unknown. */
  | { kind: 'no-answer' }
  /** The operator stopped waiting (the request was aborted); the outcome is as unknown. */
  | { kind: 'cancelled' }

/** Runs `call` with an AbortSignal that fires after `timeoutMs` or on `cancel()`. Never rejects. */
export function answerWithin<T>(
  call: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
): { outcome: Promise<AnswerOutcome<T>>; cancel: () => void } {
  const ctrl = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    ctrl.abort()
  }, timeoutMs)
  const outcome = (async (): Promise<AnswerOutcome<T>> => {
    try {
      return { kind: 'answer', value: await call(ctrl.signal) }
    } catch (error) {
      if (ctrl.signal.aborted) return { kind: timedOut ? 'no-answer' : 'cancelled' }
      return { kind: 'failed', error }
    } finally {
      clearTimeout(timer)
    }
  })()
  return { outcome, cancel: () => ctrl.abort() }
}

/** `answerWithin` for a component: one request at a time, aborted when the component unmounts. */
export function useAnswerDeadline(timeoutMs = ANSWER_TIMEOUT_MS) {
  const pending = useRef<(() => void) | undefined>(undefined)
  useEffect(() => () => pending.current?.(), [])
  const run = useCallback(
    async <T>(call: (signal: AbortSignal) => Promise<T>): Promise<AnswerOutcome<T>> => {
      const { outcome, cancel } = answerWithin(call, timeoutMs)
      pending.current = cancel
      const out = await outcome
      if (pending.current === cancel) pending.current = undefined
      return out
    },
    [timeoutMs],
  )
  /** Stops waiting for the request under way (if any). */
  const cancel = useCallback(() => pending.current?.(), [])
  return { run, cancel }
}
