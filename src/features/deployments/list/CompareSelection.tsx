import type { ColumnDef } from '../../../components/VirtualTable.tsx'
import { useMemo, useState } from 'react'
import { AppLink } from '../../../components/AppLink.tsx'
import type { DeploymentSummary } from '../../../contracts/deployments.ts'
import { compareBlockReason, pruneSelected, toggleSelected } from './compareSelection.ts'
import styles from './CompareSelection.module.css'

export interface CompareSelection {
  selected: readonly string[]
  toggle: (id: string) => void
}

/** The rows picked for comparison, in pick order; picks of rows that disappear drop out. */
export function useCompareSelection(rows: readonly DeploymentSummary[]): CompareSelection {
  const [picked, setPicked] = useState<string[]>([])
  const existing = useMemo(() => new Set(rows.map((r) => r.id)), [rows])
  const selected = pruneSelected(picked, existing)
  return useMemo(
    () => ({ selected, toggle: (id: string) => setPicked((s) => toggleSelected(s, id)) }),
    // `selected` is a new array only when a pick changed or dropped out.
    [selected],
  )
}

/** A checkbox column named after each row (`Select acme.omani.works for comparison`). */
export function compareSelectColumn(
  selection: CompareSelection,
  nameOf: (d: DeploymentSummary) => string,
): ColumnDef<DeploymentSummary, unknown> {
  return {
    id: 'select',
    header: () => <span className="sr-only">Select for comparison</span>,
    enableSorting: false,
    meta: { width: '44px', align: 'center' },
    cell: ({ row }) => (
      <input
        type="checkbox"
        className={styles.check}
        aria-label={`Select ${nameOf(row.original)} for comparison`}
        checked={selection.selected.includes(row.original.id)}
        onChange={() => selection.toggle(row.original.id)}
      />
    ),
  }
}

/** "Compare" for exactly two picked runs; disabled with the reason otherwise. */
export function CompareButton({ selection }: { selection: CompareSelection }) {
  const reason = compareBlockReason(selection.selected)
  if (!reason) {
    const [a, b] = selection.selected
    return (
      <AppLink to={{ page: 'compare', search: { a, b } }} className="btn btn-sm">
        Compare
      </AppLink>
    )
  }
  return (
    <span className={styles.wrap}>
      <button type="button" className="btn btn-sm" disabled aria-describedby="compare-reason">
        Compare
      </button>
      <span id="compare-reason" className={styles.reason}>
        {reason}
      </span>
    </span>
  )
}
