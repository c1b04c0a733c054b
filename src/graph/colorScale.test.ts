import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PALETTE as P,
  colorFor,
  contrastRatio,
  interpolateColor,
  parseColor,
  readablePair,
  scaleStops,
  shade,
  textColorOn,
} from './colorScale.ts'

describe('colour scales', () => {
  it.each([
    ['utilization', 0, P.cold],
    ['utilization', 50, P.mid],
    ['utilization', 100, P.hot],
    ['utilization', 180, P.hot],
    ['utilization', -5, P.cold],
    ['age', 0, P.cold],
    ['age', 50, P.mid],
    ['age', 100, P.hot],
    ['health', 0, P.hot],
    ['health', 50, P.warn],
    ['health', 100, P.mid],
    ['health', null, P.none],
    ['utilization', null, P.none],
    ['age', Number.NaN, P.none],
  ] as const)('%s %s → %s', (metric, pct, expected) => {
    expect(colorFor(metric, pct, P)).toBe(expected)
  })

  it('interpolates between the stops', () => {
    expect(interpolateColor('#000000', '#ffffff', 0)).toBe('#000000')
    expect(interpolateColor('#000000', '#ffffff', 1)).toBe('#ffffff')
    // OKLCH midpoint of black and white is perceptual mid-grey (~#636363), not RGB #808080.
    const [r, g, b] = parseColor(interpolateColor('#000000', '#ffffff', 0.5))!
    expect(r).toBe(g)
    expect(g).toBe(b)
    expect(r).toBeGreaterThan(80)
    expect(r).toBeLessThan(120)
    // Green → red passes through a warm, saturated yellow/orange (not RGB's brown).
    const [mr, mg, mb] = parseColor(interpolateColor('#22c55e', '#ef4444', 0.5))!
    expect(mr).toBeGreaterThan(170)
    expect(mg).toBeGreaterThan(110)
    expect(mb).toBeLessThan(80)
    expect(colorFor('utilization', 25, P)).toBe(interpolateColor(P.cold, P.mid, 0.5))
    expect(colorFor('health', 75, P)).toBe(interpolateColor(P.warn, P.mid, 0.5))
  })

  it('orders the stops per metric (blue→green→red; health red→amber→green)', () => {
    expect(scaleStops('utilization', P)).toEqual([P.cold, P.mid, P.hot])
    expect(scaleStops('age', P)).toEqual([P.cold, P.mid, P.hot])
    expect(scaleStops('health', P)).toEqual([P.hot, P.warn, P.mid])
  })

  it('parses the colour syntaxes tokens use', () => {
    expect(parseColor('#fff')).toEqual([255, 255, 255])
    expect(parseColor('#3b82f6')).toEqual([59, 130, 246])
    expect(parseColor('rgb(56 189 248 / 9%)')).toEqual([56, 189, 248])
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3])
    expect(parseColor('nonsense')).toBeUndefined()
  })

  it('shades towards black', () => {
    expect(shade('#ffffff', 0)).toBe('#ffffff')
    expect(shade('#ffffff', 0.5)).toBe('#808080')
    expect(shade('#3b82f6', 1)).toBe('#000000')
  })

  it('picks the more readable text colour', () => {
    expect(textColorOn('#ffffff')).toBe('#0b0f14')
    expect(textColorOn('#000000')).toBe('#ffffff')
    for (const pct of [0, 25, 50, 75, 100])
      for (const m of ['utilization', 'health'] as const) {
        const bg = colorFor(m, pct, P)
        expect(contrastRatio(bg, textColorOn(bg))).toBeGreaterThanOrEqual(4.5)
      }
  })
})

describe('readablePair', () => {
  it('reaches WCAG AA on every colour of every scale', () => {
    for (const m of ['utilization', 'health', 'age'] as const)
      for (let pct = 0; pct <= 100; pct += 2) {
        const { fill, text } = readablePair(colorFor(m, pct, P))
        expect(contrastRatio(fill, text), `${m} ${pct}`).toBeGreaterThanOrEqual(4.5)
      }
  })

  it('leaves colours alone that already read well', () => {
    expect(readablePair('#ffffff')).toEqual({ fill: '#ffffff', text: '#0b0f14' })
    expect(readablePair('#000000')).toEqual({ fill: '#000000', text: '#ffffff' })
  })
})
