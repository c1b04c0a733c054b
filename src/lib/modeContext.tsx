import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { absoluteHref, linkTo, type LinkTarget } from './links.ts'
import { MODE, type ConsoleMode, type ModeInfo } from './mode.ts'

const ModeContext = createContext<ModeInfo>(MODE)

/** Provides the page's mode (one explicit piece of context; tests can render either mode). */
export function ModeProvider({ mode = MODE, children }: { mode?: ModeInfo; children: ReactNode }) {
  return <ModeContext.Provider value={mode}>{children}</ModeContext.Provider>
}

export function useMode(): ModeInfo {
  return useContext(ModeContext)
}

/** The link builder bound to the current mode: `links.to({page:'job', …})` → router path. */
export function useLinks(): {
  to: (t: LinkTarget) => string
  href: (t: LinkTarget) => string
  mode: ConsoleMode
} {
  const mode = useMode()
  return useMemo(
    () => ({
      mode: mode.mode,
      to: (t: LinkTarget) => linkTo(mode.mode, t),
      href: (t: LinkTarget) => absoluteHref(mode.basepath, linkTo(mode.mode, t)),
    }),
    [mode],
  )
}

/** Renders its children only in the given mode — mode-specific surfaces by declaration, not scattered ifs. */
export function OnlyIn({ mode, children }: { mode: ConsoleMode; children: ReactNode }) {
  return useMode().mode === mode ? <>{children}</> : null
}
