/**
 * Deterministic force layout (d3-force) over plain data: copies its input (d3 mutates the objects it is
 * given), stops the simulation's timer and runs a fixed number of ticks, so the same input always gives
 * the same output and the cost is bounded (ticks × O(n log n) for collide). Runs inside a Web Worker
 * (`forceLayout.worker.ts` imports this file) and directly in tests.
 *
 *   each node is pulled to its target slot (forceX = phase column, forceY = region lane),
 *   links pull dependent jobs together, collide keeps bubbles apart (`gridCollide`: d3's collide
 *   contract on a uniform grid, the bottleneck at 5,000 nodes otherwise),
 *   and after every tick a node is clamped into its box (its cell), so lanes and columns never bleed.
 */
import {
  forceLink,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force'
import { gridCollide } from './gridCollide.ts'

export interface LayoutNodeInput {
  id: string
  /** Start position (a seeded slot, a previous position or a spot next to the node's group). */
  x: number
  y: number
  /** Target (slot centre) the x/y forces pull towards. */
  tx: number
  ty: number
  /** Visual radius; collide keeps `r + collidePaddingPx` clear. */
  r: number
  /** Keeps its position (already laid out and still valid). */
  fixed: boolean
  /** The box the node must stay in (its cell). */
  x0: number
  x1: number
  y0: number
  y1: number
}

export interface ForceLayoutConfig {
  ticks: number
  slotStrength: number
  linkStrength: number
  linkDistancePx: number
  collidePaddingPx: number
  collideStrength: number
  velocityDecay: number
}

/** Tuning in one place, units in the names (convention 5). */
export const DEFAULT_FORCE_CONFIG: ForceLayoutConfig = {
  // ~2 s of the upstream canvas's 60 fps budget, done offline in one go; enough to settle 5,000 nodes
  // that start on their slots (the seed already is a good layout).
  ticks: 160,
  slotStrength: 0.3,
  linkStrength: 0.03,
  linkDistancePx: 110,
  collidePaddingPx: 5,
  collideStrength: 0.9,
  velocityDecay: 0.35,
}

export interface LayoutInput {
  nodes: LayoutNodeInput[]
  /** Index pairs into `nodes`: [from, to]. */
  links: [number, number][]
  config: ForceLayoutConfig
}

export interface LayoutOutput {
  xs: Float64Array
  ys: Float64Array
  ticks: number
}

export interface SimNode extends SimulationNodeDatum {
  i: number
  r: number
  tx: number
  ty: number
}

export interface ForceSimulation {
  simulation: Simulation<SimNode, undefined>
  /** Ticks the layout runs for (alpha reaches alphaMin exactly at the last one). */
  ticks: number
  /** Clamps every movable node into its box: call after each tick. */
  clamp(): void
  /** Current positions in input order (fixed nodes at their fixed spot). */
  read(xs: Float64Array, ys: Float64Array): void
}

/**
 * The simulation `forceLayout` runs, stopped and unticked: the one place the forces are configured. The
 * benchmark's SVG baseline (the upstream approach, ticking on d3's timer) runs this same simulation.
 */
export function createForceSimulation(input: LayoutInput): ForceSimulation {
  const { config } = input
  const sim: SimNode[] = input.nodes.map((d, i) => ({
    i,
    index: i,
    x: d.x,
    y: d.y,
    r: d.r,
    tx: d.tx,
    ty: d.ty,
    ...(d.fixed ? { fx: d.x, fy: d.y } : {}),
  }))
  const movable = input.nodes.some((d) => !d.fixed)
  const links: SimulationLinkDatum<SimNode>[] = input.links
    .filter(([a, b]) => a !== b && !(input.nodes[a]!.fixed && input.nodes[b]!.fixed))
    .map(([a, b]) => ({ source: a, target: b }))
  const ticks = movable ? Math.max(0, Math.floor(config.ticks)) : 0
  const simulation = forceSimulation<SimNode>(sim)
    .stop()
    .alpha(1)
    // Decay so alpha reaches alphaMin exactly at the last tick.
    .alphaMin(0.001)
    .alphaDecay(ticks > 0 ? 1 - Math.pow(0.001, 1 / ticks) : 1)
    .velocityDecay(config.velocityDecay)
    .force('x', forceX<SimNode>((d) => d.tx).strength(config.slotStrength))
    .force('y', forceY<SimNode>((d) => d.ty).strength(config.slotStrength))
    .force(
      'link',
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(links)
        .distance(config.linkDistancePx)
        .strength(config.linkStrength),
    )
    .force(
      'collide',
      gridCollide<SimNode>((d) => d.r + config.collidePaddingPx).strength(config.collideStrength),
    )
  const boxes = input.nodes
  const clamp = () => {
    for (const s of sim) {
      const b = boxes[s.i]!
      if (s.fx != null) continue
      const lo = b.x0 + s.r
      const hi = b.x1 - s.r
      s.x = lo <= hi ? Math.min(hi, Math.max(lo, s.x!)) : (b.x0 + b.x1) / 2
      const top = b.y0 + s.r
      const bottom = b.y1 - s.r
      s.y = top <= bottom ? Math.min(bottom, Math.max(top, s.y!)) : (b.y0 + b.y1) / 2
    }
  }
  const read = (xs: Float64Array, ys: Float64Array) => {
    for (const s of sim) {
      xs[s.i] = s.fx ?? s.x!
      ys[s.i] = s.fy ?? s.y!
    }
  }
  return { simulation, ticks, clamp, read }
}

export function forceLayout(input: LayoutInput): LayoutOutput {
  const n = input.nodes.length
  const xs = new Float64Array(n)
  const ys = new Float64Array(n)
  if (n === 0) return { xs, ys, ticks: 0 }
  const { simulation, ticks, clamp, read } = createForceSimulation(input)
  for (let t = 0; t < ticks; t++) {
    simulation.tick()
    clamp()
  }
  read(xs, ys)
  return { xs, ys, ticks }
}
