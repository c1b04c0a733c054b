/** The flow baseline page's read-only probe (bench/pages/flowBaseline.tsx), shared with the bench spec. */
export interface FlowBaselineHook {
  state(): {
    /** performance.now() when the snapshot was parsed and the model built. */
    dataAt: number | undefined
    /** Start of the first frame that drew nodes. */
    firstPaintAt: number | undefined
    /** Start of the frame that drew the simulation's last tick. */
    settledAt: number | undefined
    ticks: number
    nodes: number
    edges: number
    error: string | undefined
  }
  /** Folds or unfolds one group (what a double-click does upstream). */
  toggle(id: string): void
}

declare global {
  interface Window {
    __benchFlowBaseline?: FlowBaselineHook
  }
}
