import { describe, expect, test, vi } from 'vitest'
import { applyFlowMessage, EMPTY_FLOW_STATE } from '../graph/flowState.ts'
import { forceLayout } from '../graph/forceLayout.ts'
import { buildLayoutInput, computeGeometry, placeGroups } from '../graph/flowLayout.ts'
import { buildFlowModel } from '../graph/model.ts'
import { deploymentSnapshot } from '../graph/testing/flowFixtures.ts'
import { buildScene } from '../graph/visibility.ts'
import { mixOpaque, parseColor } from './colors.ts'
import { drawFlow } from './drawFlow.ts'
import {
  applyHighlight,
  buildDrawScene,
  NODE_DIMMED,
  NODE_NEIGHBOUR,
  NODE_SELECTED,
  shortLabel,
} from './drawScene.ts'
import { buildFlowTheme } from './flowTheme.ts'
import { createFrameScheduler } from './frameScheduler.ts'
import { minimapToWorld, minimapTransform, needsMinimap } from './minimap.ts'

describe('colors', () => {
  test.each([
    ['#22c55e', [34, 197, 94, 1]],
    ['#fff', [255, 255, 255, 1]],
    ['rgb(56 189 248 / 9%)', [56, 189, 248, 0.09]],
    ['rgba(1, 2, 3, 0.5)', [1, 2, 3, 0.5]],
    ['nonsense', undefined],
  ])('parseColor(%s)', (css, out) => {
    expect(parseColor(css)).toEqual(out)
  })

  test('dimmed colours are opaque mixes towards the background (bubbles never see-through)', () => {
    const dim = mixOpaque('#ef4444', '#0b0f14', 0.72)
    expect(parseColor(dim)![3]).toBe(1)
    const theme = buildFlowTheme({})
    for (const c of [...theme.statusDim, theme.bubbleDim]) expect(parseColor(c)![3]).toBe(1)
  })
})

function sampleScene(depth: 2 | 'all' = 'all') {
  const model = buildFlowModel(applyFlowMessage(EMPTY_FLOW_STATE, deploymentSnapshot()))
  const geometry = computeGeometry(model)
  const { input, ids } = buildLayoutInput(model, geometry, undefined)
  const out = forceLayout(input)
  const positions = placeGroups(
    model,
    geometry,
    new Map(ids.map((id, i) => [id, { x: out.xs[i]!, y: out.ys[i]! }])),
  )
  const scene = buildScene(model, { depth, folded: new Set() })
  return buildDrawScene(scene, positions, geometry)
}

/** A 2-D context that records what was asked of it. */
function recordingContext() {
  const calls: string[] = []
  const fills: { style: string; alpha: number }[] = []
  const ctx = new Proxy(
    {
      fillStyle: '',
      strokeStyle: '',
      globalAlpha: 1,
      lineWidth: 1,
      font: '',
      textAlign: '',
      textBaseline: '',
      lineCap: '',
    },
    {
      get(target, prop: string) {
        if (prop in target) return target[prop as keyof typeof target]
        if (prop === 'measureText') return () => ({ width: 40 })
        return (..._args: unknown[]) => {
          calls.push(prop)
          if (prop === 'fill' || prop === 'fillRect')
            fills.push({ style: String(target.fillStyle), alpha: target.globalAlpha })
        }
      },
      set(target, prop: string, value) {
        ;(target as Record<string, unknown>)[prop] = value
        return true
      },
    },
  )
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls, fills }
}

describe('drawScene + drawFlow', () => {
  test('short labels drop install- and the region prefix', () => {
    expect(shortLabel('install-nbg1-1:cilium', 'nbg1-1')).toBe('cilium')
    expect(shortLabel('install-cilium', 'fsn1')).toBe('cilium')
    expect(shortLabel('tofu-apply', undefined)).toBe('tofu-apply')
  })

  test('selecting a node marks its neighbours and dims the rest', () => {
    const ds = sampleScene()
    const sel = ds.index.get('d0:install-cert-manager')!
    applyHighlight(ds, { selected: sel, matches: new Set(), searching: false })
    expect(ds.flags[sel]! & NODE_SELECTED).toBeTruthy()
    const neighbours = ['d0:install-cilium', 'd0:install-flux', 'd0:install-cnpg'].map((id) =>
      ds.index.get(id)!,
    )
    for (const i of neighbours) expect(ds.flags[i]! & NODE_NEIGHBOUR).toBeTruthy()
    expect(ds.flags[ds.index.get('d0:tofu-init')!]! & NODE_DIMMED).toBeTruthy()
    applyHighlight(ds, { selected: -1, matches: new Set(), searching: false })
    expect(ds.flags.every((f) => f === 0)).toBe(true)
  })

  test('dimmed nodes are painted with opaque colours (regression 38)', () => {
    const ds = sampleScene()
    applyHighlight(ds, { selected: 0, matches: new Set(), searching: false })
    const theme = buildFlowTheme({})
    const { ctx, fills } = recordingContext()
    const camera = { x: 0, y: 0, k: 0.5 }
    const opts = { ratio: 1, width: 4000, height: 3000, hover: -1, focused: false, slotWidthPx: 124 }
    const stats = drawFlow(ctx, ds, camera, theme, opts)
    expect(stats.nodes).toBe(ds.count)
    const dimFills = fills.filter((f) => theme.statusDim.includes(f.style as never))
    expect(dimFills.length).toBeGreaterThan(0)
    expect(dimFills.every((f) => f.alpha === 1)).toBe(true)
  })

  test('culling: a viewport far away draws no nodes and no edges', () => {
    const ds = sampleScene()
    const { ctx } = recordingContext()
    const stats = drawFlow(ctx, ds, { x: -100_000, y: -100_000, k: 1 }, buildFlowTheme({}), {
      ratio: 1,
      width: 800,
      height: 600,
      hover: -1,
      focused: false,
      slotWidthPx: 124,
    })
    expect(stats).toMatchObject({ nodes: 0, edges: 0 })
  })

  test('level of detail: no labels when zoomed far out, labels when close', () => {
    const ds = sampleScene()
    const draw = (k: number) =>
      drawFlow(recordingContext().ctx, ds, { x: 0, y: 0, k }, buildFlowTheme({}), {
        ratio: 1,
        width: 100_000,
        height: 100_000,
        hover: -1,
        focused: false,
        slotWidthPx: 124,
      })
    expect(draw(0.2).labels).toBe(0)
    expect(draw(1).labels).toBeGreaterThan(ds.count - 5)
  })
})

describe('frame scheduler', () => {
  test('many requests before a frame draw once; nothing draws without a request', () => {
    const frames: ((t: number) => void)[] = []
    const draw = vi.fn()
    const s = createFrameScheduler(
      draw,
      (cb) => frames.push(cb),
      () => {},
    )
    s.request()
    s.request()
    s.request()
    expect(frames).toHaveLength(1)
    frames[0]!(16)
    expect(draw).toHaveBeenCalledTimes(1)
    expect(frames).toHaveLength(1)
    s.request()
    expect(frames).toHaveLength(2)
  })
})

describe('minimap', () => {
  test('transform fits the world and maps back', () => {
    const world = { x0: 0, y0: 0, x1: 4000, y1: 2000 }
    const t = minimapTransform(world, { width: 200, height: 120 }, 0)
    expect(t.scale).toBeCloseTo(0.05)
    expect(minimapToWorld(t, 100, 60)).toEqual({ x: expect.closeTo(2000), y: expect.closeTo(1000) })
  })

  test('shown only when the graph exceeds the viewport', () => {
    const b = { x0: 0, y0: 0, x1: 1000, y1: 500 }
    expect(needsMinimap(b, { x: 0, y: 0, k: 1 }, { width: 1200, height: 800 })).toBe(false)
    expect(needsMinimap(b, { x: 0, y: 0, k: 2 }, { width: 1200, height: 800 })).toBe(true)
    expect(needsMinimap(undefined, { x: 0, y: 0, k: 2 }, { width: 1200, height: 800 })).toBe(false)
  })
})
