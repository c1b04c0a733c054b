import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { absoluteHref, linkTo, type LinkTarget } from './links.ts'
import { MODE, type ConsoleMode, type ModeInfo } from './mode.ts'
import { surfaceAvailable, type Surface } from './surfaces.ts'

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

/** Whether a declared mode-specific surface (`src/lib/surfaces.ts`) exists in this page's mode. */
export function useSurface(surface: Surface): boolean {
  return surfaceAvailable(surface, useMode().mode)
}

/**
 * Renders its children only in the given mode, or only where a declared surface exists — mode-specific
 * surfaces by declaration, not scattered ifs: `<OnlyIn surface="newDeployment">…</OnlyIn>`.
 */
export function OnlyIn(
  props: { children: ReactNode } & (
    { mode: ConsoleMode; surface?: never } | { surface: Surface; mode?: never }
  ),
) {
  const current = useMode().mode
  const shown = props.surface ? surfaceAvailable(props.surface, current) : props.mode === current
  return shown ? <>{props.children}</> : null
}
