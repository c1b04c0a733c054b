import { useMemo, type ReactNode } from 'react'
import { AppLink } from '../../../components/AppLink.tsx'
import { StatusBadge } from '../../../components/StatusBadge.tsx'
import { VirtualTable, type ColumnDef } from '../../../components/VirtualTable.tsx'
import { COLUMNS, sortRows } from '../cloudColumns.ts'
import { KIND_LABELS, KIND_TYPE, type ListKind } from '../cloudKinds.ts'
import type { CloudSearch } from '../../../entities/topology/cloudSearch.ts'
import { cloudSort } from '../../../entities/topology/cloudSort.ts'
import type { TopologyGraph } from '../toTopologyGraph.ts'
import type { TopoNode } from '../toTopologyGraph.ts'
import styles from './CloudList.module.css'
import { KindTabs } from './KindTabs.tsx'

/**
 * `?view=list`: one table per kind (tabs with counts — the same counts as the graph's chips, from the
 * same graph model), sortable by any column (`?sort=`), each name linking to the resource in the graph.
 */
export function CloudList({
  graph,
  kind,
  search,
  deploymentId,
  onSort,
  toolbar,
  rowActions,
}: {
  graph: TopologyGraph
  kind: ListKind
  search: CloudSearch
  deploymentId: string
  onSort: (column: string) => void
  /** Above the table (the list's "Add …"). */
  toolbar?: ReactNode
  /** A last, unsorted "Actions" column. */
  rowActions?: ((n: TopoNode) => ReactNode) | undefined
}) {
  const specs = COLUMNS[kind]
  const columns = useMemo<ColumnDef<TopoNode, unknown>[]>(
    () =>
      specs.map((spec) => ({
        id: spec.id,
        header: spec.header,
        meta: { width: spec.width, align: spec.align },
        cell: ({ row }) => {
          const n = row.original
          if (spec.id === 'name')
            return (
              <AppLink
                to={{ page: 'cloud', deploymentId, search: { view: 'graph', selected: n.id } }}
                title="Show in the graph"
              >
                {n.name}
              </AppLink>
            )
          if (spec.id === 'status') return <StatusBadge status={n.status} size="sm" />
          return (spec.display ?? spec.value)(n)
        },
      })),
    [specs, deploymentId],
  )
  const withActions = useMemo<ColumnDef<TopoNode, unknown>[]>(
    () =>
      rowActions
        ? [
            ...columns,
            {
              id: 'actions',
              header: 'Actions',
              enableSorting: false,
              cell: ({ row }) => rowActions(row.original),
            },
          ]
        : columns,
    [columns, rowActions],
  )
  const parsed = cloudSort(search)
  const sortSpec = specs.find((c) => c.id === parsed?.id)
  const rows = useMemo(
    () =>
      sortRows(
        graph.nodes.filter((n) => n.type === KIND_TYPE[kind]),
        sortSpec?.value,
        !!parsed?.desc,
      ),
    [graph, kind, sortSpec, parsed?.desc],
  )
  return (
    <div className={styles.wrap}>
      <KindTabs graph={graph} kind={kind} search={search} deploymentId={deploymentId} />
      {toolbar}
      <VirtualTable
        label={KIND_LABELS[kind]}
        data={rows}
        columns={withActions}
        getRowId={(n) => n.id}
        sort={parsed && sortSpec ? parsed : undefined}
        onSortChange={onSort}
        empty={`No ${KIND_LABELS[kind].toLowerCase()} in this deployment yet.`}
        maxHeight="calc(100vh - 320px)"
      />
    </div>
  )
}
