/**
 * The flow canvas's camera: d3-zoom owns pan (drag), wheel zoom and pinch on the canvas; every programmatic
 * move (fit, zoom buttons, reveal, centre) goes through d3-zoom too, so its internal transform never
 * drifts from ours. Also sizes the canvas's backing store (HiDPI) on mount and every resize, keeping what
 * was in the middle in the middle.
 */
import { select } from 'd3-selection'
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom'
import { useCallback, useEffect, useRef, type RefObject } from 'react'
import type { DrawScene } from '../../canvas/drawScene.ts'
import { sizeCanvas } from '../../canvas/hidpi.ts'
import {
  centreOn,
  ensureVisible,
  fitBounds,
  interpolateCamera,
  MAX_ZOOM,
  MIN_ZOOM,
  sameCamera,
  screenToWorld,
  type Camera,
} from '../../graph/camera.ts'

const FIT_PADDING = { top: 44, right: 36, bottom: 36, left: 104 }
const ANIMATION_MS = 280

export interface FlowCamera {
  /**
   * Moves the camera, animated unless reduced motion. A goal given as a function is re-evaluated every
   * frame, so a resize mid-animation (the side panel opening) still lands on the right spot.
   */
  setCamera(goal: Camera | (() => Camera), animate?: boolean): void
  /** Fits the whole scene, leaving room for the sticky lane labels and phase headers. */
  fit(animate?: boolean): void
  /** Pans just enough to show node `i`. */
  revealIndex(i: number): void
}

export function useFlowCamera({
  wrap,
  canvas,
  scene: ds,
  camera: cameraRef,
  size: sizeRef,
  request,
  onZoom,
  onResize,
}: {
  wrap: RefObject<HTMLDivElement | null>
  canvas: RefObject<HTMLCanvasElement | null>
  scene: RefObject<DrawScene | undefined>
  /** The camera, moved by d3-zoom and read at draw time (it changes without a render). */
  camera: RefObject<Camera>
  /** The canvas's CSS size and device-pixel ratio, kept up to date here. */
  size: RefObject<{ width: number; height: number; ratio: number }>
  /** Asks for a frame. */
  request(): void
  /** The user panned or zoomed (d3-zoom's event); must be stable. */
  onZoom(): void
  /** The canvas was resized; must be stable. */
  onResize(): void
}): FlowCamera {
  const zoomer = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | undefined>(undefined)
  const animation = useRef<number | undefined>(undefined)

  const setCamera = useCallback(
    (goal: Camera | (() => Camera), animate = false) => {
      const resolve = typeof goal === 'function' ? goal : () => goal
      const c = canvas.current
      const z = zoomer.current
      if (!c || !z) {
        cameraRef.current = resolve()
        request()
        return
      }
      if (animation.current !== undefined) cancelAnimationFrame(animation.current)
      animation.current = undefined
      const apply = (cam: Camera) => z.transform(select(c), zoomIdentity.translate(cam.x, cam.y).scale(cam.k))
      const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
      if (!animate || reduced || sameCamera(cameraRef.current, resolve())) {
        apply(resolve())
        return
      }
      const from = cameraRef.current
      const start = performance.now()
      const step = (now: number) => {
        const t = Math.min(1, (now - start) / ANIMATION_MS)
        const eased = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2
        apply(t >= 1 ? resolve() : interpolateCamera(from, resolve(), eased, sizeRef.current))
        animation.current = t < 1 ? requestAnimationFrame(step) : undefined
      }
      animation.current = requestAnimationFrame(step)
    },
    [canvas, cameraRef, sizeRef, request],
  )

  const fit = useCallback(
    (animate = true) => {
      const scene = ds.current
      if (!scene?.bounds || sizeRef.current.width === 0) return
      const bounds = scene.bounds
      // Room on the left for the sticky lane labels and on top for the phase headers.
      setCamera(() => fitBounds(bounds, sizeRef.current, FIT_PADDING), animate)
    },
    [ds, sizeRef, setCamera],
  )

  const revealIndex = useCallback(
    (i: number) => {
      const scene = ds.current
      if (!scene || i < 0) return
      const [x, y, r, start] = [scene.xs[i]!, scene.ys[i]!, scene.rs[i]!, cameraRef.current]
      setCamera(() => ensureVisible(start, x, y, r, sizeRef.current), true)
    },
    [ds, cameraRef, sizeRef, setCamera],
  )

  // Size the backing store to the element (HiDPI), on mount and on every resize.
  useEffect(() => {
    const el = wrap.current
    const c = canvas.current
    if (!el || !c) return
    const resize = () => {
      const rect = el.getBoundingClientRect()
      const w = Math.round(rect.width)
      const h = Math.round(rect.height)
      if (
        w === sizeRef.current.width &&
        h === sizeRef.current.height &&
        window.devicePixelRatio === sizeRef.current.ratio
      )
        return
      const prev = sizeRef.current
      const ratio = sizeCanvas(c, w, h, window.devicePixelRatio)
      sizeRef.current = { width: w, height: h, ratio }
      // Keep what was in the middle in the middle (the side panel opening must not push the selection away).
      const z = zoomer.current
      if (z && prev.width > 0 && animation.current === undefined && (prev.width !== w || prev.height !== h)) {
        const mid = screenToWorld(cameraRef.current, prev.width / 2, prev.height / 2)
        const next = centreOn(cameraRef.current, mid.x, mid.y, sizeRef.current)
        z.transform(select(c), zoomIdentity.translate(next.x, next.y).scale(next.k))
      }
      onResize()
      zoomer.current?.extent([
        [0, 0],
        [w, h],
      ])
      request()
    }
    resize()
    const ro = new ResizeObserver(resize)
    ro.observe(el)
    return () => ro.disconnect()
  }, [wrap, canvas, cameraRef, sizeRef, request, onResize])

  // d3-zoom owns pan (drag), wheel zoom and pinch; double-click is ours (open / fold), not zoom.
  useEffect(() => {
    const c = canvas.current
    if (!c) return
    const z = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([MIN_ZOOM, MAX_ZOOM])
      .clickDistance(4)
      .on('zoom', (e: { transform: { x: number; y: number; k: number } }) => {
        cameraRef.current = { x: e.transform.x, y: e.transform.y, k: e.transform.k }
        onZoom()
        request()
      })
    zoomer.current = z
    const sel = select(c)
    sel.call(z).on('dblclick.zoom', null)
    z.transform(
      sel,
      zoomIdentity.translate(cameraRef.current.x, cameraRef.current.y).scale(cameraRef.current.k),
    )
    return () => {
      sel.on('.zoom', null)
      zoomer.current = undefined
    }
  }, [canvas, cameraRef, request, onZoom])

  useEffect(
    () => () => {
      if (animation.current !== undefined) cancelAnimationFrame(animation.current)
    },
    [],
  )

  return { setCamera, fit, revealIndex }
}
