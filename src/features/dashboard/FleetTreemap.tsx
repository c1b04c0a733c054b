import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { EmptyState, ErrorState, Skeleton } from '../../components/States.tsx'
import { fleetTreemapQueryOptions } from '../../entities/treemap/treemapQueries.ts'
import { TreemapLegend } from './components/TreemapLegend.tsx'
import { TreemapView, type CellAction } from './components/TreemapView.tsx'
import { usePalette } from './components/usePalette.ts'
import { formatCount } from './treemapModel.ts'
import styles from './FleetTreemap.module.css'

const NO_PATH: string[] = []
const noop = () => {}

/**
 * The mothership fleet view's treemap: one cell per Sovereign (`GET /fleet/treemap`), sized by CPU
 * requests and coloured by pod health; each cell opens that deployment. Sovereigns without workloads
 * keep a small cell (grey: no data) so every member of the fleet is visible and reachable.
 */
export function FleetTreemap() {
  const query = useQuery(fleetTreemapQueryOptions())
  const palette = usePalette()
  const actionFor = useCallback(
    (cell: { path: readonly string[] }): CellAction => ({
      kind: 'link',
      to: { page: 'overview', deploymentId: cell.path[cell.path.length - 1]! },
      hint: 'Click to open this deployment',
    }),
    [],
  )
  const describe = useCallback(() => 'Sovereign', [])
  const items = query.data?.items ?? []
  return (
    <section className={styles.section} aria-labelledby="fleet-treemap-heading">
      <div className={styles.head}>
        <h2 id="fleet-treemap-heading">Workloads by Sovereign</h2>
        {query.data ? (
          <span className={styles.muted}>
            {formatCount(query.data.total_count)} across {items.length}{' '}
            {items.length === 1 ? 'Sovereign' : 'Sovereigns'} · area = CPU requests
          </span>
        ) : null}
      </div>
      {query.isPending ? (
        <Skeleton rows={4} label="Loading the fleet treemap…" />
      ) : query.isError && !query.data ? (
        <ErrorState
          title="The fleet treemap could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title="No Sovereigns yet">
          Deployments you create appear here, sized by the CPU their workloads request.
        </EmptyState>
      ) : (
        <>
          <TreemapLegend color="health" palette={palette} />
          <TreemapView
            hook="FleetTreemap"
            label={`Fleet treemap: ${items.length} Sovereigns`}
            items={items}
            basePath={NO_PATH}
            size="cpu_request"
            color="health"
            palette={palette}
            actionFor={actionFor}
            onDrill={noop}
            describe={describe}
            minLeafShare={0.02}
            height="360px"
          />
        </>
      )}
    </section>
  )
}
