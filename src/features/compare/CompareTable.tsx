import type { ColumnDef } from '../../components/VirtualTable.tsx'
import { useMemo } from 'react'
import { StatusBadge } from '../../components/StatusBadge.tsx'
import { VirtualTable } from '../../components/VirtualTable.tsx'
import type { CompareRow, CompareSide } from '../../graph/compareRuns.ts'
import { formatDuration } from '../../lib/time.ts'
import {
  formatDelta,
  regionLabel,
  rowDifferences,
  type CompareSort,
  type CompareSortColumn,
} from './compareRows.ts'
import { deltaClass } from './CompareSummary.tsx'
import styles from './CompareScreen.module.css'

function SideCell({ side, run }: { side: CompareSide | undefined; run: 'A' | 'B' }) {
  if (!side) return <span className={styles.muted}>not in run {run}</span>
  return (
    <span className={styles.side}>
      <span className="mono">
        {side.durationMs === undefined ? 'not started' : formatDuration(side.durationMs)}
        {side.running ? ' so far' : ''}
      </span>
      {side.status !== 'succeeded' && side.durationMs !== undefined ? (
        <StatusBadge status={side.status} size="sm" />
      ) : null}
      {side.retried ? <span className={styles.tag}>{side.attempts} attempts</span> : null}
      {side.onCriticalPath ? (
        <span className={styles.critical} title={`On run ${run}'s critical path`}>
          critical path
        </span>
      ) : null}
    </span>
  )
}

/** The per chart and region rows; sorting is decided by the owner (`onSort`) and lives in the URL. */
export function CompareTable({
  rows,
  sort,
  onSort,
  onClearFilters,
}: {
  rows: readonly CompareRow[]
  sort: CompareSort | undefined
  onSort: (column: CompareSortColumn) => void
  onClearFilters: () => void
}) {
  const columns = useMemo<ColumnDef<CompareRow, unknown>[]>(
    () => [
      {
        id: 'name',
        header: 'Chart or job',
        meta: { width: '20%' },
        cell: ({ row }) => (
          <span className={styles.name} title={row.original.label}>
            {row.original.name}
          </span>
        ),
      },
      {
        id: 'region',
        header: 'Region',
        meta: { width: '13%' },
        cell: ({ row }) => <span className="mono">{regionLabel(row.original.pair)}</span>,
      },
      {
        id: 'a',
        header: 'Run A',
        meta: { width: '20%' },
        cell: ({ row }) => <SideCell side={row.original.a} run="A" />,
      },
      {
        id: 'b',
        header: 'Run B',
        meta: { width: '20%' },
        cell: ({ row }) => <SideCell side={row.original.b} run="B" />,
      },
      {
        id: 'delta',
        header: 'Delta',
        meta: { width: '10%', align: 'right', sortLabel: 'Delta (B − A)' },
        cell: ({ row }) => (
          <span className={`mono ${deltaClass(row.original.deltaMs) ?? ''}`}>
            {formatDelta(row.original.deltaMs)}
          </span>
        ),
      },
      {
        id: 'differences',
        header: 'Differences',
        enableSorting: false,
        meta: { width: '17%' },
        cell: ({ row }) => {
          const d = rowDifferences(row.original)
          return d.length ? (
            <span className={styles.differences}>{d.join(', ')}</span>
          ) : (
            <span className={styles.muted}>—</span>
          )
        },
      },
    ],
    [],
  )
  return (
    <VirtualTable
      label="Run comparison"
      data={rows}
      columns={columns}
      getRowId={(r) => r.key}
      sort={sort ? { id: sort.column, desc: sort.desc } : undefined}
      onSortChange={(id) => onSort(id as CompareSortColumn)}
      rowHeight={40}
      maxHeight="calc(100vh - 200px)"
      empty={
        <>
          No row matches the filters.{' '}
          <button type="button" className="btn btn-sm" onClick={onClearFilters}>
            Clear filters
          </button>
        </>
      }
    />
  )
}
