/* eslint-disable no-control-regex -- SGR sequences are the output format */
import { describe, expect, it } from 'vitest'
import { blend, buildPalette, parseColor, toHex } from './palette.ts'

describe('palette', () => {
  it.each([
    ['#fff', { r: 255, g: 255, b: 255, a: 1 }],
    ['#0d1117', { r: 13, g: 17, b: 23, a: 1 }],
    ['rgb(56 189 248 / 35%)', { r: 56, g: 189, b: 248, a: 0.35 }],
    ['rgba(1, 2, 3, 0.5)', { r: 1, g: 2, b: 3, a: 0.5 }],
  ])('parses %s', (css, expected) => {
    expect(parseColor(css)).toEqual(expected)
  })

  it('rejects what it cannot read', () => {
    expect(parseColor('var(--x)')).toBeUndefined()
    expect(parseColor('')).toBeUndefined()
  })

  it('blends translucent tokens over the background', () => {
    expect(toHex(blend({ r: 255, g: 255, b: 255, a: 0.5 }, { r: 0, g: 0, b: 0, a: 1 }))).toBe('#808080')
  })

  it('builds an xterm theme and SGR colours from tokens (light and dark differ)', () => {
    const dark = buildPalette({ 'terminal-bg': '#0d1117', 'status-failed': '#ef4444' })
    const light = buildPalette({ 'terminal-bg': '#ffffff', 'status-failed': '#b91c1c' })
    expect(dark.theme.background).toBe('#0d1117')
    expect(dark.theme.red).toBe('#ef4444')
    expect(light.theme.red).toBe('#b91c1c')
    expect(dark.level.ERROR).toMatch(/^\x1b\[38;2;\d+;\d+;\d+m$/)
    expect(dark.match).not.toBe(light.match)
  })
})
