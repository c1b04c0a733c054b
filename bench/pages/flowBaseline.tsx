/**
 * Baseline for the flow-canvas benchmark: the upstream console's approach — one SVG element per node and
 * edge, positions held in React state and updated on every tick of a main-thread d3-force simulation.
 * It reuses the console's own pipeline up to the pixels (same snapshot fetch, same model, same fold
 * rules, same geometry, the same forces via `createForceSimulation`), so the comparison isolates the
 * rendering and threading strategy. Bench-only: never built into the app.
 *
 * URL: `/__bench/flow.html?deployment=<id>&depth=all&folded=<token,…>&w=<px>&h=<px>`.
 * Pan/zoom: d3-zoom on the <svg>; the transform lives in React state too, but node and edge elements
 * are memoised per layout, so a camera change re-renders one <g> attribute (kinder than upstream, which
 * had no zoom at all).
 */
import { select } from 'd3-selection'
import { zoom, zoomIdentity, type D3ZoomEvent } from 'd3-zoom'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { fetchFlowSnapshot } from '../../src/entities/flow/flowQueries.ts'
import { fitBounds, MAX_ZOOM, MIN_ZOOM, type Bounds, type Camera } from '../../src/graph/camera.ts'
import {
  buildLayoutInput,
  computeGeometry,
  nodeRadius,
  placeGroups,
  type Point,
} from '../../src/graph/flowLayout.ts'
import { createForceSimulation } from '../../src/graph/forceLayout.ts'
import { applyFlowMessage, EMPTY_FLOW_STATE } from '../../src/graph/flowState.ts'
import { buildFlowModel, type FlowModel } from '../../src/graph/model.ts'
import { buildScene, type FlowScene } from '../../src/graph/visibility.ts'
import '../../src/styles/global.css'
import './flowBaselineHook.ts'

const params = new URLSearchParams(window.location.search)
const deploymentId = params.get('deployment') ?? ''
const depthParam = params.get('depth')
const width = Number(params.get('w') ?? 1100)
const height = Number(params.get('h') ?? 700)
const initialFolded = new Set(
  (params.get('folded') ?? '')
    .split(',')
    .filter(Boolean)
    .map((t) => (t.startsWith(`${deploymentId}:`) ? t : `${deploymentId}:${t}`)),
)

const probe = {
  dataAt: undefined as number | undefined,
  firstPaintAt: undefined as number | undefined,
  settledAt: undefined as number | undefined,
  ticks: 0,
  nodes: 0,
  edges: 0,
  error: undefined as string | undefined,
}
let toggleImpl: (id: string) => void = () => {}
window.__benchFlowBaseline = { state: () => ({ ...probe }), toggle: (id) => toggleImpl(id) }

const afterFrame = (cb: (t: number) => void) => requestAnimationFrame(cb)

function boundsOf(scene: FlowScene, pos: ReadonlyMap<string, Point>): Bounds | undefined {
  let b: Bounds | undefined
  for (const n of scene.nodes) {
    const p = pos.get(n.id)
    if (!p) continue
    const r = nodeRadius(n.kind, n.hiddenCount)
    if (!b) b = { x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r }
    else {
      b.x0 = Math.min(b.x0, p.x - r)
      b.y0 = Math.min(b.y0, p.y - r)
      b.x1 = Math.max(b.x1, p.x + r)
      b.y1 = Math.max(b.y1, p.y + r)
    }
  }
  return b
}

function shortLabel(label: string): string {
  const s = label.startsWith('install-') ? label.slice('install-'.length) : label
  return s.length > 18 ? `${s.slice(0, 17)}…` : s
}

function Graph({ model }: { model: FlowModel }) {
  const [folded, setFolded] = useState(initialFolded)
  const scene = useMemo(
    () =>
      buildScene(model, {
        depth: depthParam === 'all' || !depthParam ? 'all' : Number(depthParam),
        folded,
      }),
    [model, folded],
  )
  const geometry = useMemo(() => computeGeometry(model), [model])
  const layout = useMemo(() => {
    const { input, ids } = buildLayoutInput(model, geometry, undefined)
    return { input, ids, sim: createForceSimulation(input) }
  }, [model, geometry])
  const initial = useMemo(() => {
    const m = new Map<string, Point>(layout.ids.map((id, i) => [id, layout.input.nodes[i]!]))
    return placeGroups(model, geometry, m)
  }, [layout, model, geometry])
  const [positions, setPositions] = useState<ReadonlyMap<string, Point>>(initial)
  const [settled, setSettled] = useState(false)
  const [camera, setCamera] = useState<Camera>({ x: 0, y: 0, k: 1 })
  const svgRef = useRef<SVGSVGElement>(null)

  useEffect(() => {
    toggleImpl = (id) =>
      setFolded((f) => {
        const next = new Set(f)
        if (next.has(id)) next.delete(id)
        else next.add(id)
        return next
      })
  }, [])

  // The upstream loop: every tick copies the positions into React state and the whole SVG re-renders.
  useEffect(() => {
    const { sim, ids } = layout
    const xs = new Float64Array(ids.length)
    const ys = new Float64Array(ids.length)
    let ticks = 0
    sim.simulation
      .on('tick', () => {
        sim.clamp()
        sim.read(xs, ys)
        ticks++
        probe.ticks = ticks
        const simulated = new Map<string, Point>(ids.map((id, i) => [id, { x: xs[i]!, y: ys[i]! }]))
        setPositions(placeGroups(model, geometry, simulated))
        if (ticks >= sim.ticks) {
          sim.simulation.stop()
          setSettled(true)
        }
      })
      .restart()
    return () => {
      sim.simulation.stop()
    }
  }, [layout, model, geometry])

  // Fit once, like the console does on its first frame.
  const fitted = useRef(false)
  useLayoutEffect(() => {
    const svg = svgRef.current
    if (!svg) return
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_ZOOM, MAX_ZOOM])
      .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) =>
        setCamera({ x: e.transform.x, y: e.transform.y, k: e.transform.k }),
      )
    select(svg).call(z).on('dblclick.zoom', null)
    if (!fitted.current) {
      fitted.current = true
      const b = boundsOf(scene, initial)
      if (b) {
        const c = fitBounds(b, { width, height }, { top: 44, right: 36, bottom: 36, left: 104 })
        z.transform(select(svg), zoomIdentity.translate(c.x, c.y).scale(c.k))
      }
    }
    return () => {
      select(svg).on('.zoom', null)
    }
    // The zoom behaviour is attached once; the fit uses the first scene.
  }, [])

  useLayoutEffect(() => {
    probe.nodes = scene.nodes.length
    probe.edges = scene.edges.length
    if (probe.firstPaintAt === undefined && scene.nodes.length > 0)
      afterFrame((t) => (probe.firstPaintAt ??= t))
  }, [scene])
  useLayoutEffect(() => {
    if (settled && probe.settledAt === undefined) afterFrame((t) => (probe.settledAt ??= t))
  }, [settled, positions])

  // One element per edge and node, rebuilt from state on every tick (and only then).
  const content = useMemo(
    () => (
      <>
        {scene.edges.map((e) => {
          const a = positions.get(e.fromId)
          const b = positions.get(e.toId)
          if (!a || !b) return null
          return (
            <line
              key={`${e.fromId}>${e.toId}`}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              stroke="var(--text-faint, #64748b)"
              strokeOpacity={0.5}
              strokeWidth={e.count > 1 ? 2 : 1}
            />
          )
        })}
        {scene.nodes.map((n) => {
          const p = positions.get(n.id)
          if (!p) return null
          const r = nodeRadius(n.kind, n.hiddenCount)
          return (
            <g key={n.id} transform={`translate(${p.x},${p.y})`}>
              <title>{n.label}</title>
              <circle
                r={r}
                fill={`var(--status-${n.status})`}
                stroke="var(--surface-1, #0f172a)"
                strokeWidth={2}
              />
              {n.folded ? (
                <text textAnchor="middle" dy="0.35em" fontSize={11} fill="#fff">
                  {n.hiddenCount}
                </text>
              ) : null}
              <text y={r + 12} textAnchor="middle" fontSize={11} fill="var(--text, #e2e8f0)">
                {shortLabel(n.label)}
              </text>
            </g>
          )
        })}
      </>
    ),
    [scene, positions],
  )

  return (
    <svg
      ref={svgRef}
      width={width}
      height={height}
      role="img"
      aria-label={`Baseline graph, ${scene.nodes.length} nodes and ${scene.edges.length} dependencies`}
      style={{ display: 'block', background: 'var(--surface-0, #020617)' }}
    >
      <g transform={`translate(${camera.x},${camera.y}) scale(${camera.k})`}>{content}</g>
    </svg>
  )
}

function App() {
  const [model, setModel] = useState<FlowModel | undefined>(undefined)
  useEffect(() => {
    fetchFlowSnapshot(deploymentId).then(
      (snap) => {
        const m = buildFlowModel(applyFlowMessage(EMPTY_FLOW_STATE, snap))
        probe.dataAt = performance.now()
        setModel(m)
      },
      (e: unknown) => {
        probe.error = String(e)
      },
    )
  }, [])
  return model ? <Graph model={model} /> : <p>Loading…</p>
}

createRoot(document.getElementById('app')!).render(<App />)
