/**
 * A uniform-grid spatial index over circles (parallel arrays), built once per scene/layout change and
 * queried on every pointer move and every frame (culling). Stored as compressed rows (cell start offsets
 * + one item array) and queried without allocating: callers pass the output array, and a stamp array
 * de-duplicates circles that straddle cells.
 */
export class SpatialGrid {
  private readonly x0: number
  private readonly y0: number
  private readonly cols: number
  private readonly rows: number
  private readonly cell: number
  private readonly starts: Int32Array
  private readonly items: Int32Array
  private readonly stamps: Uint32Array
  private stamp = 0

  constructor(
    readonly xs: ArrayLike<number>,
    readonly ys: ArrayLike<number>,
    readonly rs: ArrayLike<number>,
    readonly count: number,
    cellSize = 128,
  ) {
    let x0 = Infinity
    let y0 = Infinity
    let x1 = -Infinity
    let y1 = -Infinity
    for (let i = 0; i < count; i++) {
      x0 = Math.min(x0, xs[i]! - rs[i]!)
      y0 = Math.min(y0, ys[i]! - rs[i]!)
      x1 = Math.max(x1, xs[i]! + rs[i]!)
      y1 = Math.max(y1, ys[i]! + rs[i]!)
    }
    if (count === 0) x0 = y0 = x1 = y1 = 0
    // Keep the grid to ~4 cells per item at most, whatever the extent.
    const area = Math.max(1, (x1 - x0) * (y1 - y0))
    this.cell = Math.max(cellSize, Math.sqrt(area / Math.max(1, count * 4)))
    this.x0 = x0
    this.y0 = y0
    this.cols = Math.max(1, Math.ceil((x1 - x0) / this.cell) + 1)
    this.rows = Math.max(1, Math.ceil((y1 - y0) / this.cell) + 1)
    const n = this.cols * this.rows
    const counts = new Int32Array(n + 1)
    const span = (i: number) => {
      const r = rs[i]!
      return [
        this.colOf(xs[i]! - r),
        this.rowOf(ys[i]! - r),
        this.colOf(xs[i]! + r),
        this.rowOf(ys[i]! + r),
      ] as const
    }
    for (let i = 0; i < count; i++) {
      const [c0, r0, c1, r1] = span(i)
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) counts[r * this.cols + c + 1]!++
    }
    for (let k = 1; k <= n; k++) counts[k]! += counts[k - 1]!
    this.starts = counts
    this.items = new Int32Array(counts[n]!)
    const fill = counts.slice(0, n)
    for (let i = 0; i < count; i++) {
      const [c0, r0, c1, r1] = span(i)
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.items[fill[r * this.cols + c]!++] = i
    }
    this.stamps = new Uint32Array(count)
  }

  private colOf(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.x0) / this.cell)))
  }

  private rowOf(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.y0) / this.cell)))
  }

  /** The topmost circle (highest index: drawn last) within `slop` of (x, y), or -1. */
  hit(x: number, y: number, slop = 0): number {
    if (this.count === 0) return -1
    const c = this.colOf(x)
    const r = this.rowOf(y)
    let best = -1
    for (let k = this.starts[r * this.cols + c]!, end = this.starts[r * this.cols + c + 1]!; k < end; k++) {
      const i = this.items[k]!
      const dx = this.xs[i]! - x
      const dy = this.ys[i]! - y
      const rr = this.rs[i]! + slop
      if (dx * dx + dy * dy <= rr * rr && i > best) best = i
    }
    return best
  }

  /** Writes the indices of circles overlapping the rectangle into `out`; returns how many. */
  query(x0: number, y0: number, x1: number, y1: number, out: Int32Array | number[]): number {
    if (this.count === 0) return 0
    this.stamp = (this.stamp + 1) >>> 0
    if (this.stamp === 0) {
      this.stamps.fill(0)
      this.stamp = 1
    }
    const c0 = this.colOf(x0)
    const c1 = this.colOf(x1)
    const r0 = this.rowOf(y0)
    const r1 = this.rowOf(y1)
    let n = 0
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        for (
          let k = this.starts[r * this.cols + c]!, end = this.starts[r * this.cols + c + 1]!;
          k < end;
          k++
        ) {
          const i = this.items[k]!
          if (this.stamps[i] === this.stamp) continue
          this.stamps[i] = this.stamp
          const rad = this.rs[i]!
          const x = this.xs[i]!
          const y = this.ys[i]!
          if (x + rad < x0 || x - rad > x1 || y + rad < y0 || y - rad > y1) continue
          if (n < out.length || Array.isArray(out)) out[n] = i
          n++
        }
      }
    return n
  }
}
