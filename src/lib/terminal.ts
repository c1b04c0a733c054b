/**
 * The one xterm.js wrapper. The console uses xterm as a *view*: callers own the text (the log viewer
 * keeps its own line buffer) and paint one screenful at a time, so the terminal never holds scrollback
 * and 100,000-line logs cost nothing here. Input is disabled, the cursor hidden, and escape sequences
 * that act outside the terminal (OSC 52 clipboard writes, OSC 8 hyperlinks, titles, DCS requests) are
 * swallowed by the parser as a second line of defence behind the callers' sanitiser.
 */
import { FitAddon } from '@xterm/addon-fit'
import { Terminal, type ITheme } from '@xterm/xterm'
import '@xterm/xterm/css/xterm.css'

export interface TerminalHandle {
  readonly element: HTMLElement
  /** Writes raw terminal data (appends at the cursor). */
  write(data: string): void
  /** Replaces the whole screen with `frame` (rows separated by `\r\n`, no autowrap). */
  paint(frame: string): void
  clear(): void
  /** Resizes to the parent element; returns the new size. */
  fit(): { cols: number; rows: number }
  size(): { cols: number; rows: number }
  /** CSS pixel size of one cell (0 before the first render). */
  cell(): { width: number; height: number }
  setTheme(theme: ITheme): void
  setFont(font: { fontFamily?: string; fontSize?: number }): void
  getSelection(): string
  hasSelection(): boolean
  clearSelection(): void
  onSelectionChange(cb: () => void): () => void
  /** Keys pressed while the terminal has focus; return false to stop xterm from handling the key. */
  onKey(handler: (e: KeyboardEvent) => boolean): void
  dispose(): void
}

export interface TerminalOptions {
  theme?: ITheme
  fontFamily?: string
  fontSize?: number
  screenReaderMode?: boolean
}

const HIDE_CURSOR = '\x1b[?25l'
const NO_AUTOWRAP = '\x1b[?7l'
const HOME_AND_CLEAR = '\x1b[H\x1b[2J'

interface CoreWithDimensions {
  _core?: { _renderService?: { dimensions?: { css?: { cell?: { width: number; height: number } } } } }
}

export function createTerminal(el: HTMLElement, opts: TerminalOptions = {}): TerminalHandle {
  const term = new Terminal({
    allowProposedApi: false,
    convertEol: false,
    cursorBlink: false,
    cursorStyle: 'bar',
    cursorWidth: 1,
    cursorInactiveStyle: 'none',
    disableStdin: true,
    scrollback: 0,
    fontFamily: opts.fontFamily ?? 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    fontSize: opts.fontSize ?? 13,
    lineHeight: 1.15,
    linkHandler: null,
    screenReaderMode: opts.screenReaderMode ?? false,
    theme: opts.theme,
    rows: 10,
    cols: 80,
  })
  const fitAddon = new FitAddon()
  term.loadAddon(fitAddon)
  // Defence in depth: whatever reaches the parser, these never act (the sanitiser already strips them).
  for (const id of [0, 1, 2, 4, 8, 10, 11, 12, 52, 104, 110, 111, 112])
    term.parser.registerOscHandler(id, () => true)
  term.parser.registerDcsHandler({ final: 'q' }, () => true)
  term.parser.registerDcsHandler({ intermediates: '$', final: 'q' }, () => true)
  term.open(el)
  term.write(NO_AUTOWRAP + HIDE_CURSOR)

  return {
    element: el,
    write: (data) => term.write(data),
    paint: (frame) => term.write(NO_AUTOWRAP + HIDE_CURSOR + HOME_AND_CLEAR + frame + HIDE_CURSOR),
    clear: () => term.write(HOME_AND_CLEAR),
    fit: () => {
      try {
        fitAddon.fit()
      } catch {
        // a hidden or detached element has no size: keep the current one
      }
      return { cols: term.cols, rows: term.rows }
    },
    size: () => ({ cols: term.cols, rows: term.rows }),
    cell: () => {
      const c = (term as unknown as CoreWithDimensions)._core?._renderService?.dimensions?.css?.cell
      return c && c.width > 0 ? { width: c.width, height: c.height } : { width: 0, height: 0 }
    },
    setTheme: (theme) => {
      term.options.theme = theme
    },
    setFont: (font) => {
      if (font.fontFamily) term.options.fontFamily = font.fontFamily
      if (font.fontSize) term.options.fontSize = font.fontSize
    },
    getSelection: () => term.getSelection(),
    hasSelection: () => term.hasSelection(),
    clearSelection: () => term.clearSelection(),
    onSelectionChange: (cb) => {
      const d = term.onSelectionChange(cb)
      return () => d.dispose()
    },
    onKey: (handler) => term.attachCustomKeyEventHandler(handler),
    dispose: () => term.dispose(),
  }
}
