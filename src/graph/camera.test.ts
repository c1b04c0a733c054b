import { describe, expect, test } from 'vitest'
import {
  centreOn,
  clampZoom,
  ensureVisible,
  fitBounds,
  interpolateCamera,
  MAX_ZOOM,
  MIN_ZOOM,
  screenToWorld,
  visibleWorld,
  worldToScreen,
  zoomAround,
} from './camera.ts'

const vp = { width: 800, height: 600 }

describe('camera', () => {
  test('world ↔ screen round-trips', () => {
    const c = { x: 30, y: -40, k: 1.7 }
    const s = worldToScreen(c, 123, 456)
    expect(screenToWorld(c, s.x, s.y)).toEqual({ x: expect.closeTo(123), y: expect.closeTo(456) })
  })

  test('fit shows the whole bounds, centred, with padding', () => {
    const b = { x0: 100, y0: 50, x1: 2100, y1: 1050 }
    const c = fitBounds(b, vp, 40)
    const v = visibleWorld(c, vp)
    expect(v.x0).toBeLessThanOrEqual(b.x0)
    expect(v.x1).toBeGreaterThanOrEqual(b.x1)
    expect(v.y0).toBeLessThanOrEqual(b.y0)
    expect(v.y1).toBeGreaterThanOrEqual(b.y1)
    const centre = screenToWorld(c, vp.width / 2, vp.height / 2)
    expect(centre.x).toBeCloseTo(1100)
    expect(centre.y).toBeCloseTo(550)
  })

  test('fit never zooms a tiny graph in past the fit cap', () => {
    expect(fitBounds({ x0: 0, y0: 0, x1: 10, y1: 10 }, vp).k).toBe(1.25)
  })

  test('zooming about a point keeps that point still', () => {
    const c = { x: 10, y: 20, k: 1 }
    const z = zoomAround(c, 2, 300, 200)
    expect(screenToWorld(z, 300, 200)).toEqual(screenToWorld(c, 300, 200))
    expect(z.k).toBe(2)
  })

  test.each([
    [0.0001, MIN_ZOOM],
    [1, 1],
    [99, MAX_ZOOM],
  ])('clampZoom(%s) = %s', (k, out) => expect(clampZoom(k)).toBe(out))

  test('centreOn puts the world point in the middle', () => {
    const c = centreOn({ x: 0, y: 0, k: 2 }, 50, 60, vp)
    expect(worldToScreen(c, 50, 60)).toEqual({ x: 400, y: 300 })
  })

  test('ensureVisible pans minimally, and not at all when already visible', () => {
    const c = { x: 0, y: 0, k: 1 }
    expect(ensureVisible(c, 400, 300, 10, vp)).toBe(c)
    const moved = ensureVisible(c, 900, 300, 10, vp, 20)
    expect(moved.k).toBe(1)
    expect(worldToScreen(moved, 900, 300).x).toBeCloseTo(800 - 30)
  })

  test('interpolation starts and ends on the cameras', () => {
    const a = { x: 0, y: 0, k: 1 }
    const b = { x: -500, y: 100, k: 2 }
    const at0 = interpolateCamera(a, b, 0, vp)
    const at1 = interpolateCamera(a, b, 1, vp)
    expect(at0.k).toBeCloseTo(1)
    expect(at0.x).toBeCloseTo(0)
    expect(at1.k).toBeCloseTo(2)
    expect(at1.x).toBeCloseTo(-500)
    expect(at1.y).toBeCloseTo(100)
  })
})
