import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react'
import {
  isPaletteShortcut,
  openPalette,
  paletteOpen,
  setPaletteOpen,
  subscribePalette,
} from '../../lib/commandPalette.ts'

/** The palette itself (ranking, item builders, UI) is a separate chunk, fetched on the first open. */
const CommandPalette = lazy(() => import('./CommandPalette.tsx').then((m) => ({ default: m.CommandPalette })))

/**
 * Listens for Ctrl/⌘+K anywhere in the signed-in frame (not while typing in a field or the terminal) and
 * mounts the palette once it has been asked for; the header button opens it through the same store.
 */
export function PaletteHost() {
  const open = useSyncExternalStore(subscribePalette, paletteOpen, () => false)
  const [wanted, setWanted] = useState(open)
  if (open && !wanted) setWanted(true)

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!isPaletteShortcut(e)) return
      e.preventDefault()
      openPalette()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
  // A signed-in frame that goes away (sign out) closes the palette with it.
  useEffect(() => () => setPaletteOpen(false), [])

  if (!wanted) return null
  return (
    <Suspense fallback={null}>
      <CommandPalette open={open} onOpenChange={setPaletteOpen} />
    </Suspense>
  )
}
