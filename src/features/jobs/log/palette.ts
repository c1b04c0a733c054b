/**
 * Theme tokens → the colours the log viewer needs: an xterm theme (ANSI palette mapped onto our status and
 * family tokens, so OpenTofu's red/green/yellow follow the theme) and SGR sequences for the gutter, levels
 * and highlights. Translucent tokens are blended over the terminal background (SGR has no alpha).
 */
import type { LogLevel } from '../../../contracts/jobs.ts'

export interface Rgb {
  r: number
  g: number
  b: number
  a: number
}

/** Parses `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(1 2 3 / 40%)` and `rgba(1, 2, 3, 0.4)`; undefined otherwise. */
export function parseColor(css: string): Rgb | undefined {
  const s = css.trim().toLowerCase()
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s)?.[1]
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex
    return {
      r: parseInt(full.slice(0, 2), 16),
      g: parseInt(full.slice(2, 4), 16),
      b: parseInt(full.slice(4, 6), 16),
      a: full.length === 8 ? parseInt(full.slice(6, 8), 16) / 255 : 1,
    }
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(s)?.[1]
  if (!fn) return undefined
  const parts = fn.split(/[\s,/]+/).filter(Boolean)
  if (parts.length < 3) return undefined
  const num = (p: string, scale: number) => (p.endsWith('%') ? (parseFloat(p) / 100) * scale : parseFloat(p))
  const [r, g, b] = parts.slice(0, 3).map((p) => Math.round(num(p, 255)))
  const a = parts[3] !== undefined ? num(parts[3], 1) : 1
  if ([r, g, b, a].some((v) => v === undefined || Number.isNaN(v))) return undefined
  return { r: r!, g: g!, b: b!, a }
}

/** `top` composited over an opaque `bottom`. */
export function blend(top: Rgb, bottom: Rgb): Rgb {
  const mix = (t: number, b: number) => Math.round(t * top.a + b * (1 - top.a))
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 }
}

export function toHex(c: Rgb): string {
  return `#${[c.r, c.g, c.b].map((v) => Math.max(0, Math.min(255, v)).toString(16).padStart(2, '0')).join('')}`
}

const fg = (c: Rgb) => `\x1b[38;2;${c.r};${c.g};${c.b}m`
const bg = (c: Rgb) => `\x1b[48;2;${c.r};${c.g};${c.b}m`

export const PALETTE_TOKENS = [
  'terminal-bg',
  'terminal-fg',
  'terminal-selection',
  'terminal-highlight',
  'level-debug',
  'level-info',
  'level-warn',
  'level-error',
  'status-failed',
  'status-succeeded',
  'status-degraded',
  'status-running',
  'scale-cold',
  'family-pilot',
  'text-faint',
  'text-muted',
  'focus',
] as const
export type PaletteToken = (typeof PALETTE_TOKENS)[number]

export interface XtermTheme {
  background: string
  foreground: string
  cursor: string
  cursorAccent: string
  selectionBackground: string
  black: string
  red: string
  green: string
  yellow: string
  blue: string
  magenta: string
  cyan: string
  white: string
  brightBlack: string
  brightRed: string
  brightGreen: string
  brightYellow: string
  brightBlue: string
  brightMagenta: string
  brightCyan: string
  brightWhite: string
}

export interface LogPalette {
  theme: XtermTheme
  /** SGR sequences. */
  gutter: string
  timestamp: string
  level: Record<LogLevel, string>
  match: string
  current: string
  /** Background of a deep-linked (`#L120`) line. */
  target: string
  placeholder: string
  truncated: string
}

const FALLBACK: Record<PaletteToken, string> = {
  'terminal-bg': '#0d1117',
  'terminal-fg': '#e6edf3',
  'terminal-selection': 'rgb(56 189 248 / 35%)',
  'terminal-highlight': 'rgb(251 191 36 / 30%)',
  'level-debug': '#8b9bb0',
  'level-info': '#7dd3fc',
  'level-warn': '#fbbf24',
  'level-error': '#f87171',
  'status-failed': '#ef4444',
  'status-succeeded': '#22c55e',
  'status-degraded': '#f59e0b',
  'status-running': '#38bdf8',
  'scale-cold': '#3b82f6',
  'family-pilot': '#a78bfa',
  'text-faint': '#6e8193',
  'text-muted': '#9fb0c0',
  focus: '#fbbf24',
}

export function buildPalette(tokens: Partial<Record<PaletteToken, string>>): LogPalette {
  const c = (k: PaletteToken): Rgb => parseColor(tokens[k] || '') ?? parseColor(FALLBACK[k])!
  const base = c('terminal-bg')
  const solid = (k: PaletteToken) => blend(c(k), base)
  const hex = (k: PaletteToken) => toHex(solid(k))
  const fgc = solid('terminal-fg')
  const theme: XtermTheme = {
    background: toHex(base),
    foreground: toHex(fgc),
    cursor: toHex(base),
    cursorAccent: toHex(base),
    selectionBackground: hex('terminal-selection'),
    black: hex('text-faint'),
    red: hex('status-failed'),
    green: hex('status-succeeded'),
    yellow: hex('status-degraded'),
    blue: hex('scale-cold'),
    magenta: hex('family-pilot'),
    cyan: hex('status-running'),
    white: toHex(fgc),
    brightBlack: hex('level-debug'),
    brightRed: hex('level-error'),
    brightGreen: hex('status-succeeded'),
    brightYellow: hex('level-warn'),
    brightBlue: hex('level-info'),
    brightMagenta: hex('family-pilot'),
    brightCyan: hex('level-info'),
    brightWhite: toHex(fgc),
  }
  const highlight = solid('terminal-highlight')
  return {
    theme,
    // Muted, not faint: line numbers are read, and must meet text contrast.
    gutter: fg(solid('text-muted')),
    timestamp: fg(solid('level-debug')),
    level: {
      DEBUG: fg(solid('level-debug')),
      INFO: fg(solid('level-info')),
      WARN: fg(solid('level-warn')),
      ERROR: fg(solid('level-error')),
    },
    match: bg(highlight),
    current: `${bg(solid('focus'))}${fg(base)}`,
    target: bg(solid('terminal-selection')),
    placeholder: fg(solid('text-faint')),
    truncated: `${fg(solid('level-warn'))}\x1b[3m`,
  }
}
