import { useEffect, useState } from 'react'
import type { FlowState } from '../../graph/flowState.ts'
import { buildFlowModel, type FlowModel } from '../../graph/model.ts'
import { buildOutline, type OutlineRow } from '../../graph/outline.ts'
import { buildScene, type FlowScene, type FoldView } from '../../graph/visibility.ts'

/**
 * `buildFlowModel(state)`, computed in a task of its own rather than during render: at 2,000+ nodes the
 * model costs 10–25 ms, and together with the scene, the outline and React's commit it made the first
 * render one main-thread task well over 50 ms. One task of latency on each (batched) stream update is the
 * price; the model always catches up with the latest state.
 */
export function useFlowModel(state: FlowState | undefined): {
  model: FlowModel | undefined
  /** The model is of an older state (its task has not run yet). */
  stale: boolean
} {
  const [built, setBuilt] = useState<{ state: FlowState; model: FlowModel } | undefined>(undefined)
  useEffect(() => {
    if (!state) return
    const t = setTimeout(() => setBuilt({ state, model: buildFlowModel(state) }), 0)
    return () => clearTimeout(t)
  }, [state])
  return { model: built?.model, stale: !!state && built?.state !== state }
}

interface Built {
  model: FlowModel | undefined
  view: FoldView | undefined
  scene: FlowScene | undefined
  /** The outline rows of that scene (built with it, from the same model). */
  outline: OutlineRow[]
}

const NO_SCENE: Built = { model: undefined, view: undefined, scene: undefined, outline: [] }

/**
 * `buildScene(model, view)` and its outline rows in a task of their own, for the same reason (7–35 ms at
 * 2,000–5,000 nodes); the render that follows only commits. Until the task ran the previous scene is shown
 * (a fold takes one more task to appear, which is not perceptible).
 */
export function useFlowScene(
  model: FlowModel | undefined,
  view: FoldView,
): { scene: FlowScene | undefined; outline: OutlineRow[]; stale: boolean } {
  const [built, setBuilt] = useState<Built>(NO_SCENE)
  useEffect(() => {
    if (!model) return
    const t = setTimeout(() => {
      const scene = buildScene(model, view)
      setBuilt({ model, view, scene, outline: buildOutline(model, scene) })
    }, 0)
    return () => clearTimeout(t)
  }, [model, view])
  return {
    scene: built.scene,
    outline: built.outline,
    stale: !!model && (built.model !== model || built.view !== view),
  }
}
