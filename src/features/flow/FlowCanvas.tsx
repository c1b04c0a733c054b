import * as ContextMenu from '@radix-ui/react-context-menu'
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
  type Ref,
} from 'react'
import { drawFlow } from '../../canvas/drawFlow.ts'
import type { DrawScene } from '../../canvas/drawScene.ts'
import type { FlowTheme } from '../../canvas/flowTheme.ts'
import { createFrameScheduler } from '../../canvas/frameScheduler.ts'
import { clearCanvas } from '../../canvas/hidpi.ts'
import { minimapToWorld, needsMinimap } from '../../canvas/minimap.ts'
import { centreOn, screenToWorld, zoomAround, type Camera } from '../../graph/camera.ts'
import { DEFAULT_LAYOUT_CONFIG } from '../../graph/flowLayout.ts'
import { nextInDirection, type Direction } from '../../graph/navigation.ts'
import { createFramePerf, framePerfSnapshot, recordFrame } from './flowFramePerf.ts'
import type { FlowPerf } from './flowTestHook.ts'
import { MINIMAP, paintFlowMinimap, type MinimapBase } from './paintFlowMinimap.ts'
import { useFlowCamera } from './useFlowCamera.ts'
import styles from './FlowScreen.module.css'

export interface FlowCanvasHandle {
  fit(animate?: boolean): void
  zoomBy(factor: number): void
  /** Centres a node (optionally zooming to `k`). */
  centreOn(id: string, k?: number): void
  /** Pans just enough to show a node. */
  reveal(id: string): void
  camera(): Camera
  setCamera(c: Camera): void
  canvasRect(): DOMRect | undefined
  perf(): FlowPerf
  /** Draws any pending frame now. */
  flush(): void
  /** The minimap is shown (the graph does not fit the viewport). */
  minimapVisible(): boolean
}

const ZOOM_STEP = 1.35

const KEY_DIRECTIONS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
}

export interface FlowCanvasProps {
  ref?: Ref<FlowCanvasHandle>
  drawScene: DrawScene | undefined
  /** A new value whenever the highlight flags of `drawScene` were rewritten in place. */
  highlightVersion: unknown
  theme: FlowTheme
  label: string
  selectedId: string | undefined
  onSelect(id: string | undefined): void
  /** Double-click or Enter: open a job, fold/unfold a group. */
  onActivate(id: string): void
  /** Space: fold/unfold. */
  onToggleFold(id: string): void
  onEscape(): void
  renderMenu(id: string | undefined): ReactNode
  describe(id: string): string
}

/**
 * Owns the <canvas>: HiDPI sizing, the camera (d3-zoom: drag to pan, wheel/pinch to zoom), drawing on
 * demand (one frame per change, never a loop), hit testing, keyboard, the right-click menu and the
 * minimap. All drawing happens in `src/canvas`; this file has no `ctx.` drawing calls of its own.
 */
export function FlowCanvas({
  ref,
  drawScene,
  highlightVersion,
  theme,
  label,
  selectedId,
  onSelect,
  onActivate,
  onToggleFold,
  onEscape,
  renderMenu,
  describe,
}: FlowCanvasProps) {
  const wrap = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const mini = useRef<HTMLCanvasElement>(null)
  const size = useRef({ width: 0, height: 0, ratio: 1 })
  const camera = useRef<Camera>({ x: 0, y: 0, k: 1 })
  const ds = useRef(drawScene)
  const themeRef = useRef(theme)
  const hover = useRef(-1)
  const focused = useRef(false)
  const fitted = useRef(false)
  const miniBase = useRef<MinimapBase | undefined>(undefined)
  const perf = useRef(createFramePerf())
  const [showMinimap, setShowMinimap] = useState(false)
  const [menuTarget, setMenuTarget] = useState<string | undefined>(undefined)
  const [tooltip, setTooltip] = useState<{ text: string; x: number; y: number } | undefined>(undefined)
  const highlight = useRef(highlightVersion)
  /** The node the first click of the current click sequence hit (see `onClick`). */
  const firstClick = useRef<string | undefined>(undefined)

  const draw = useCallback((now: number) => {
    const c = canvas.current
    const scene = ds.current
    if (!c) return
    const ctx = c.getContext('2d')
    if (!ctx) return
    const t0 = performance.now()
    const { width, height, ratio } = size.current
    if (scene) {
      drawFlow(ctx, scene, camera.current, themeRef.current, {
        ratio,
        width,
        height,
        hover: hover.current,
        focused: focused.current,
        slotWidthPx: DEFAULT_LAYOUT_CONFIG.slotWidthPx,
      })
    } else clearCanvas(ctx)
    recordFrame(perf.current, performance.now() - t0, now, !!scene && scene.count > 0)
    // Minimap: only when the graph does not fit the viewport.
    const wantMini = !!scene && needsMinimap(scene.bounds, camera.current, size.current)
    setShowMinimap((was) => (was === wantMini ? was : wantMini))
    const m = mini.current
    if (wantMini && m && scene?.bounds)
      miniBase.current = paintFlowMinimap(
        m,
        scene,
        camera.current,
        size.current,
        themeRef.current,
        highlight.current,
        miniBase.current,
      )
  }, [])

  const scheduler = useRef(createFrameScheduler(() => {}))
  useEffect(() => {
    scheduler.current = createFrameScheduler(draw)
    return () => scheduler.current.cancel()
  }, [draw])
  const request = useCallback(() => scheduler.current.request(), [])

  const onZoom = useCallback(() => setTooltip(undefined), [])
  const onResize = useCallback(() => {
    miniBase.current = undefined
  }, [])
  const { setCamera, fit, revealIndex } = useFlowCamera({
    wrap,
    canvas,
    scene: ds,
    camera,
    size,
    request,
    onZoom,
    onResize,
  })

  const indexOf = (id: string | undefined) => (id === undefined ? -1 : (ds.current?.index.get(id) ?? -1))

  useImperativeHandle(
    ref,
    (): FlowCanvasHandle => ({
      fit,
      zoomBy: (f) => {
        const { width, height } = size.current
        setCamera(zoomAround(camera.current, f, width / 2, height / 2), true)
      },
      centreOn: (id, k) => {
        const scene = ds.current
        const i = scene?.index.get(id)
        if (!scene || i === undefined) return
        const [x, y, start] = [scene.xs[i]!, scene.ys[i]!, camera.current]
        setCamera(() => centreOn(start, x, y, size.current, k ?? start.k), true)
      },
      reveal: (id) => revealIndex(ds.current?.index.get(id) ?? -1),
      camera: () => camera.current,
      setCamera: (c) => setCamera(c, false),
      canvasRect: () => canvas.current?.getBoundingClientRect(),
      perf: () => framePerfSnapshot(perf.current),
      flush: () => scheduler.current.flush(),
      minimapVisible: () => !!mini.current && !mini.current.hidden,
    }),
    [fit, setCamera, revealIndex],
  )

  // New scene (data, layout or fold change): redraw; the first time there is something, fit it.
  useEffect(() => {
    ds.current = drawScene
    hover.current = -1
    if (drawScene && drawScene.count > 0 && !fitted.current && size.current.width > 0) {
      fitted.current = true
      fit(false)
    }
    request()
  }, [drawScene, fit, request])

  useEffect(() => {
    highlight.current = highlightVersion
    request()
  }, [highlightVersion, request])

  useEffect(() => {
    themeRef.current = theme
    miniBase.current = undefined
    request()
  }, [theme, request])

  const hitAt = (clientX: number, clientY: number): number => {
    const c = canvas.current
    const scene = ds.current
    if (!c || !scene) return -1
    const rect = c.getBoundingClientRect()
    const w = screenToWorld(camera.current, clientX - rect.left, clientY - rect.top)
    // A few screen pixels of slop so small discs are easy to hit when zoomed out.
    return scene.grid.hit(w.x, w.y, 4 / camera.current.k)
  }

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.buttons) return
    const i = hitAt(e.clientX, e.clientY)
    if (i === hover.current) return
    hover.current = i
    request()
    const scene = ds.current
    if (i < 0 || !scene || !canvas.current) {
      setTooltip(undefined)
      return
    }
    const rect = canvas.current.getBoundingClientRect()
    setTooltip({
      text: describe(scene.ids[i]!),
      x: e.clientX - rect.left,
      y: e.clientY - rect.top,
    })
  }

  const onPointerLeave = () => {
    if (hover.current !== -1) {
      hover.current = -1
      request()
    }
    setTooltip(undefined)
  }

  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    // The second click of a double-click means the node the first one hit, not what is under the pointer
    // now: the first click's selection opens the side panel, which narrows the canvas and recentres it,
    // so by the second click (a person's ~150 ms later) another node — or none — is under the pointer.
    if (e.detail >= 2) return
    const i = hitAt(e.clientX, e.clientY)
    const id = i >= 0 ? ds.current!.ids[i] : undefined
    firstClick.current = id
    onSelect(id)
  }

  const onDoubleClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const first = firstClick.current
    const i = first !== undefined ? indexOf(first) : hitAt(e.clientX, e.clientY)
    if (i >= 0) onActivate(ds.current!.ids[i]!)
  }

  const onContextMenu = (e: MouseEvent<HTMLCanvasElement>) => {
    const i = hitAt(e.clientX, e.clientY)
    const id = i >= 0 ? ds.current!.ids[i] : undefined
    setMenuTarget(id)
    if (id) onSelect(id)
  }

  /** Opens the context menu for the selection from the keyboard (Shift+F10 / the Menu key). */
  const openMenuFromKeyboard = () => {
    const c = canvas.current
    const scene = ds.current
    const i = indexOf(selectedId)
    if (!c || !scene || i < 0) return
    const rect = c.getBoundingClientRect()
    const x = rect.left + scene.xs[i]! * camera.current.k + camera.current.x
    const y = rect.top + scene.ys[i]! * camera.current.k + camera.current.y
    c.dispatchEvent(
      new window.MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: x, clientY: y }),
    )
  }

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const scene = ds.current
    const dir = KEY_DIRECTIONS[e.key]
    if (dir && scene) {
      e.preventDefault()
      if (scene.count === 0) return
      const from = indexOf(selectedId)
      let next: number
      if (from < 0) {
        // Nothing selected yet: start at the top-left-most node.
        next = 0
        for (let i = 1; i < scene.count; i++)
          if (scene.xs[i]! + scene.ys[i]! * 0.5 < scene.xs[next]! + scene.ys[next]! * 0.5) next = i
      } else next = nextInDirection(scene.xs, scene.ys, scene.count, from, dir)
      if (next >= 0) {
        onSelect(scene.ids[next])
        revealIndex(next)
      }
      return
    }
    const sel = selectedId !== undefined && indexOf(selectedId) >= 0 ? selectedId : undefined
    switch (e.key) {
      case 'Enter':
        if (sel) {
          e.preventDefault()
          onActivate(sel)
        }
        return
      case ' ':
        if (sel) {
          e.preventDefault()
          onToggleFold(sel)
        }
        return
      case '+':
      case '=':
        e.preventDefault()
        setCamera(
          zoomAround(camera.current, ZOOM_STEP, size.current.width / 2, size.current.height / 2),
          true,
        )
        return
      case '-':
      case '_':
        e.preventDefault()
        setCamera(
          zoomAround(camera.current, 1 / ZOOM_STEP, size.current.width / 2, size.current.height / 2),
          true,
        )
        return
      case '0':
        e.preventDefault()
        fit(true)
        return
      case 'Escape':
        e.preventDefault()
        onEscape()
        return
      case 'F10':
        if (e.shiftKey) {
          e.preventDefault()
          openMenuFromKeyboard()
        }
        return
      case 'ContextMenu':
        e.preventDefault()
        openMenuFromKeyboard()
        return
    }
  }

  // Minimap: click or drag to move the viewport there.
  const panFromMinimap = (e: PointerEvent<HTMLCanvasElement>) => {
    const base = miniBase.current
    const m = mini.current
    if (!base || !m) return
    const rect = m.getBoundingClientRect()
    const w = minimapToWorld(base.t, e.clientX - rect.left, e.clientY - rect.top)
    setCamera(centreOn(camera.current, w.x, w.y, size.current), false)
  }

  return (
    <div ref={wrap} className={styles.canvasWrap}>
      <ContextMenu.Root modal={false}>
        <ContextMenu.Trigger asChild>
          <canvas
            ref={canvas}
            className={styles.canvas}
            tabIndex={0}
            // The canvas handles arrow keys itself (screen readers pass them through in an application);
            // the outline tree beside it is the structural mirror.
            // eslint-disable-next-line jsx-a11y/no-interactive-element-to-noninteractive-role
            role="application"
            aria-roledescription="graph"
            aria-label={label}
            aria-describedby="flow-canvas-help"
            onPointerMove={onPointerMove}
            onPointerLeave={onPointerLeave}
            onClick={onClick}
            onDoubleClick={onDoubleClick}
            onContextMenu={onContextMenu}
            onKeyDown={onKeyDown}
            onFocus={() => {
              focused.current = true
              request()
            }}
            onBlur={() => {
              focused.current = false
              request()
            }}
          />
        </ContextMenu.Trigger>
        {renderMenu(menuTarget)}
      </ContextMenu.Root>
      <p id="flow-canvas-help" className="sr-only">
        Arrow keys move between nodes, Enter opens a job or unfolds a group, Space folds or unfolds, plus and
        minus zoom, 0 fits the graph, Escape clears the selection, Shift+F10 opens the node menu.
      </p>
      {tooltip ? (
        <div
          className={styles.tooltip}
          style={{ left: tooltip.x + 14, top: tooltip.y + 14 }}
          aria-hidden="true"
        >
          {tooltip.text}
        </div>
      ) : null}
      <canvas
        ref={mini}
        className={styles.minimap}
        hidden={!showMinimap}
        aria-hidden="true"
        style={{ width: MINIMAP.width, height: MINIMAP.height }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId)
          panFromMinimap(e)
        }}
        onPointerMove={(e) => {
          if (e.buttons) panFromMinimap(e)
        }}
      />
    </div>
  )
}
