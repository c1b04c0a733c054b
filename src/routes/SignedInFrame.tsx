import { PaletteHost } from '../features/palette/PaletteHost.tsx'
import { AppShell } from '../features/shell/AppShell.tsx'

/**
 * The signed-in frame of both consoles: the shell, plus the command palette (Ctrl/⌘+K, the header's
 * "Search / commands" button). Composed here because features never import each other.
 */
export function SignedInFrame() {
  return (
    <>
      <AppShell />
      <PaletteHost />
    </>
  )
}
