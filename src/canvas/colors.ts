/**
 * Colour helpers for canvas drawing. Theme tokens arrive as CSS strings (`#22c55e`, `rgb(56 189 248 / 9%)`);
 * dimmed nodes must stay OPAQUE (edges must never show through a bubble — regression 38), so dimming is a
 * mix towards the background computed here, not a globalAlpha.
 */
export type Rgba = [number, number, number, number]

export function parseColor(css: string): Rgba | undefined {
  const s = css.trim().toLowerCase()
  const hex = /^#([0-9a-f]{3,8})$/.exec(s)
  if (hex) {
    let h = hex[1]!
    if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('')
    if (h.length !== 6 && h.length !== 8) return undefined
    const n = (i: number) => parseInt(h.slice(i, i + 2), 16)
    return [n(0), n(2), n(4), h.length === 8 ? n(6) / 255 : 1]
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(s)
  if (fn) {
    const parts = fn[1]!.split(/[\s,/]+/).filter(Boolean)
    if (parts.length < 3) return undefined
    const ch = (p: string) => (p.endsWith('%') ? (parseFloat(p) / 100) * 255 : parseFloat(p))
    const alpha =
      parts[3] === undefined ? 1 : parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3])
    const out: Rgba = [ch(parts[0]!), ch(parts[1]!), ch(parts[2]!), alpha]
    return out.some((v) => Number.isNaN(v)) ? undefined : out
  }
  return undefined
}

export function toCss([r, g, b, a]: Rgba): string {
  const c = (v: number) => Math.round(Math.min(255, Math.max(0, v)))
  return a >= 1
    ? `rgb(${c(r)} ${c(g)} ${c(b)})`
    : `rgb(${c(r)} ${c(g)} ${c(b)} / ${Math.round(a * 1000) / 1000})`
}

/** `a` mixed towards `b` by `t` (0 = a, 1 = b), always opaque. Unparseable input returns `a` as given. */
export function mixOpaque(a: string, b: string, t: number): string {
  const pa = parseColor(a)
  const pb = parseColor(b)
  if (!pa || !pb) return a
  return toCss([pa[0] + (pb[0] - pa[0]) * t, pa[1] + (pb[1] - pa[1]) * t, pa[2] + (pb[2] - pa[2]) * t, 1])
}

/** The colour with a different alpha. */
export function withAlpha(css: string, alpha: number): string {
  const p = parseColor(css)
  return p ? toCss([p[0], p[1], p[2], alpha]) : css
}
