/**
 * Continuous colour scales for percentage metrics (treemap, fleet): three stops at 0, 50 and 100 %,
 * linear RGB interpolation between them, a neutral colour for "no data". The stop colours come from
 * theme tokens (`--scale-*`), so the scales follow light/dark themes.
 *
 *   utilisation, age   cold ──── mid ──── hot      (blue → green → red)
 *   health             hot ───── warn ─── mid      (red → amber → green)
 */

export type ScaleMetric = 'utilization' | 'health' | 'age'

export interface ScalePalette {
  cold: string
  mid: string
  hot: string
  warn: string
  none: string
}

/** Fallback palette (the dark theme's tokens) for when no theme is readable (tests, SSR). */
export const DEFAULT_PALETTE: ScalePalette = {
  cold: '#3b82f6',
  mid: '#22c55e',
  hot: '#ef4444',
  warn: '#f59e0b',
  none: '#6b7280',
}

/** The three stops (0, 50, 100 %) of a metric's scale. */
export function scaleStops(metric: ScaleMetric, p: ScalePalette): readonly [string, string, string] {
  return metric === 'health' ? [p.hot, p.warn, p.mid] : [p.cold, p.mid, p.hot]
}

export type Rgb = readonly [number, number, number]

/** `#rgb`, `#rrggbb`, `rgb(r g b)` or `rgb(r, g, b[, a])` → [r, g, b]; undefined when unreadable. */
export function parseColor(input: string): Rgb | undefined {
  const s = input.trim().toLowerCase()
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s)
  if (short)
    return [
      parseInt(short[1]! + short[1], 16),
      parseInt(short[2]! + short[2], 16),
      parseInt(short[3]! + short[3], 16),
    ]
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})(?:[0-9a-f]{2})?$/.exec(s)
  if (long) return [parseInt(long[1]!, 16), parseInt(long[2]!, 16), parseInt(long[3]!, 16)]
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(s)
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])]
  return undefined
}

const hex2 = (n: number) =>
  Math.round(Math.min(255, Math.max(0, n)))
    .toString(16)
    .padStart(2, '0')

export function toHex([r, g, b]: Rgb): string {
  return `#${hex2(r)}${hex2(g)}${hex2(b)}`
}

// sRGB ⇄ OKLab (Björn Ottosson's matrices): interpolating in OKLCH keeps colours vivid in between
// (green → yellow → red), where plain RGB goes through mud-brown.
const toLinear = (v: number) => {
  const s = v / 255
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
}
const fromLinear = (v: number) =>
  255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * Math.max(0, v) ** (1 / 2.4) - 0.055)

function rgbToOklch([r8, g8, b8]: Rgb): [number, number, number] {
  const r = toLinear(r8)
  const g = toLinear(g8)
  const b = toLinear(b8)
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
  const L = 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s
  const A = 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s
  const B = 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s
  return [L, Math.hypot(A, B), Math.atan2(B, A)]
}

function oklchToRgb([L, C, h]: readonly [number, number, number]): Rgb {
  const A = C * Math.cos(h)
  const B = C * Math.sin(h)
  const l = (L + 0.3963377774 * A + 0.2158037573 * B) ** 3
  const m = (L - 0.1055613458 * A - 0.0638541728 * B) ** 3
  const s = (L - 0.0894841775 * A - 1.291485548 * B) ** 3
  return [
    fromLinear(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    fromLinear(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    fromLinear(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  ]
}

/** Interpolation between two colours in OKLCH along the shorter hue arc (`t` clamped to 0..1). */
export function interpolateColor(a: string, b: string, t: number): string {
  const ca = parseColor(a)
  const cb = parseColor(b)
  if (!ca || !cb) return t < 0.5 ? a : b
  const u = Math.min(1, Math.max(0, t))
  if (u === 0) return toHex(ca)
  if (u === 1) return toHex(cb)
  const [l1, c1, h1] = rgbToOklch(ca)
  const [l2, c2, h2] = rgbToOklch(cb)
  let dh = h2 - h1
  if (dh > Math.PI) dh -= 2 * Math.PI
  if (dh < -Math.PI) dh += 2 * Math.PI
  // A grey end has no meaningful hue: keep the other end's.
  const hue = c1 < 0.02 ? h2 : c2 < 0.02 ? h1 : h1 + dh * u
  return toHex(oklchToRgb([l1 + (l2 - l1) * u, c1 + (c2 - c1) * u, hue]))
}

/**
 * Fill for `pct` (0–100; above 100 — over-utilised — reads as 100, below 0 as 0) on `metric`'s scale;
 * the neutral colour when there is no value.
 */
export function colorFor(metric: ScaleMetric, pct: number | null | undefined, p: ScalePalette): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return p.none
  const [lo, mid, hi] = scaleStops(metric, p)
  const v = Math.min(100, Math.max(0, pct))
  return v <= 50 ? interpolateColor(lo, mid, v / 50) : interpolateColor(mid, hi, (v - 50) / 50)
}

/** WCAG relative luminance of a colour (0 black … 1 white). */
export function luminance(color: string): number {
  const c = parseColor(color)
  if (!c) return 0
  const lin = (v: number) => {
    const s = v / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/** Contrast ratio between two colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a)
  const lb = luminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/** Whichever of `dark` / `light` text reads better on `background`. */
export function textColorOn(background: string, dark = '#0b0f14', light = '#ffffff'): string {
  return contrastRatio(background, dark) >= contrastRatio(background, light) ? dark : light
}

/** `color` darkened towards black by `amount` (0..1), e.g. to set parents apart from their children. */
export function shade(color: string, amount: number): string {
  const c = parseColor(color)
  if (!c) return color
  const k = 1 - Math.min(1, Math.max(0, amount))
  return toHex([c[0] * k, c[1] * k, c[2] * k])
}

/**
 * A fill and text colour that read at `minRatio` (WCAG AA: 4.5): the better of dark or light text, and
 * when neither reaches the ratio (mid-tone oranges), the fill shaded just enough for light text.
 */
export function readablePair(
  fill: string,
  minRatio = 4.5,
  dark = '#0b0f14',
  light = '#ffffff',
): { fill: string; text: string } {
  const text = textColorOn(fill, dark, light)
  if (contrastRatio(fill, text) >= minRatio) return { fill, text }
  for (let amount = 0.04; amount <= 0.6; amount += 0.04) {
    const shaded = shade(fill, amount)
    if (contrastRatio(shaded, light) >= minRatio) return { fill: shaded, text: light }
  }
  return { fill: shade(fill, 0.6), text: light }
}
