// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { applyFlowMessage, EMPTY_FLOW_STATE, type FlowState } from '../../graph/flowState.ts'
import { deploymentSnapshot } from '../../graph/testing/flowFixtures.ts'
import type { FoldView } from '../../graph/visibility.ts'
import { useFlowModel, useFlowScene } from './useFlowModel.ts'

const stateOf = (opts: Parameters<typeof deploymentSnapshot>[0] = {}) =>
  applyFlowMessage(EMPTY_FLOW_STATE, deploymentSnapshot(opts))
const nextTask = () => act(() => vi.runOnlyPendingTimers())

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('useFlowModel / useFlowScene', () => {
  test('the model and the scene are built each in a task of their own, stale until then', () => {
    let state: FlowState | undefined = stateOf()
    let view: FoldView = { depth: 'all', folded: new Set() }
    const { result, rerender } = renderHook(() => {
      const m = useFlowModel(state)
      return { m, s: useFlowScene(m.model, view) }
    })
    expect(result.current.m).toEqual({ model: undefined, stale: true })
    nextTask()
    expect(result.current.m.stale).toBe(false)
    expect(result.current.m.model!.nodes.size).toBe(state.nodes.size)
    expect(result.current.s.stale).toBe(true)
    nextTask()
    const s = result.current.s
    expect(s.stale).toBe(false)
    expect(s.scene!.nodes.length).toBeGreaterThan(0)
    expect(s.outline.length).toBeGreaterThan(0)

    // A fold: the previous scene stays until the new one is built.
    const group = result.current.m.model!.roots[0]!
    view = { depth: 'all', folded: new Set([group]) }
    rerender()
    expect(result.current.s.stale).toBe(true)
    expect(result.current.s.scene).toBe(s.scene)
    nextTask()
    expect(result.current.s.stale).toBe(false)
    expect(result.current.s.scene!.byId.get(group)?.folded).toBe(true)

    // New data: stale until its model is built.
    state = stateOf({ regions: ['fsn1', 'nbg1-1'] })
    rerender()
    expect(result.current.m.stale).toBe(true)
    nextTask()
    expect(result.current.m.model!.nodes.size).toBe(state.nodes.size)
  })
})
