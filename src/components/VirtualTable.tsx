import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, type ReactNode } from 'react'
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
 * A real `<table>` (headless TanStack Table for columns, TanStack Virtual for rows): only the visible rows
 * are in the DOM, between two spacer rows, so 10,000 rows scroll as smoothly as 10. Sorting is manual —
 * owners sort with their own tested comparators — and the sorted header carries `aria-sort`.
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
  // TanStack Table builds a row object (with memoised accessors) per data item: handing it 10,000 rows
  // cost ~40 ms and a burst of garbage on every sort or keystroke. It only ever renders the window, so
  // that is all it gets; the virtualiser alone knows the full count.
  // The window is a contiguous index range; keying the slice on it (not on the items array, which is new
  // on most renders) keeps the table's data stable, and `autoResetAll: false` stops TanStack Table from
  // queueing a state reset (i.e. another render) whenever its data does change.
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1
  const windowData = useMemo(() => data.slice(first, last + 1), [data, first, last])
  const table = useReactTable({
    data: windowData,
    autoResetAll: false,
    columns,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    state: { sorting: sort ? [sort] : [] },
  })
  const rows = table.getRowModel().rows
  const padTop = items[0]?.start ?? 0
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0
  const colCount = columns.length
  return (
    <div ref={scrollRef} className={styles.scroll} style={{ maxHeight }} data-testid="virtual-table-scroll">
      <table className={styles.table} aria-label={label} aria-rowcount={data.length + 1}>
        <colgroup>
          {table.getVisibleLeafColumns().map((c) => (
            <col key={c.id} style={{ width: (c.columnDef.meta as ColumnMeta | undefined)?.width }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id} aria-rowindex={1}>
              {hg.headers.map((h) => {
                const meta = h.column.columnDef.meta as ColumnMeta | undefined
                const sortable = !!onSortChange && h.column.columnDef.enableSorting !== false
                const active = sort?.id === h.column.id
                const ariaSort = active
                  ? sort?.desc
                    ? 'descending'
                    : 'ascending'
                  : sortable
                    ? 'none'
                    : undefined
                const content = flexRender(h.column.columnDef.header, h.getContext())
                return (
                  <th key={h.id} scope="col" aria-sort={ariaSort} className={styles[meta?.align ?? 'left']}>
                    {sortable ? (
                      <button
                        type="button"
                        className={styles.sortButton}
                        onClick={() => onSortChange(h.column.id)}
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
          ))}
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
          {items.map((vi, k) => {
            const row = rows[k]!
            const full = fullWidth?.(row.original)
            const extra = rowProps?.(row.original) ?? {}
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
                  row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta as ColumnMeta | undefined
                    return (
                      <td key={cell.id} className={styles[meta?.align ?? 'left']}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    )
                  })
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
