import { useEffect, useState } from 'react'
import { DEFAULT_PALETTE, type ScalePalette } from '../../../graph/colorScale.ts'
import { readThemeTokens, subscribeTheme } from '../../../lib/theme.ts'

const TOKENS = ['scale-cold', 'scale-mid', 'scale-hot', 'scale-warn', 'scale-none'] as const

function readPalette(): ScalePalette {
  if (typeof document === 'undefined') return DEFAULT_PALETTE
  const t = readThemeTokens(TOKENS)
  return {
    cold: t['scale-cold'] || DEFAULT_PALETTE.cold,
    mid: t['scale-mid'] || DEFAULT_PALETTE.mid,
    hot: t['scale-hot'] || DEFAULT_PALETTE.hot,
    warn: t['scale-warn'] || DEFAULT_PALETTE.warn,
    none: t['scale-none'] || DEFAULT_PALETTE.none,
  }
}

/** The `--scale-*` theme tokens as a palette; re-read when the theme changes. */
export function usePalette(): ScalePalette {
  const [palette, setPalette] = useState(readPalette)
  useEffect(() => subscribeTheme(() => setPalette(readPalette())), [])
  return palette
}
