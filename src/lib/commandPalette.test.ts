import { describe, expect, it } from 'vitest'
import {
  isPaletteShortcut,
  isTypingTarget,
  openPalette,
  paletteOpen,
  setPaletteOpen,
  subscribePalette,
} from './commandPalette.ts'

const el = (tagName: string, extra: Record<string, unknown> = {}) => ({
  tagName,
  closest: () => null,
  ...extra,
})
const key = (over: Partial<Parameters<typeof isPaletteShortcut>[0]> = {}) => ({
  key: 'k',
  ctrlKey: true,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  target: el('BODY'),
  ...over,
})

describe('isTypingTarget', () => {
  it.each<[string, unknown, boolean]>([
    ['a text input', el('INPUT', { type: 'text' }), true],
    ['a search box', el('INPUT', { type: 'search' }), true],
    ['an input without a type', el('INPUT'), true],
    ['a checkbox', el('INPUT', { type: 'checkbox' }), false],
    ['a textarea (xterm takes keys through one)', el('TEXTAREA'), true],
    ['a select', el('SELECT'), true],
    ['a contenteditable', el('DIV', { isContentEditable: true }), true],
    [
      'inside the terminal',
      el('CANVAS', { closest: (s: string) => (s.includes('.xterm') ? {} : null) }),
      true,
    ],
    ['a button', el('BUTTON'), false],
    ['the body', el('BODY'), false],
    ['nothing', null, false],
  ])('%s → %s', (_name, target, want) => {
    expect(isTypingTarget(target)).toBe(want)
  })
})

describe('isPaletteShortcut', () => {
  it('Ctrl+K and ⌘+K (either case) outside fields', () => {
    expect(isPaletteShortcut(key())).toBe(true)
    expect(isPaletteShortcut(key({ ctrlKey: false, metaKey: true }))).toBe(true)
    expect(isPaletteShortcut(key({ key: 'K' }))).toBe(true)
  })
  it('not plain K, not with Alt or Shift, not when handled already, not while typing', () => {
    expect(isPaletteShortcut(key({ ctrlKey: false }))).toBe(false)
    expect(isPaletteShortcut(key({ altKey: true }))).toBe(false)
    expect(isPaletteShortcut(key({ shiftKey: true }))).toBe(false)
    expect(isPaletteShortcut(key({ defaultPrevented: true }))).toBe(false)
    expect(isPaletteShortcut(key({ key: 'j' }))).toBe(false)
    expect(isPaletteShortcut(key({ target: el('INPUT', { type: 'text' }) }))).toBe(false)
    expect(isPaletteShortcut(key({ target: el('TEXTAREA') }))).toBe(false)
  })
})

describe('the open state', () => {
  it('notifies on change only', () => {
    const seen: boolean[] = []
    const off = subscribePalette(() => seen.push(paletteOpen()))
    openPalette()
    openPalette()
    setPaletteOpen(false)
    off()
    openPalette()
    setPaletteOpen(false)
    expect(seen).toEqual([true, false])
  })
})
