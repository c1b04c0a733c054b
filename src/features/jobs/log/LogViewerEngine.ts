/**
 * The imperative half of the log viewer: owns the xterm instance and a native scroll container, and paints
 * the visible window of the (filtered) view on each animation frame something changed.
 *
 *   scroll container (native scrollbars, keyboard, wheel)
 *   └── inner (height = viewport + scrollable lines × row px; width = longest line when not wrapping)
 *       └── host (position: sticky, exactly the viewport) → xterm, repainted with renderWindow()
 *
 * Scroll position maps to a top line index, so opening 100,000 lines at the end costs one screenful.
 * Follow mode pins the top to the last screenful; any scroll away from the bottom pauses it and counts
 * new lines until the user jumps back. React only hears about the window (for the accessible mirror and
 * status bar) through `onWindow`.
 */
import type { LogLevel } from '../../../contracts/jobs.ts'
import { createTerminal, type TerminalHandle } from '../../../lib/terminal.ts'
import { compileQuery } from './logQuery.ts'
import {
  DISPLAY_MAX_CHARS,
  bottomTop,
  contentWidth,
  gutterWidth,
  isTruncated,
  renderWindow,
  truncationMarker,
  type RenderOptions,
  type RowInfo,
} from './logRender.ts'
import type { LogSource } from './logSource.ts'
import { buildView, firstMatchFrom, locateMatch, type LogView, type ViewFilter } from './logView.ts'
import { onPlainClick } from './onPlainClick.ts'
import type { LogPalette } from './palette.ts'
import { windowInfo, type WindowInfo } from './windowInfo.ts'

/** Browsers cap element heights (~16–33 M px); beyond this many pixels a scroll step covers several lines. */
const MAX_SCROLL_PX = 8_000_000

export interface ViewerSettings {
  wrap: boolean
  lineNumbers: boolean
  timestamps: boolean
}

export interface EngineCallbacks {
  onWindow: (info: WindowInfo) => void
  /** A click on a line number. */
  onLineClick: (n: number) => void
  /** A click on a line cut for display. */
  onTruncatedClick: (n: number) => void
}

export class LogViewerEngine {
  private readonly term: TerminalHandle
  private source: LogSource | undefined
  private unsubscribe: (() => void) | undefined
  private view: LogView | undefined
  private viewVersion = -1
  private filter: ViewFilter
  private settings: ViewerSettings
  private palette: LogPalette
  private top = 0
  private hOffset = 0
  private following = true
  private anchorLength = 0
  private target: number | undefined
  /** A deep-link line not loaded/known yet: scrolled to once it exists. */
  private pendingTarget: number | undefined
  private currentMatch = -1
  private rows: RowInfo[] = []
  private rowPx = 16
  private expectedScrollTop = 0
  private expectedScrollLeft = 0
  private frame = 0
  private lastSignature = ''
  private readonly resizeObserver: ResizeObserver
  private readonly cleanup: (() => void)[] = []

  constructor(
    private readonly scrollEl: HTMLElement,
    private readonly innerEl: HTMLElement,
    private readonly hostEl: HTMLElement,
    palette: LogPalette,
    settings: ViewerSettings,
    private readonly callbacks: EngineCallbacks,
    fontFamily: string,
  ) {
    this.palette = palette
    this.settings = settings
    this.filter = {
      levels: new Set(),
      query: compileQuery({ text: '', caseSensitive: false, regex: false }),
      onlyMatching: false,
    }
    this.term = createTerminal(hostEl, { theme: palette.theme, fontFamily })
    this.resizeObserver = new ResizeObserver(() => this.resize())
    this.resizeObserver.observe(scrollEl)
    const onScroll = () => this.onScroll()
    scrollEl.addEventListener('scroll', onScroll, { passive: true })
    this.cleanup.push(() => scrollEl.removeEventListener('scroll', onScroll))
    // Wheel over the terminal scrolls our container, never xterm's (empty) scrollback.
    const onWheel = (e: WheelEvent) => e.stopPropagation()
    hostEl.addEventListener('wheel', onWheel, { capture: true, passive: true })
    this.cleanup.push(() => hostEl.removeEventListener('wheel', onWheel, { capture: true }))
    this.cleanup.push(
      onPlainClick(
        hostEl,
        () => this.term.hasSelection(),
        (x, y) => this.onClick(x, y),
      ),
    )
    // Keys pressed while xterm's (input-disabled) textarea has focus still scroll and copy.
    this.term.onKey((e) => this.onTerminalKey(e))
    // Selecting text while following would let new lines slide under the selection: pause instead.
    this.cleanup.push(
      this.term.onSelectionChange(() => {
        if (this.term.hasSelection() && this.following) {
          this.following = false
          this.anchorLength = this.view?.length ?? 0
          this.schedule()
        }
      }),
    )
    this.resize()
  }

  dispose(): void {
    cancelAnimationFrame(this.frame)
    this.unsubscribe?.()
    this.resizeObserver.disconnect()
    for (const c of this.cleanup) c()
    this.term.dispose()
  }

  // ── inputs ────────────────────────────────────────────────────────────────────────────────────────────

  setSource(source: LogSource | undefined): void {
    if (source === this.source) return
    this.unsubscribe?.()
    this.source = source
    this.view = undefined
    this.viewVersion = -1
    this.top = 0
    this.currentMatch = -1
    this.following = this.target === undefined && this.pendingTarget === undefined
    this.unsubscribe = source?.subscribe(() => this.schedule())
    this.schedule()
  }

  setSettings(settings: ViewerSettings): void {
    this.settings = settings
    this.view = undefined // maxPlain does not change, but the cheapest correct thing is a rebuild
    this.schedule()
  }

  setPalette(palette: LogPalette): void {
    this.palette = palette
    this.term.setTheme(palette.theme)
    this.schedule()
  }

  setFilter(
    text: string,
    caseSensitive: boolean,
    regex: boolean,
    levels: ReadonlySet<LogLevel>,
    onlyMatching: boolean,
  ): string | undefined {
    const query = compileQuery({ text, caseSensitive, regex })
    this.filter = { levels, query, onlyMatching }
    this.view = undefined
    this.currentMatch = -1
    this.schedule()
    return query.error
  }

  /** Highlights line `n` and scrolls to it unless it is already on screen. */
  setTarget(n: number | undefined): void {
    this.target = n
    this.pendingTarget = n !== undefined && !this.rows.some((r) => r.n === n) ? n : undefined
    if (n !== undefined) this.following = false
    this.schedule()
  }

  follow(): void {
    this.following = true
    this.schedule()
  }

  /** Moves to the next (+1) or previous (-1) match, from the current one or from the top of the screen. */
  stepMatch(dir: 1 | -1): void {
    const view = this.ensureView()
    if (!view || !view.totalMatches) return
    let k: number
    if (this.currentMatch < 0) {
      const topLine = view.length ? view.lineAt(Math.min(this.top, view.length - 1)) : 1
      k = firstMatchFrom(view, topLine)
      if (dir < 0) k = (k - 1 + view.totalMatches) % view.totalMatches
    } else k = (this.currentMatch + dir + view.totalMatches) % view.totalMatches
    this.currentMatch = k
    const loc = locateMatch(view, k)
    if (loc) this.reveal(view, loc.line)
    this.schedule()
  }

  copySelection(): string {
    return this.term.getSelection()
  }

  hasSelection(): boolean {
    return this.term.hasSelection()
  }

  onSelectionChange(cb: () => void): () => void {
    return this.term.onSelectionChange(cb)
  }

  /** Refit after a layout change the ResizeObserver may not see (fullscreen toggles). */
  resize(): void {
    const w = this.scrollEl.clientWidth
    const h = this.scrollEl.clientHeight
    this.hostEl.style.width = `${w}px`
    this.hostEl.style.height = `${h}px`
    this.term.fit()
    this.schedule()
  }

  // ── painting ──────────────────────────────────────────────────────────────────────────────────────────

  private schedule(): void {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.paint()
    })
  }

  private ensureView(): LogView | undefined {
    const src = this.source
    if (!src) return undefined
    const v = src.buffer.version
    if (!this.view || this.viewVersion !== v) {
      this.view = buildView(src.buffer, this.filter, this.view)
      this.viewVersion = v
    }
    return this.view
  }

  private options(): RenderOptions {
    const { cols, rows } = this.term.size()
    const total = this.source?.buffer.total ?? 0
    return {
      cols,
      rows,
      wrap: this.settings.wrap,
      hOffset: this.settings.wrap ? 0 : this.hOffset,
      lineNumbers: this.settings.lineNumbers,
      timestamps: this.settings.timestamps,
      numberWidth: Math.max(3, String(total).length),
      maxChars: DISPLAY_MAX_CHARS,
      palette: this.palette,
    }
  }

  private maxTop(view: LogView, o: RenderOptions): number {
    const buffer = this.source!.buffer
    return bottomTop(
      view.length,
      (i) => view.lineAt(i),
      (n) => buffer.get(n),
      o,
    )
  }

  /** Scrolls so line `n` is on screen (a third from the top), unless it already is. */
  private reveal(view: LogView, n: number): void {
    this.following = false
    const o = this.options()
    const index = view.indexOf(n)
    const shown = this.rows.some((r) => r.n === n)
    if (shown) return
    this.top = Math.max(0, Math.min(this.maxTop(view, o), index - Math.floor(o.rows / 3)))
  }

  private paint(): void {
    const src = this.source
    const view = this.ensureView()
    if (!src || !view) {
      this.term.paint('')
      return
    }
    const buffer = src.buffer
    const o = this.options()
    const len = view.length
    if (this.pendingTarget !== undefined && this.pendingTarget <= buffer.total) {
      const n = this.pendingTarget
      this.pendingTarget = undefined
      this.following = false
      this.reveal(view, n)
    }
    const maxTop = this.maxTop(view, o)
    if (this.following) this.top = maxTop
    this.top = Math.max(0, Math.min(this.top, maxTop))
    if (this.following) this.anchorLength = len

    // Scroll geometry.
    const cell = this.term.cell()
    const cellH = cell.height || 16
    const cellW = cell.width || 8
    this.rowPx = maxTop > 0 ? Math.min(cellH, MAX_SCROLL_PX / maxTop) : cellH
    const viewportH = this.scrollEl.clientHeight
    const height = `${Math.round(viewportH + maxTop * this.rowPx)}px`
    if (this.innerEl.style.height !== height) this.innerEl.style.height = height
    const contentCols = Math.min(view.maxPlain, o.maxChars + truncationMarker(view.maxPlain).length)
    const width = o.wrap
      ? '100%'
      : `${Math.max(this.scrollEl.clientWidth, Math.ceil((gutterWidth(o) + contentCols + 2) * cellW))}px`
    if (this.innerEl.style.width !== width) this.innerEl.style.width = width
    const wantTop = this.top * this.rowPx
    if (Math.abs(this.scrollEl.scrollTop - wantTop) >= Math.max(1, this.rowPx / 2)) {
      this.expectedScrollTop = wantTop
      this.scrollEl.scrollTop = wantTop
      this.expectedScrollTop = this.scrollEl.scrollTop
    }

    const numbers: number[] = []
    for (let i = this.top; i < len && numbers.length < o.rows; i++) numbers.push(view.lineAt(i))
    if (numbers.length && !view.subset) src.want(numbers[0]!, numbers[numbers.length - 1]!)
    const query = view.filter.query
    const loc = this.currentMatch >= 0 ? locateMatch(view, this.currentMatch) : undefined
    const w = renderWindow(
      (n) => buffer.get(n),
      numbers,
      o,
      (line) =>
        query.active
          ? { ranges: query.ranges(line.plain), current: loc && loc.line === line.n ? loc.nth : undefined }
          : undefined,
      (n) => n === this.target,
    )
    this.term.paint(w.text)
    this.rows = w.rows

    const newLines = this.following ? 0 : Math.max(0, len - this.anchorLength)
    const signature = [
      buffer.version,
      this.top,
      len,
      this.following,
      newLines,
      view.totalMatches,
      this.currentMatch,
      this.target,
      src.status().state,
      w.lines.length,
    ].join('|')
    if (signature === this.lastSignature) return
    this.lastSignature = signature
    this.callbacks.onWindow(
      windowInfo(buffer, view, w.lines, o.maxChars, {
        following: this.following,
        newLines,
        currentMatch: this.currentMatch,
      }),
    )
  }

  // ── user input ────────────────────────────────────────────────────────────────────────────────────────

  private onScroll(): void {
    const el = this.scrollEl
    const st = el.scrollTop
    const cellW = this.term.cell().width || 8
    if (el.scrollLeft !== this.expectedScrollLeft) {
      this.expectedScrollLeft = el.scrollLeft
      this.hOffset = Math.floor(el.scrollLeft / cellW)
      this.schedule()
    }
    if (Math.abs(st - this.expectedScrollTop) < 1) return
    this.expectedScrollTop = st
    const atBottom = st >= el.scrollHeight - el.clientHeight - 2
    if (atBottom) this.following = true
    else {
      if (this.following) this.anchorLength = this.view?.length ?? 0
      this.following = false
      this.top = Math.round(st / this.rowPx)
    }
    this.schedule()
  }

  private onClick(clientX: number, clientY: number): void {
    const screen = this.hostEl.querySelector('.xterm-screen') ?? this.hostEl
    const rect = screen.getBoundingClientRect()
    const cell = this.term.cell()
    if (!cell.height || !cell.width) return
    const row = Math.floor((clientY - rect.top) / cell.height)
    const col = Math.floor((clientX - rect.left) / cell.width)
    const info = this.rows[row]
    if (!info || !info.n) return
    const o = this.options()
    const line = this.source?.buffer.get(info.n)
    if (o.lineNumbers && col < o.numberWidth + 1) this.callbacks.onLineClick(info.n)
    else if (line && isTruncated(line, o.maxChars) && col >= gutterWidth(o))
      this.callbacks.onTruncatedClick(info.n)
  }

  private onTerminalKey(e: KeyboardEvent): boolean {
    if (e.type !== 'keydown') return false
    const el = this.scrollEl
    const page = Math.max(1, this.term.size().rows - 1) * this.rowPx
    const by: Record<string, number> = {
      ArrowDown: this.rowPx,
      ArrowUp: -this.rowPx,
      PageDown: page,
      PageUp: -page,
    }
    if (e.key in by) el.scrollTop += by[e.key]!
    else if (e.key === 'Home') el.scrollTop = 0
    else if (e.key === 'End') el.scrollTop = el.scrollHeight
    else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && this.term.hasSelection())
      void navigator.clipboard?.writeText(this.term.getSelection()).catch(() => undefined)
    return false
  }

  /** The terminal background in use (test hook: repaint on theme change). */
  background(): string {
    return this.palette.theme.background
  }

  /** Client coordinates of line `n`'s number in the gutter, when it is on screen (test hook). */
  gutterPoint(n: number): { x: number; y: number } | undefined {
    const row = this.rows.findIndex((r) => r.n === n && r.first)
    const cell = this.term.cell()
    if (row < 0 || !cell.height) return undefined
    const screen = this.hostEl.querySelector('.xterm-screen') ?? this.hostEl
    const rect = screen.getBoundingClientRect()
    return { x: rect.left + cell.width * 1.5, y: rect.top + (row + 0.5) * cell.height }
  }

  /** Available message width in columns (for tests and the status bar). */
  contentColumns(): number {
    return contentWidth(this.options())
  }
}
