/**
 * Read-only view into the canvas for e2e tests and benchmarks (convention 9), installed only when
 * `import.meta.env.MODE !== 'production'` (the e2e build is `--mode e2e`). Types only: e2e and bench
 * import this file.
 */

export interface FlowPerf {
  /** Duration of the last frame's draw call (ms). */
  lastPaintMs: number | undefined
  /** performance.now() of the first frame that drew nodes. */
  firstPaintAt: number | undefined
  /** Draw durations of the most recent frames (ms), oldest first. */
  frames: number[]
  /** Intervals between the most recent frames (ms), oldest first — frame rate while panning. */
  frameIntervals: number[]
  framesDrawn: number
}

export interface FlowHookNode {
  id: string
  label: string
  kind: 'group' | 'job'
  status: string
  folded: boolean
  hiddenCount: number
  region: string | undefined
  /** Viewport CSS px (what `page.mouse.click(x, y)` takes); NaN until the node has a position. */
  x: number
  y: number
  /** World (layout) coordinates: unaffected by pan and zoom. */
  wx: number
  wy: number
  /** Drawn radius in CSS px at the current zoom. */
  r: number
  /** Inside the canvas's visible area. */
  onScreen: boolean
}

export interface FlowHookEdge {
  fromId: string
  toId: string
  kind: 'dependency' | 'contains'
  /** Real relationships this line stands for (> 1 when merged through folded groups). */
  count: number
}

export interface FlowHookState {
  /** A layout for the current structure is still running in the worker. */
  layoutPending: boolean
  layoutRuns: number
  /** Worker-side duration of the last layout (ms). */
  lastLayoutMs: number | undefined
  /** Draw time of the last frame (ms). */
  lastPaintMs: number | undefined
  /** From this screen's mount to the first frame with nodes (ms). */
  firstPaintMs: number | undefined
  /** From mount to the snapshot being in the store (ms): network + parse + reduce. */
  dataMs: number | undefined
  /** From mount to the first layout result (ms): dataMs + model + worker layout. */
  firstLayoutMs: number | undefined
  stream: string
  streamAttempt: number
  framesApplied: number
  modelNodes: number
  camera: { x: number; y: number; k: number }
  selectedId: string | undefined
  diagnostics: string[]
  minimap: boolean
}

export interface FlowHookLane {
  key: string
  label: string
  /** Viewport CSS px of the band (the tinted rectangle) at the current camera. */
  x0: number
  x1: number
  y0: number
  y1: number
}

export interface FlowTestHook {
  scene(): { nodes: FlowHookNode[]; edges: FlowHookEdge[] }
  /** Region lanes (and the deployment-wide lane), top to bottom. */
  lanes(): FlowHookLane[]
  state(): FlowHookState
  perf(): FlowPerf | undefined
}

declare global {
  interface Window {
    __catalystFlow?: FlowTestHook
  }
}
