import { useQueries } from '@tanstack/react-query'
import { AppLink } from '../../../components/AppLink.tsx'
import { k8sListQueryOptions } from '../../../entities/k8s/k8sQueries.ts'
import { ALL_KINDS, K8S_KINDS, KIND_LABELS, KIND_TYPE, isGraphKind, type AnyKind } from '../cloudKinds.ts'
import type { CloudSearch } from '../../../entities/topology/cloudSearch.ts'
import { K8S_KIND_RESOURCES } from '../k8sColumns.ts'
import type { TopologyGraph } from '../toTopologyGraph.ts'
import styles from './CloudList.module.css'

/**
 * The list kinds as tabs with counts: graph kinds count the graph's nodes (the chips' totals), k8s kinds
 * the rows of their list (the same cached query the table reads; no count until it arrived).
 */
export function KindTabs({
  graph,
  kind,
  search,
  deploymentId,
}: {
  graph: TopologyGraph
  kind: AnyKind
  search: CloudSearch
  deploymentId: string
}) {
  const k8s = useQueries({
    queries: K8S_KINDS.map((k) => k8sListQueryOptions(deploymentId, K8S_KIND_RESOURCES[k])),
  })
  const count = (k: AnyKind): number | undefined =>
    isGraphKind(k) ? graph.counts[KIND_TYPE[k]] : k8s[K8S_KINDS.indexOf(k)]?.data?.length
  return (
    <nav aria-label="Resource kinds" className={styles.tabs}>
      <ul>
        {ALL_KINDS.map((k) => {
          const n = count(k)
          return (
            <li key={k}>
              <AppLink
                className={styles.tab}
                aria-current={k === kind ? 'page' : undefined}
                to={{
                  page: 'cloud',
                  deploymentId,
                  search: { ...search, view: 'list', kind: k, sort: undefined, selected: undefined },
                }}
              >
                {KIND_LABELS[k]} {n === undefined ? null : <span className={styles.count}>{n}</span>}
              </AppLink>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
