/**
 * The command palette's open state and its shortcut, kept tiny and free of the palette itself: the header
 * button and the Ctrl/⌘+K handler live in the first route's bundle, the palette (fuzzy ranking, item
 * builders, UI) is a separate chunk loaded on the first open.
 */
const listeners = new Set<() => void>()
let open = false
/** What had focus when the palette opened: focus goes back there on close (Escape, a pick). */
let opener: Element | null = null

export function paletteOpen(): boolean {
  return open
}

export function setPaletteOpen(next: boolean): void {
  if (open === next) return
  if (next && typeof document !== 'undefined') opener = document.activeElement
  open = next
  for (const l of listeners) l()
}

export function openPalette(): void {
  setPaletteOpen(true)
}

/**
 * Puts focus back on the element that opened the palette, if it is still on the page. True when it did
 * (else the dialog's own default applies). A pick that navigates is followed by the router's move to the
 * new page's heading.
 */
export function restorePaletteFocus(): boolean {
  const el = opener
  opener = null
  if (!el || !el.isConnected || el === document.body || !('focus' in el)) return false
  ;(el as HTMLElement).focus()
  return true
}

export function subscribePalette(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

interface TargetLike {
  tagName?: string
  isContentEditable?: boolean
  closest?: (selector: string) => unknown
  type?: string
}

/** Input types that take no typing (a checkbox, a button): Ctrl+K there still opens the palette. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'])

/**
 * Whether a key event's target is somewhere the user types: a text input, a textarea, a select, a
 * contenteditable, or the terminal (xterm takes keys through a hidden textarea; the check on `.xterm`
 * also covers its canvas). Ctrl+K there belongs to what has focus (e.g. a shell's "kill line").
 */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false
  const t = target as TargetLike
  const tag = (t.tagName ?? '').toUpperCase()
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((t.type ?? 'text').toLowerCase())
  if (t.isContentEditable) return true
  return (
    typeof t.closest === 'function' && !!t.closest('.xterm, [contenteditable=""], [contenteditable="true"]')
  )
}

interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
  target: unknown
  defaultPrevented?: boolean
}

/** Ctrl+K (⌘+K on a Mac) outside any place the user types, not already handled by someone else. */
export function isPaletteShortcut(e: KeyLike): boolean {
  if (e.defaultPrevented || e.altKey || e.shiftKey) return false
  if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'k') return false
  return !isTypingTarget(e.target)
}
