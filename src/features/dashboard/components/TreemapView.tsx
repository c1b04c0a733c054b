import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react'
import { Link } from '@tanstack/react-router'
import { splitHref } from '../../../lib/links.ts'
import type { TreemapColorBy, TreemapSizeBy } from '../../../contracts/treemap.ts'
import { colorFor, readablePair, shade, type ScalePalette } from '../../../graph/colorScale.ts'
import { layoutTreemap, type TreemapCell, type TreemapInputNode } from '../../../graph/treemapLayout.ts'
import type { LinkTarget } from '../../../lib/links.ts'
import { useLinks } from '../../../lib/modeContext.tsx'
import { encodeDrill } from '../../../entities/treemap/treemapControls.ts'
import { cellLabel, formatColor, formatCount, formatSize, formatSizeValue } from '../treemapModel.ts'
import styles from './TreemapView.module.css'
import { exposeTestHook } from '../../../lib/exposeTestHook.ts'

/** What activating a cell does: drill into it, open a page, or only show its details. */
export type CellAction =
  { kind: 'drill' } | { kind: 'link'; to: LinkTarget; hint: string } | { kind: 'details' }

/** Read-only test handle (non-production builds): the drawn cells in page CSS px, and timings. */
export interface TreemapTestHook {
  scene: () => {
    path: string
    name: string
    depth: number
    x: number
    y: number
    w: number
    h: number
    count: number
    value: number
  }[]
  /** Duration of the last layout computation, ms. */
  lastLayoutMs: number
  /** Layout start → cells committed to the DOM, ms (the whole re-pivot cost on the client). */
  lastRenderMs: number
  /** How many layouts ran (a re-pivot adds one). */
  layouts: number
  cellCount: number
}

declare global {
  interface Window {
    __catalystTreemap?: TreemapTestHook
    __catalystFleetTreemap?: TreemapTestHook
  }
}

export interface TreemapViewProps {
  /** Accessible name of the cell group. */
  label: string
  items: readonly TreemapInputNode[]
  /** Ids of the drilled-into path (cells' paths start with it). */
  basePath: readonly string[]
  size: TreemapSizeBy
  color: TreemapColorBy
  palette: ScalePalette
  actionFor: (cell: TreemapCell) => CellAction
  onDrill: (path: readonly string[]) => void
  /** Escape / Backspace inside the treemap (go up one level). */
  onDrillOut?: (() => void) | undefined
  /** Extra first line of the hover card, e.g. `Cluster · depth 1`. */
  describe?: (cell: TreemapCell) => string
  /** Name of the window test handle. */
  hook: 'Treemap' | 'FleetTreemap'
  /** CSS height of the drawing area. */
  height?: string
  /** Shown under the drawing when some cells could not be drawn. */
  footnote?: (info: { zeroCount: number; tooSmallCount: number }) => ReactNode
  /** Dims the picture while a new answer loads. */
  updating?: boolean
  /** See `TreemapLayoutOptions.minLeafShare`. */
  minLeafShare?: number
}

const LINGER_MS = 300

/** Runs `fn` and reports how long it took (kept outside render code: clocks are impure). */
function timed<T>(fn: () => T): { value: T; ms: number; startedAt: number } {
  const startedAt = performance.now()
  const value = fn()
  return { value, ms: performance.now() - startedAt, startedAt }
}

function elapsedSince(t: number): number {
  return performance.now() - t
}
const TIP_W = 280

/**
 * The treemap drawing: absolutely positioned cells (buttons and links, so every cell is reachable by
 * keyboard and named for assistive technology), one roving tab stop, a hover/focus card. Layout is the
 * pure `layoutTreemap`; this component only measures its box and paints the result.
 */
export function TreemapView(props: TreemapViewProps) {
  const { label, items, basePath, size, color, palette, actionFor, onDrill, onDrillOut, describe, hook } =
    props
  const minLeafShare = props.minLeafShare ?? 0
  const links = useLinks()
  const boxRef = useRef<HTMLDivElement>(null)
  const [box, setBox] = useState({ w: 0, h: 0 })
  useLayoutEffect(() => {
    const el = boxRef.current
    if (!el) return
    const measure = () => setBox({ w: Math.floor(el.clientWidth), h: Math.floor(el.clientHeight) })
    measure()
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  const timing = useRef({ lastLayoutMs: 0, lastRenderMs: 0, layouts: 0 })
  const layout = useMemo(
    () =>
      box.w === 0 || box.h === 0
        ? undefined
        : timed(() => layoutTreemap(items, basePath, { width: box.w, height: box.h, minLeafShare })),
    [items, basePath, box.w, box.h, minLeafShare],
  )
  const cells = useMemo(() => layout?.value.cells ?? [], [layout])
  const sceneRef = useRef(cells)
  useLayoutEffect(() => {
    sceneRef.current = cells
    if (!layout) return
    timing.current.lastLayoutMs = layout.ms
    timing.current.lastRenderMs = elapsedSince(layout.startedAt)
    timing.current.layouts += 1
  }, [layout, cells])

  // Roving tab stop: the active cell is the only one in the tab order.
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined)
  const activeIndex = Math.max(
    0,
    cells.findIndex((c) => c.key === activeKey),
  )
  const elements = useRef(new Map<number, HTMLElement>())
  const focusIndex = (i: number) => {
    const cell = cells[i]
    if (!cell) return
    setActiveKey(cell.key)
    elements.current.get(i)?.focus()
  }

  // Hover / focus card, tied to the layout it was opened on (a new layout closes it).
  const [tip, setTip] = useState<{ layout: unknown; index: number } | undefined>(undefined)
  const linger = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const showTip = (i: number) => {
    clearTimeout(linger.current)
    setTip({ layout, index: i })
  }
  const hideTipSoon = () => {
    clearTimeout(linger.current)
    linger.current = setTimeout(() => setTip(undefined), LINGER_MS)
  }
  useEffect(() => () => clearTimeout(linger.current), [])

  const indexOf = (e: { currentTarget: HTMLElement }) => Number(e.currentTarget.dataset.i)
  const onCellKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const i = indexOf(e)
    let next: number | undefined
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = Math.min(cells.length - 1, i + 1)
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = Math.max(0, i - 1)
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = cells.length - 1
    else if ((e.key === 'Escape' || e.key === 'Backspace') && onDrillOut) {
      e.preventDefault()
      onDrillOut()
      return
    }
    if (next !== undefined) {
      e.preventDefault()
      focusIndex(next)
    }
  }
  // Keyboard focus survives a drill or re-pivot: the focused cell is replaced, so focus moves to the
  // new picture's active cell instead of falling back to <body>.
  const focusInside = useRef(false)
  const handlers = {
    onKeyDown: onCellKeyDown,
    onMouseEnter: (e: MouseEvent<HTMLElement>) => showTip(indexOf(e)),
    onMouseLeave: hideTipSoon,
    onFocus: (e: FocusEvent<HTMLElement>) => {
      focusInside.current = true
      const i = indexOf(e)
      setActiveKey(cells[i]?.key)
      showTip(i)
    },
    onBlur: (e: FocusEvent<HTMLElement>) => {
      const next = e.relatedTarget as Node | null
      focusInside.current = !!next && !!boxRef.current?.contains(next)
      hideTipSoon()
    },
  }
  useLayoutEffect(() => {
    const box = boxRef.current
    if (!focusInside.current || !box || box.contains(document.activeElement)) return
    const first = box.querySelector<HTMLElement>('[tabindex="0"]')
    if (first) first.focus({ preventScroll: true })
    else focusInside.current = false
  }, [cells])

  // Test handle: read-only, non-production builds only.
  useEffect(() => {
    const handle: TreemapTestHook = {
      scene: () => {
        const r = boxRef.current?.getBoundingClientRect()
        const ox = (r?.left ?? 0) + window.scrollX
        const oy = (r?.top ?? 0) + window.scrollY
        return sceneRef.current.map((c) => ({
          path: encodeDrill(c.path),
          name: c.name,
          depth: c.depth,
          x: ox + c.x,
          y: oy + c.y,
          w: c.w,
          h: c.h,
          count: c.count,
          value: c.value,
        }))
      },
      get lastLayoutMs() {
        return timing.current.lastLayoutMs
      },
      get lastRenderMs() {
        return timing.current.lastRenderMs
      },
      get layouts() {
        return timing.current.layouts
      },
      get cellCount() {
        return sceneRef.current.length
      },
    }
    return exposeTestHook(hook, handle)
  }, [hook])

  const tipCell = tip && tip.layout === layout ? cells[tip.index] : undefined
  return (
    <div className={styles.wrap}>
      <div
        ref={boxRef}
        className={`${styles.box} ${props.updating ? styles.updating : ''}`}
        style={{ height: props.height ?? 'max(420px, calc(100vh - 330px))' }}
        role="group"
        aria-label={label}
        aria-busy={props.updating || undefined}
      >
        {cells.map((cell, i) => {
          // Parents are a shade darker so nesting stays visible when siblings share a colour.
          const base = colorFor(color, cell.percentage, palette)
          const { fill, text } = readablePair(cell.leaf ? base : shade(base, 0.28))
          const style: CSSProperties = {
            left: cell.x,
            top: cell.y,
            width: cell.w,
            height: cell.h,
            background: fill,
            color: text,
          }
          const action = actionFor(cell)
          const common = {
            'data-i': i,
            'aria-label': cellLabel(cell, size, color),
            tabIndex: i === activeIndex ? 0 : -1,
            className: `${styles.cell} ${cell.leaf ? styles.leaf : styles.parent}`,
            style,
            ...handlers,
            ref: (el: HTMLElement | null) => {
              if (el) elements.current.set(i, el)
              else elements.current.delete(i)
            },
          }
          const content = <CellContent cell={cell} size={size} />
          if (action.kind === 'link') {
            const href = splitHref(links.to(action.to))
            return (
              <Link key={cell.key} to={href.to} search={href.search} {...common}>
                {content}
              </Link>
            )
          }
          return (
            <button
              key={cell.key}
              type="button"
              {...common}
              onClick={() => {
                if (action.kind === 'drill') onDrill(cell.path)
                else showTip(i)
              }}
            >
              {content}
            </button>
          )
        })}
        {tipCell ? (
          <HoverCard
            cell={tipCell}
            action={actionFor(tipCell)}
            size={size}
            color={color}
            box={box}
            first={describe?.(tipCell)}
          />
        ) : null}
      </div>
      {layout && props.footnote ? props.footnote(layout.value) : null}
      <p className="sr-only">Arrow keys move between cells, Enter opens a cell, Escape goes up one level.</p>
    </div>
  )
}

/** Visible values, in the order of the accessible name (label in name: `harbor` `12 pods · 3.5 cores`). */
function valueLine(cell: TreemapCell, size: TreemapSizeBy): string {
  return `${formatCount(cell.count)} · ${formatSizeValue(size, cell.value)}`
}

function CellContent({ cell, size }: { cell: TreemapCell; size: TreemapSizeBy }) {
  if (!cell.label) return null
  if (!cell.leaf)
    return (
      <span className={styles.header} aria-hidden="true">
        <span className={styles.name}>{cell.name}</span>{' '}
        {cell.w >= 160 ? <span className={styles.value}>{valueLine(cell, size)}</span> : null}
      </span>
    )
  return (
    <span className={styles.body} aria-hidden="true">
      <span className={styles.name}>{cell.name}</span>{' '}
      {cell.h >= 40 ? <span className={styles.value}>{valueLine(cell, size)}</span> : null}
    </span>
  )
}

function HoverCard({
  cell,
  action,
  size,
  color,
  box,
  first,
}: {
  cell: TreemapCell
  action: CellAction
  size: TreemapSizeBy
  color: TreemapColorBy
  box: { w: number; h: number }
  first: string | undefined
}) {
  // Beside the cell's top-left corner, kept inside the drawing.
  const left = Math.max(4, Math.min(cell.x + 12, box.w - TIP_W - 4))
  const below = cell.y + Math.min(cell.h, 28) + 4
  const top = below + 120 > box.h ? Math.max(4, cell.y - 124) : below
  const hint =
    action.kind === 'drill' ? 'Click to drill in' : action.kind === 'link' ? action.hint : undefined
  return (
    <div className={styles.tip} style={{ left, top, width: TIP_W }} aria-hidden="true">
      {first ? <div className={styles.tipKind}>{first}</div> : null}
      <div className={styles.tipName}>{cell.name}</div>
      <dl className={styles.tipValues}>
        <dt>Pods</dt>
        <dd>{formatCount(cell.count)}</dd>
        <dt>Size</dt>
        <dd>{formatSize(size, cell.value)}</dd>
        <dt>Colour</dt>
        <dd>{formatColor(color, cell.percentage)}</dd>
      </dl>
      {hint ? <div className={styles.tipHint}>{hint}</div> : null}
    </div>
  )
}
