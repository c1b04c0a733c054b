import { useEffect, useRef, type RefObject } from 'react'
import { LANE_MARGIN_PX } from '../../canvas/drawFlow.ts'
import type { DrawScene } from '../../canvas/drawScene.ts'
import { nodeRadius } from '../../graph/flowLayout.ts'
import type { FlowModel } from '../../graph/model.ts'
import type { FlowScene } from '../../graph/visibility.ts'
import type { FlowCanvasHandle } from './FlowCanvas.tsx'
import type { FlowTestHook } from './flowTestHook.ts'
import type { FlowStreamResult } from './useFlowStream.ts'
import type { FlowLayoutResult } from './useForceLayout.ts'
import { exposeTestHook } from '../../lib/exposeTestHook.ts'

export interface FlowHookSources {
  scene: FlowScene | undefined
  ds: DrawScene | undefined
  model: FlowModel | undefined
  layout: FlowLayoutResult
  flow: FlowStreamResult
  selectedId: string | undefined
  canvas: RefObject<FlowCanvasHandle | null>
  /** performance.now() of the screen's mount, and of the first data / first layout. */
  mountedAt: RefObject<number>
  milestones: RefObject<{ data?: number; layout?: number }>
  /** The model or scene for the latest data / view is still being built. */
  derivedPending: boolean
}

/** Installs `window.__catalystFlow` (see flowTestHook.ts) reading the latest render's data through a ref. */
export function useFlowTestHook(sources: FlowHookSources): void {
  const { canvas, mountedAt, milestones } = sources
  const latest = useRef(sources)
  useEffect(() => {
    latest.current = sources
  })
  useEffect(() => {
    const hook: FlowTestHook = {
      scene: () => {
        const { scene: s, ds: d } = latest.current
        const cam = canvas.current?.camera() ?? { x: 0, y: 0, k: 1 }
        const rect = canvas.current?.canvasRect()
        const left = rect?.left ?? 0
        const top = rect?.top ?? 0
        return {
          nodes: (s?.nodes ?? []).map((n) => {
            const i = d?.index.get(n.id)
            const wx = i === undefined ? NaN : d!.xs[i]!
            const wy = i === undefined ? NaN : d!.ys[i]!
            const x = left + wx * cam.k + cam.x
            const y = top + wy * cam.k + cam.y
            return {
              id: n.id,
              label: n.label,
              kind: n.kind,
              status: n.status,
              folded: n.folded,
              hiddenCount: n.hiddenCount,
              region: n.region,
              x,
              y,
              wx,
              wy,
              r: nodeRadius(n.kind, n.hiddenCount) * cam.k,
              onScreen: !!rect && x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom,
            }
          }),
          edges: (s?.edges ?? []).map((e) => ({
            fromId: e.fromId,
            toId: e.toId,
            kind: e.kind,
            count: e.count,
          })),
        }
      },
      lanes: () => {
        const d = latest.current.ds
        const cam = canvas.current?.camera() ?? { x: 0, y: 0, k: 1 }
        const rect = canvas.current?.canvasRect()
        const top = rect?.top ?? 0
        const left = rect?.left ?? 0
        const cols = d?.geometry.columns ?? []
        const wx0 = (cols[0]?.x0 ?? 0) - LANE_MARGIN_PX
        const wx1 = (cols[cols.length - 1]?.x1 ?? 0) + LANE_MARGIN_PX
        return (d?.geometry.lanes ?? []).map((l) => ({
          key: l.key,
          label: l.label,
          x0: left + wx0 * cam.k + cam.x,
          x1: left + wx1 * cam.k + cam.x,
          y0: top + l.y0 * cam.k + cam.y,
          y1: top + l.y1 * cam.k + cam.y,
        }))
      },
      state: () => {
        const { layout: l, flow: f, model: m, selectedId: sel } = latest.current
        const perf = canvas.current?.perf()
        return {
          layoutPending:
            latest.current.derivedPending ||
            l.pending ||
            (!!m && (latest.current.ds?.count ?? 0) < (latest.current.scene?.nodes.length ?? 0)),
          layoutRuns: l.runs,
          lastLayoutMs: l.lastLayoutMs,
          lastPaintMs: perf?.lastPaintMs,
          firstPaintMs: perf?.firstPaintAt !== undefined ? perf.firstPaintAt - mountedAt.current : undefined,
          dataMs:
            milestones.current.data !== undefined ? milestones.current.data - mountedAt.current : undefined,
          firstLayoutMs:
            milestones.current.layout !== undefined
              ? milestones.current.layout - mountedAt.current
              : undefined,
          stream: f.stream.state,
          streamAttempt: f.stream.attempt,
          framesApplied: f.framesApplied,
          modelNodes: m?.nodes.size ?? 0,
          camera: canvas.current?.camera() ?? { x: 0, y: 0, k: 1 },
          selectedId: sel,
          diagnostics: m?.diagnostics.map((x) => x.message) ?? [],
          minimap: canvas.current?.minimapVisible() ?? false,
        }
      },
      perf: () => {
        canvas.current?.flush()
        return canvas.current?.perf()
      },
    }
    return exposeTestHook('Flow', hook)
  }, [canvas, mountedAt, milestones])
}
