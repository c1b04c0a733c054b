/**
 * The colours the flow canvas draws with, resolved from theme tokens (the caller reads them with
 * `readThemeTokens(FLOW_THEME_TOKENS)` and rebuilds the theme on every theme change).
 */
import { mixOpaque, withAlpha } from './colors.ts'

/** Status order used by every typed array in the canvas layer. */
export const STATUS_ORDER = ['failed', 'running', 'pending', 'succeeded'] as const
export type StatusIndex = 0 | 1 | 2 | 3

export const FLOW_THEME_TOKENS = [
  'bg',
  'surface',
  'border',
  'border-strong',
  'text',
  'text-muted',
  'text-faint',
  'accent',
  'focus',
  'danger',
  'warning',
  'status-failed',
  'status-running',
  'status-pending',
  'status-succeeded',
  'region-0',
  'region-1',
  'region-2',
  'region-3',
  'region-4',
  'region-5',
  'region-6',
  'region-7',
  'region-8',
  'region-9',
  'font-sans',
] as const
export type FlowThemeToken = (typeof FLOW_THEME_TOKENS)[number]

export interface FlowTheme {
  bg: string
  surface: string
  border: string
  borderStrong: string
  text: string
  textMuted: string
  textFaint: string
  accent: string
  focus: string
  danger: string
  /** By STATUS_ORDER. */
  status: [string, string, string, string]
  /** The same, mixed 72% towards the background: dimmed but opaque. */
  statusDim: [string, string, string, string]
  /** Group bubble fill, normal and dimmed. */
  bubble: string
  bubbleDim: string
  /** Glyph strokes drawn on top of status fills. */
  glyph: string
  edge: string
  edgeDim: string
  highlight: string
  neighbour: string
  regionTint: string[]
  globalLane: string
  laneLabel: string
  /** 11 px labels and 12 px semibold group names, in the app's font. */
  labelFont: string
  boldFont: string
}

const FALLBACK: Record<FlowThemeToken, string> = {
  bg: '#0b0f14',
  surface: '#16202b',
  border: '#263443',
  'border-strong': '#3a4d61',
  text: '#e6edf3',
  'text-muted': '#9fb0c0',
  'text-faint': '#6e8193',
  accent: '#2dd4bf',
  focus: '#fbbf24',
  danger: '#f87171',
  warning: '#fbbf24',
  'status-failed': '#ef4444',
  'status-running': '#38bdf8',
  'status-pending': '#64748b',
  'status-succeeded': '#22c55e',
  'region-0': 'rgb(56 189 248 / 9%)',
  'region-1': 'rgb(167 139 250 / 9%)',
  'region-2': 'rgb(52 211 153 / 9%)',
  'region-3': 'rgb(251 146 60 / 9%)',
  'region-4': 'rgb(244 114 182 / 9%)',
  'region-5': 'rgb(250 204 21 / 9%)',
  'region-6': 'rgb(96 165 250 / 9%)',
  'region-7': 'rgb(45 212 191 / 9%)',
  'region-8': 'rgb(248 113 113 / 9%)',
  'region-9': 'rgb(163 230 53 / 9%)',
  'font-sans': 'system-ui, sans-serif',
}

/** Builds the canvas theme; a token missing from the page (tests, old CSS) falls back to the dark value. */
export function buildFlowTheme(tokens: Partial<Record<FlowThemeToken, string>>): FlowTheme {
  const t = (k: FlowThemeToken) => tokens[k] || FALLBACK[k]
  const bg = t('bg')
  const status: FlowTheme['status'] = [
    t('status-failed'),
    t('status-running'),
    t('status-pending'),
    t('status-succeeded'),
  ]
  const dim = (c: string) => mixOpaque(c, bg, 0.72)
  return {
    bg,
    surface: t('surface'),
    border: t('border'),
    borderStrong: t('border-strong'),
    text: t('text'),
    textMuted: t('text-muted'),
    textFaint: t('text-faint'),
    accent: t('accent'),
    focus: t('focus'),
    danger: t('danger'),
    status,
    statusDim: [dim(status[0]), dim(status[1]), dim(status[2]), dim(status[3])],
    bubble: t('surface'),
    bubbleDim: mixOpaque(t('surface'), bg, 0.5),
    glyph: bg,
    edge: withAlpha(t('text-faint'), 0.85),
    edgeDim: withAlpha(t('text-faint'), 0.22),
    highlight: t('focus'),
    neighbour: withAlpha(t('focus'), 0.55),
    regionTint: Array.from({ length: 10 }, (_, i) => t(`region-${i}` as FlowThemeToken)),
    globalLane: withAlpha(t('text-faint'), 0.06),
    laneLabel: t('text-muted'),
    labelFont: `11px ${t('font-sans')}`,
    boldFont: `600 12px ${t('font-sans')}`,
  }
}
