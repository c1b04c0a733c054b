import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, type ReactNode } from 'react'
import styles from './VirtualTable.module.css'

export interface SortState {
  id: string
  desc: boolean
}

export interface ColumnMeta {
  /** CSS width of the column, e.g. `160px` or `28%`. */
  width?: string
  align?: 'left' | 'right' | 'center'
  /** Accessible name for the sort button when the header is not plain text. */
  sortLabel?: string
}

/**
 * One column: a stable id (the sort key), a header (text or a render function) and a cell renderer. The
 * second type parameter only keeps the TanStack Table spelling `ColumnDef<T, unknown>` valid.
 */
export interface ColumnDef<T, _Value = unknown> {
  id: string
  header: ReactNode | (() => ReactNode)
  cell: (context: { row: { id: string; index: number; original: T } }) => ReactNode
  meta?: ColumnMeta
  /** `false`: the header is not a sort button even when the table sorts. */
  enableSorting?: boolean
}

export interface VirtualTableProps<T> {
  /** Accessible name of the table (also the test contract: `getByRole('table', { name })`). */
  label: string
  data: readonly T[]
  columns: ColumnDef<T, unknown>[]
  getRowId: (row: T) => string
  sort?: SortState | undefined
  /** Called with the clicked column; the owner decides the new direction (sorting is done by the owner). */
  onSortChange?: (columnId: string) => void
  rowHeight?: number
  /** CSS max-height of the scroll area (rows beyond it are virtualised). */
  maxHeight?: string
  empty?: ReactNode
  selectedId?: string | undefined
  /** Rows spanning every column (group headers). */
  fullWidth?: (row: T) => ReactNode | undefined
  rowProps?: (row: T) => { className?: string; 'data-status'?: string }
}

/**
 * A real `<table>` (TanStack Virtual for rows): only the visible rows are in the DOM, between two spacer
 * rows, so 10,000 rows scroll as smoothly as 10. Sorting is the owner's — owners sort with their own tested
 * comparators — and the sorted header carries `aria-sort`. Columns are plain render functions: a headless
 * table library (TanStack Table, ~17 kB brotli on the first route) bought nothing the columns use.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const {
    label,
    data,
    columns,
    getRowId,
    sort,
    onSortChange,
    rowHeight = 40,
    maxHeight = 'calc(100vh - 240px)',
    empty,
    selectedId,
    fullWidth,
    rowProps,
  } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: data.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    getItemKey: (i) => (i < data.length ? getRowId(data[i]!) : i),
  })
  const items = virtualizer.getVirtualItems()
  // Only the window's rows are rendered; the virtualiser alone knows the full count.
  const padTop = items[0]?.start ?? 0
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0
  const colCount = columns.length
  return (
    <div ref={scrollRef} className={styles.scroll} style={{ maxHeight }} data-testid="virtual-table-scroll">
      <table className={styles.table} aria-label={label} aria-rowcount={data.length + 1}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: c.meta?.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => {
              const meta = column.meta
              const sortable = !!onSortChange && column.enableSorting !== false
              const active = sort?.id === column.id
              const ariaSort = active
                ? sort?.desc
                  ? 'descending'
                  : 'ascending'
                : sortable
                  ? 'none'
                  : undefined
              const content = typeof column.header === 'function' ? column.header() : column.header
              return (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={ariaSort}
                  className={styles[meta?.align ?? 'left']}
                >
                  {sortable ? (
                    <button
                      type="button"
                      className={styles.sortButton}
                      onClick={() => onSortChange(column.id)}
                      aria-label={meta?.sortLabel}
                    >
                      {content}
                      <span className={styles.sortIcon} aria-hidden="true">
                        {active ? (sort?.desc ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  ) : (
                    content
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {data.length === 0 ? (
            <tr>
              <td colSpan={colCount} className={styles.empty}>
                {empty ?? 'Nothing to show.'}
              </td>
            </tr>
          ) : null}
          {padTop > 0 ? (
            <tr aria-hidden="true" className={styles.spacer}>
              <td colSpan={colCount} style={{ height: padTop }} />
            </tr>
          ) : null}
          {items.map((vi) => {
            const original = data[vi.index]!
            const row = { id: getRowId(original), index: vi.index, original }
            const full = fullWidth?.(original)
            const extra = rowProps?.(original) ?? {}
            return (
              <tr
                key={row.id}
                data-index={vi.index}
                aria-rowindex={vi.index + 2}
                aria-selected={selectedId !== undefined ? selectedId === row.id : undefined}
                className={`${styles.row} ${selectedId === row.id ? styles.selected : ''} ${extra.className ?? ''}`}
                data-status={extra['data-status']}
                style={{ height: rowHeight }}
              >
                {full !== undefined ? (
                  <td colSpan={colCount} className={styles.fullWidth}>
                    {full}
                  </td>
                ) : (
                  columns.map((column) => (
                    <td key={column.id} className={styles[column.meta?.align ?? 'left']}>
                      {column.cell({ row })}
                    </td>
                  ))
                )}
              </tr>
            )
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true" className={styles.spacer}>
              <td colSpan={colCount} style={{ height: padBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  )
}
