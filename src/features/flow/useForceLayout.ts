import { useEffect, useRef, useState } from 'react'
import { forceLayout, type LayoutInput } from '../../graph/forceLayout.ts'
import type { LayoutRequest, LayoutResponse } from '../../graph/forceLayout.worker.ts'
import {
  buildLayoutInput,
  computeGeometry,
  placeGroups,
  type FlowGeometry,
  type Point,
} from '../../graph/flowLayout.ts'
import type { FlowModel } from '../../graph/model.ts'
import { createLayoutWorker } from './createLayoutWorker.ts'

export interface FlowLayoutResult {
  /** Every node's position (jobs from the simulation, groups placed from them); undefined until the first run. */
  positions: ReadonlyMap<string, Point> | undefined
  geometry: FlowGeometry | undefined
  /** A layout for the current structure is still running. */
  pending: boolean
  /** Duration of the last worker run (ms, measured inside the worker). */
  lastLayoutMs: number | undefined
  /** Layout runs completed since mount. */
  runs: number
  /** The structure the positions are for. */
  key?: string | undefined
}

const INITIAL: FlowLayoutResult = {
  positions: undefined,
  geometry: undefined,
  pending: true,
  lastLayoutMs: undefined,
  runs: 0,
}

/**
 * The only bridge from the layout algorithm to React. Runs `forceLayout` in a Web Worker whenever the
 * model's STRUCTURE changes (`structureKey`; a status change never re-runs it), terminates a run that the
 * next change made stale, and terminates the worker on unmount. Earlier positions are passed in, so
 * nodes laid out before stay put and new ones start next to their group.
 */
export function useForceLayout(model: FlowModel | undefined): FlowLayoutResult {
  const [result, setResult] = useState<FlowLayoutResult>(INITIAL)
  const modelRef = useRef(model)
  const worker = useRef<Worker | undefined>(undefined)
  const busy = useRef(false)
  const requestId = useRef(0)
  const last = useRef<{ positions: Map<string, Point>; geometry: FlowGeometry } | undefined>(undefined)
  const runs = useRef(0)
  const key = model?.structureKey

  useEffect(() => {
    modelRef.current = model
  })

  useEffect(() => {
    const m = modelRef.current
    if (!m || key === undefined) return
    // The layout input (geometry, seeds, ranks: 10–30 ms at 2,000+ nodes) is built in a task of its own,
    // not inside React's commit of the render that brought the new structure.
    let cancelled = false
    let stop: (() => void) | undefined
    const timer = setTimeout(() => {
      if (!cancelled) stop = start(m)
    }, 0)
    return () => {
      cancelled = true
      clearTimeout(timer)
      stop?.()
    }

    /** Starts a layout run for `m`; returns its cleanup (terminate a run that became stale). */
    function start(m: FlowModel): (() => void) | undefined {
      const geometry = computeGeometry(m)
      const { input, ids } = buildLayoutInput(m, geometry, last.current)
      const finish = (xs: ArrayLike<number>, ys: ArrayLike<number>, ms: number | undefined) => {
        const simulated = new Map<string, Point>(ids.map((id, i) => [id, { x: xs[i]!, y: ys[i]! }]))
        last.current = { positions: simulated, geometry }
        runs.current++
        setResult({
          positions: placeGroups(m, geometry, simulated),
          geometry,
          pending: false,
          lastLayoutMs: ms,
          runs: runs.current,
          key: m.structureKey,
        })
      }
      if (input.nodes.every((n) => n.fixed)) {
        // Nothing new to place (e.g. only edges changed): no simulation needed.
        finish(
          input.nodes.map((n) => n.x),
          input.nodes.map((n) => n.y),
          0,
        )
        return
      }
      setResult((r) => (r.pending ? r : { ...r, pending: true }))
      const id = ++requestId.current
      let w: Worker | undefined
      try {
        w = worker.current ?? createLayoutWorker()
      } catch {
        w = undefined
      }
      if (!w) {
        // No worker support: lay out synchronously rather than show nothing.
        const t0 = performance.now()
        const out = forceLayout(input as LayoutInput)
        finish(out.xs, out.ys, performance.now() - t0)
        return
      }
      worker.current = w
      busy.current = true
      w.onmessage = (e: MessageEvent<LayoutResponse>) => {
        if (e.data.requestId !== requestId.current) return
        busy.current = false
        finish(e.data.xs, e.data.ys, e.data.ms)
      }
      w.onerror = (e) => {
        e.preventDefault()
        busy.current = false
        worker.current?.terminate()
        worker.current = undefined
        const t0 = performance.now()
        const out = forceLayout(input)
        if (id === requestId.current) finish(out.xs, out.ys, performance.now() - t0)
      }
      w.postMessage({ requestId: id, input } satisfies LayoutRequest)
      return () => {
        // A newer structure (or unmount) makes this run stale: stop it rather than wait for it.
        if (busy.current) {
          worker.current?.terminate()
          worker.current = undefined
          busy.current = false
        }
      }
    }
  }, [key])

  useEffect(() => {
    // Started on mount, so the worker's script is loaded by the time the first model is ready.
    try {
      worker.current ??= createLayoutWorker()
    } catch {
      // No worker support: runs fall back to the main thread.
    }
    return () => {
      worker.current?.terminate()
      worker.current = undefined
    }
  }, [])

  // Pending from the moment a new structure arrives (its run starts in the next task).
  return key !== undefined && result.key !== key && !result.pending ? { ...result, pending: true } : result
}
