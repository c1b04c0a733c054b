import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { StatusBadge } from '../../../components/StatusBadge.tsx'
import { ErrorState, Skeleton } from '../../../components/States.tsx'
import { VirtualTable, type ColumnDef } from '../../../components/VirtualTable.tsx'
import type { K8sObject } from '../../../contracts/k8s.ts'
import { k8sListQueryOptions } from '../../../entities/k8s/k8sQueries.ts'
import { sortRows } from '../cloudColumns.ts'
import { KIND_LABELS, type K8sKind } from '../cloudKinds.ts'
import type { CloudSearch } from '../../../entities/topology/cloudSearch.ts'
import { cloudSort } from '../../../entities/topology/cloudSort.ts'
import { K8S_COLUMNS, K8S_KIND_RESOURCES, filterByRegion, k8sRowId } from '../k8sColumns.ts'
import type { TopologyGraph } from '../toTopologyGraph.ts'
import styles from './CloudList.module.css'
import { KindTabs } from './KindTabs.tsx'

/**
 * `?view=list&kind=services|ingresses|dns-zones|storage-classes`: objects from the clusters (the k8s list
 * endpoint), sortable by any column (`?sort=`), narrowed to one region (`?region=`). Loading, error + Retry,
 * and an empty message of their own: these lists do not come from the topology.
 */
export function K8sKindList({
  graph,
  kind,
  search,
  deploymentId,
  onSort,
  onRegion,
}: {
  graph: TopologyGraph
  kind: K8sKind
  search: CloudSearch
  deploymentId: string
  onSort: (column: string) => void
  onRegion: (region: string | undefined) => void
}) {
  const query = useQuery(k8sListQueryOptions(deploymentId, K8S_KIND_RESOURCES[kind]))
  const specs = K8S_COLUMNS[kind]
  const columns = useMemo<ColumnDef<K8sObject, unknown>[]>(
    () =>
      specs.map((spec) => ({
        id: spec.id,
        header: spec.header,
        meta: { width: spec.width, align: spec.align },
        cell: ({ row }) =>
          spec.id === 'status' ? (
            <StatusBadge status={row.original.status} size="sm" />
          ) : (
            spec.value(row.original)
          ),
      })),
    [specs],
  )
  const parsed = cloudSort(search)
  const sortSpec = specs.find((c) => c.id === parsed?.id)
  const regions = graph.nodes.filter((n) => n.type === 'Region').map((n) => n.name)
  const region = search.region && regions.includes(search.region) ? search.region : undefined
  const rows = useMemo(
    () => sortRows(filterByRegion(query.data ?? [], region), sortSpec?.value, !!parsed?.desc),
    [query.data, region, sortSpec, parsed?.desc],
  )
  const label = KIND_LABELS[kind]

  let body
  if (query.isPending) body = <Skeleton rows={6} label={`Loading ${label.toLowerCase()}…`} />
  else if (query.isError)
    body = (
      <ErrorState
        title={`The ${label.toLowerCase()} could not be loaded`}
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    )
  else
    body = (
      <VirtualTable
        label={label}
        data={rows}
        columns={columns}
        getRowId={k8sRowId}
        sort={parsed && sortSpec ? parsed : undefined}
        onSortChange={onSort}
        empty={
          region
            ? `No ${label.toLowerCase()} in ${region}.`
            : `No ${label.toLowerCase()} in this deployment's clusters yet.`
        }
        maxHeight="calc(100vh - 360px)"
      />
    )
  return (
    <div className={styles.wrap}>
      <KindTabs graph={graph} kind={kind} search={search} deploymentId={deploymentId} />
      <div className={styles.filters}>
        <label>
          Region
          <select
            className="input"
            value={region ?? ''}
            onChange={(e) => onRegion(e.target.value || undefined)}
          >
            <option value="">All regions</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      {body}
    </div>
  )
}
