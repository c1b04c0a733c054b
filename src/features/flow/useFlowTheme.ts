import { useEffect, useState } from 'react'
import { buildFlowTheme, FLOW_THEME_TOKENS, type FlowTheme } from '../../canvas/flowTheme.ts'
import { readThemeTokens, subscribeTheme } from '../../lib/theme.ts'

/** The canvas colours, re-read from the CSS tokens whenever the theme changes. */
export function useFlowTheme(): FlowTheme {
  const [theme, setTheme] = useState(() => buildFlowTheme(readThemeTokens(FLOW_THEME_TOKENS)))
  useEffect(() => {
    const off = subscribeTheme(() => setTheme(buildFlowTheme(readThemeTokens(FLOW_THEME_TOKENS))))
    return () => {
      off()
    }
  }, [])
  return theme
}
