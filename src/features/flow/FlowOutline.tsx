import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent } from 'react'
import { statusLabel } from '../../components/StatusBadge.tsx'
import type { OutlineRow } from '../../graph/outline.ts'
import styles from './FlowScreen.module.css'

const ROW_PX = 30
const GLYPHS = { succeeded: '✓', running: '◔', failed: '✗', pending: '○' } as const

export interface FlowOutlineProps {
  rows: OutlineRow[]
  selectedId: string | undefined
  onSelect(id: string): void
  onActivate(id: string): void
  onSetFolded(id: string, folded: boolean): void
}

/**
 * The accessible mirror of the canvas: a WAI-ARIA tree of what is drawn (groups and jobs, name and
 * status), virtualised so a 5,000-job graph stays cheap. Roving tabindex; selection follows focus and is
 * the canvas selection. Keys: ↑/↓ move, → unfolds / enters a group, ← folds / goes to the parent,
 * Home/End, Enter opens a job or folds/unfolds a group.
 */
export function FlowOutline({ rows, selectedId, onSelect, onActivate, onSetFolded }: FlowOutlineProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const pendingFocus = useRef<string | undefined>(undefined)
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
  })
  const selectedIndex = selectedId ? rows.findIndex((r) => r.id === selectedId) : -1
  const tabbable = selectedIndex >= 0 ? selectedIndex : 0

  // Keep the selection in view when it changes from the canvas.
  useEffect(() => {
    if (selectedIndex >= 0) virtual.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, virtual])

  // After a keyboard move the target row may only now be rendered: focus it then.
  useEffect(() => {
    const id = pendingFocus.current
    if (!id || !scroller.current) return
    const el = scroller.current.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(id)}"]`)
    if (el) {
      el.focus()
      pendingFocus.current = undefined
    }
  })

  const moveTo = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))]
    if (!row) return
    pendingFocus.current = row.id
    virtual.scrollToIndex(rows.indexOf(row), { align: 'auto' })
    onSelect(row.id)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, row: OutlineRow, index: number) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault()
        moveTo(index + 1)
        return
      case 'ArrowUp':
        e.preventDefault()
        moveTo(index - 1)
        return
      case 'Home':
        e.preventDefault()
        moveTo(0)
        return
      case 'End':
        e.preventDefault()
        moveTo(rows.length - 1)
        return
      case 'ArrowRight':
        e.preventDefault()
        if (row.expanded === false) {
          pendingFocus.current = row.id
          onSetFolded(row.id, false)
        } else if (row.expanded === true) moveTo(index + 1)
        return
      case 'ArrowLeft': {
        e.preventDefault()
        if (row.expanded === true) {
          pendingFocus.current = row.id
          onSetFolded(row.id, true)
          return
        }
        const parent = row.parentId ? rows.findIndex((r) => r.id === row.parentId) : -1
        if (parent >= 0) moveTo(parent)
        return
      }
      case 'Enter':
        e.preventDefault()
        pendingFocus.current = row.id
        onActivate(row.id)
        return
    }
  }

  return (
    <div ref={scroller} className={styles.tree} role="tree" aria-label="Graph outline">
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((item) => {
          const row = rows[item.index]!
          const selected = row.id === selectedId
          return (
            <div
              key={row.id}
              data-row-id={row.id}
              role="treeitem"
              aria-level={row.level}
              aria-setsize={row.setSize}
              aria-posinset={row.posInSet}
              aria-expanded={row.expanded}
              aria-selected={selected}
              tabIndex={item.index === tabbable ? 0 : -1}
              className={styles.treeitem}
              style={{ top: item.start, height: ROW_PX, paddingLeft: 6 + (row.level - 1) * 14 }}
              onClick={() => onSelect(row.id)}
              onDoubleClick={() => onActivate(row.id)}
              onKeyDown={(e) => onKeyDown(e, row, item.index)}
            >
              <span className={styles.twisty} aria-hidden="true">
                {row.expanded === true ? '▾' : row.expanded === false ? '▸' : ''}
              </span>
              <span
                className={styles.glyph}
                data-status={row.status}
                aria-hidden="true"
                title={statusLabel(row.status)}
              >
                {GLYPHS[row.status]}
              </span>
              <span className={styles.treeLabel}>{row.label}</span>
              <span className="sr-only">{statusLabel(row.status)}</span>
              {row.expanded === false ? (
                <span className={styles.treeCount}>
                  {row.hiddenCount === 1 ? '1 job' : `${row.hiddenCount} jobs`}
                </span>
              ) : null}
            </div>
          )
        })}
      </div>
    </div>
  )
}
