// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useUrlText } from './useUrlText.ts'

describe('useUrlText', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function setup(initial: string | undefined) {
    const writes: (string | undefined)[] = []
    const hook = renderHook(
      ({ value }: { value: string | undefined }) => useUrlText(value, (v) => writes.push(v), 200),
      { initialProps: { value: initial } },
    )
    return { hook, writes }
  }

  it('writes the text once typing pauses, and an empty box as undefined', () => {
    const { hook, writes } = setup(undefined)
    act(() => hook.result.current[1]('l'))
    act(() => hook.result.current[1]('lo'))
    act(() => vi.advanceTimersByTime(199))
    expect(writes).toEqual([])
    act(() => vi.advanceTimersByTime(1))
    expect(writes).toEqual(['lo'])
    hook.rerender({ value: 'lo' })
    act(() => hook.result.current[1](''))
    act(() => vi.advanceTimersByTime(200))
    expect(writes).toEqual(['lo', undefined])
  })

  it('keeps characters typed while its own write is in flight', () => {
    const { hook, writes } = setup(undefined)
    act(() => hook.result.current[1]('ab'))
    act(() => vi.advanceTimersByTime(200))
    act(() => hook.result.current[1]('abc'))
    // The URL catches up with the earlier write: the box must keep "abc".
    hook.rerender({ value: 'ab' })
    expect(hook.result.current[0]).toBe('abc')
    act(() => vi.advanceTimersByTime(200))
    expect(writes).toEqual(['ab', 'abc'])
  })

  it('takes a URL change it did not write (back button, Clear filters)', () => {
    const { hook, writes } = setup('harbor')
    expect(hook.result.current[0]).toBe('harbor')
    hook.rerender({ value: undefined })
    expect(hook.result.current[0]).toBe('')
    act(() => vi.advanceTimersByTime(500))
    expect(writes).toEqual([])
  })
})
