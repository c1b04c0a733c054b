import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useEffect, useMemo, useRef, useState } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { EmptyState, ErrorState, Skeleton } from '../../components/States.tsx'
import { statusLabel } from '../../components/StatusBadge.tsx'
import type { Infrastructure } from '../../contracts/topology.ts'
import { filterGraph } from '../../graph/graphFilter.ts'
import { deploymentQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { applyInfraChanges } from '../../entities/topology/infraChanges.ts'
import { topologyQueryOptions } from '../../entities/topology/topologyQueries.ts'
import { useInfraChanges } from '../../entities/topology/useInfraChanges.ts'
import { useDeploymentId } from '../../lib/deploymentScope.ts'
import { useLinks } from '../../lib/modeContext.tsx'
import {
  KIND_LABELS,
  formatHidden,
  isGraphKind,
  parseHidden,
  resolveKind,
  type NodeType,
} from './cloudKinds.ts'
import { cloudSearch, type CloudSearch } from '../../entities/topology/cloudSearch.ts'
import { nextCloudSort } from '../../entities/topology/cloudSort.ts'
import { CloudActions, CloudChanges } from './components/CloudActions.tsx'
import { CloudList } from './components/CloudList.tsx'
import { DetailsPanel } from './components/DetailsPanel.tsx'
import { GraphControls } from './components/GraphControls.tsx'
import { K8sKindList } from './components/K8sKindList.tsx'
import { TopologyGraph } from './components/TopologyGraph.tsx'
import { TypeChips } from './components/TypeChips.tsx'
import { DEFAULT_DENSITY, graphDensity } from './graphDensity.ts'
import { graphFocus, restrictShown } from './graphFocus.ts'
import { EDGE_LABELS, toTopologyGraph, type EdgeKind, type TopoNode } from './toTopologyGraph.ts'
import styles from './CloudScreen.module.css'
import { usePageSearch } from '../../lib/routeSearch.ts'

const SEARCH_DEBOUNCE_MS = 250

function hasResources(infra: Infrastructure): boolean {
  const s = infra.storage
  return (
    infra.topology.regions.some((r) => r.clusters.length > 0 || r.networks.length > 0) ||
    s.pvcs.length + s.volumes.length + s.buckets.length > 0
  )
}

// Module-level, so the list's actions column keeps one identity across renders.
const rowActions = (n: TopoNode) => <CloudActions row={n} />

/**
 * `/cloud` and `/provision/$id/cloud`: the deployment's infrastructure from one topology fetch, as an
 * architecture graph (`?view=graph`) or per-kind tables (`?view=list&kind=`). Both views read the same
 * graph model, so their counts agree. Never a bundled fixture: loading, error + retry, or "Provisioning…".
 */
export function CloudScreen() {
  const deploymentId = useDeploymentId()
  const links = useLinks()
  const navigate = useNavigate()
  const search = usePageSearch(cloudSearch)
  const query = useQuery({
    ...topologyQueryOptions(deploymentId),
    // While tofu has created nothing yet, look again soon; afterwards the estate changes rarely.
    refetchInterval: (q) => (q.state.data && hasResources(q.state.data) ? 60_000 : 10_000),
  })
  const deployment = useQuery(deploymentQueryOptions(deploymentId))

  const kind = resolveKind(search.kind)
  const view = search.view ?? (search.kind ? 'list' : 'graph')
  const href = (next: CloudSearch) => links.to({ page: 'cloud', deploymentId, search: next })
  const go = (next: CloudSearch, replace = false) => void navigate({ href: href(next), replace })

  // An alias (`?kind=loadbalancers`) is shown as its canonical kind at once, and the URL is rewritten in
  // one replace navigation; the canonical kind resolves to itself, so this cannot loop (regression 46).
  const aliasHref = kind.status === 'alias' ? href({ ...search, kind: kind.kind }) : undefined
  useEffect(() => {
    if (aliasHref) void navigate({ href: aliasHref, replace: true })
  }, [aliasHref, navigate])

  // Day-2 changes in flight or accepted are laid over the reported topology (refused ones roll back).
  const changes = useInfraChanges(deploymentId)
  const overlay = useMemo(
    () => (query.data ? applyInfraChanges(query.data, changes.records) : undefined),
    [query.data, changes.records],
  )
  const graph = useMemo(() => (overlay ? toTopologyGraph(overlay.infra) : undefined), [overlay])
  const hidden = useMemo(() => parseHidden(search.hide), [search.hide])
  const filterNodes = useMemo(
    () => graph?.nodes.map((n) => ({ id: n.id, kind: n.type, parent: n.parent, search: n.search })) ?? [],
    [graph],
  )
  const filtered = useMemo(
    () => filterGraph(filterNodes, graph?.edges ?? [], { hiddenKinds: hidden, query: search.q }),
    [filterNodes, graph, hidden, search.q],
  )
  const selectedNode = search.selected ? graph?.byId.get(search.selected) : undefined
  // Focus narrows what the filters left; density then thins the many-of-a-kind types of that.
  const density = search.density ?? DEFAULT_DENSITY
  const focusSet = useMemo(
    () => (graph ? graphFocus(graph.nodes, graph.edges, search.focus) : undefined),
    [graph, search.focus],
  )
  const dense = useMemo(() => {
    const focusedShown = focusSet ? restrictShown(filtered.shown, focusSet) : filtered.shown
    const thin = graphDensity(
      [...focusedShown].map(([id, parent]) => {
        const n = graph!.byId.get(id)!
        return { id, type: n.type, parent, failed: n.status === 'failed' }
      }),
      density,
    )
    return { shown: restrictShown(focusedShown, thin.kept), aggregates: thin.aggregates }
  }, [graph, filtered.shown, focusSet, density])
  const focusName = focusSet ? graph?.byId.get(search.focus!)?.name : undefined

  const viewSwitch = (
    <nav aria-label="View" className={styles.views}>
      {(['graph', 'list'] as const).map((v) => (
        <AppLink
          key={v}
          className={styles.viewLink}
          aria-current={view === v ? 'page' : undefined}
          to={{ page: 'cloud', deploymentId, search: { ...search, view: v } }}
        >
          {v === 'graph' ? 'Graph' : 'List'}
        </AppLink>
      ))}
    </nav>
  )

  let body
  if (query.isPending) body = <Skeleton rows={8} label="Loading the infrastructure…" />
  else if (query.isError && !graph)
    body = (
      <ErrorState
        title="The infrastructure could not be loaded"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    )
  else if (!graph || !graph.created)
    body = (
      <NothingCreated
        status={deployment.data?.status}
        fqdn={deployment.data?.sovereignFQDN}
        regions={graph?.nodes.filter((n) => n.type === 'Region').map((n) => n.name) ?? []}
        deploymentId={deploymentId}
      />
    )
  else if (view === 'list')
    body = (
      <>
        {kind.status === 'unknown' ? (
          <p className={styles.notice} role="status">
            There is no “{kind.raw}” list here; showing {KIND_LABELS[kind.kind]}.
          </p>
        ) : null}
        <CloudChanges
          deploymentId={deploymentId}
          infra={query.data!}
          marks={overlay!.marks}
          changes={changes}
        >
          {isGraphKind(kind.kind) ? (
            <CloudList
              graph={graph}
              kind={kind.kind}
              search={search}
              deploymentId={deploymentId}
              onSort={(column) => go({ ...search, ...nextCloudSort(search, column) }, true)}
              toolbar={<CloudActions list={kind.kind} />}
              rowActions={rowActions}
            />
          ) : (
            <K8sKindList
              graph={graph}
              kind={kind.kind}
              search={search}
              deploymentId={deploymentId}
              onSort={(column) => go({ ...search, ...nextCloudSort(search, column) }, true)}
              onRegion={(region) => go({ ...search, region }, true)}
            />
          )}
        </CloudChanges>
      </>
    )
  else
    body = (
      <div className={styles.graphView}>
        <div className={styles.toolbar}>
          <SearchBox value={search.q ?? ''} onCommit={(q) => go({ ...search, q: q || undefined }, true)} />
          <p className={styles.matchCount} role="status">
            {filtered.searching
              ? filtered.matches.size
                ? `${filtered.matches.size} ${filtered.matches.size === 1 ? 'match' : 'matches'} + ${filtered.neighbours.size} ${filtered.neighbours.size === 1 ? 'neighbour' : 'neighbours'}`
                : `Nothing matches “${search.q}”`
              : ''}
          </p>
        </div>
        <TypeChips
          counts={graph.counts}
          shownByKind={filtered.shownByKind}
          hidden={hidden}
          onToggle={(t: NodeType) => {
            const next = new Set(hidden)
            if (next.has(t)) next.delete(t)
            else next.add(t)
            go({ ...search, hide: formatHidden(next) }, true)
          }}
        />
        <GraphControls
          density={density}
          onDensity={(d) => go({ ...search, density: d === DEFAULT_DENSITY ? undefined : d }, true)}
          focusName={focusName}
          onClearFocus={() => go({ ...search, focus: undefined }, true)}
          shown={dense.shown.size}
          total={graph.nodes.length}
        />
        <div className={`${styles.canvasRow} ${selectedNode ? styles.withPanel : ''}`}>
          <TopologyGraph
            shown={dense.shown}
            aggregates={dense.aggregates}
            byId={graph.byId}
            edges={graph.edges}
            matches={filtered.matches}
            selected={selectedNode?.id}
            onSelect={(id) => go({ ...search, selected: id })}
            focused={focusSet ? search.focus : undefined}
            onFocus={(id) => go({ ...search, focus: id }, true)}
            onShowAll={() => go({ ...search, density: undefined }, true)}
          />
          {selectedNode ? (
            <DetailsPanel
              node={selectedNode}
              nodes={graph.nodes}
              byId={graph.byId}
              edges={graph.edges}
              deploymentId={deploymentId}
              onSelect={(id) => go({ ...search, selected: id })}
            />
          ) : null}
        </div>
        <EdgeLegend edges={graph.edges} />
      </div>
    )

  const counts = graph?.counts
  return (
    <>
      <PageHeader
        title="Cloud"
        description={
          counts && graph?.created
            ? `${counts.Region} ${counts.Region === 1 ? 'region' : 'regions'} · ${counts.Cluster} ${
                counts.Cluster === 1 ? 'cluster' : 'clusters'
              } · ${counts.LoadBalancer} load ${counts.LoadBalancer === 1 ? 'balancer' : 'balancers'} · topology ${
                query.data?.topology.pattern ?? 'unknown'
              }`
            : 'Infrastructure per region.'
        }
        actions={viewSwitch}
      />
      {graph && graph.diagnostics.length ? (
        <details className={styles.diagnostics}>
          <summary>
            {graph.diagnostics.length} data {graph.diagnostics.length === 1 ? 'warning' : 'warnings'} in the
            topology
          </summary>
          <ul>
            {graph.diagnostics.slice(0, 50).map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {body}
    </>
  )
}

/** The graph search: typed text is committed to the URL after a short pause. */
function SearchBox({ value, onCommit }: { value: string; onCommit: (q: string) => void }) {
  const [draft, setDraft] = useState(value)
  const [seen, setSeen] = useState(value)
  // The URL changed from elsewhere (back button, a link): show that instead of the stale draft.
  if (value !== seen) {
    setSeen(value)
    setDraft(value)
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const commit = (q: string, delay: number) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => onCommit(q.trim()), delay)
  }
  return (
    <div className={styles.search}>
      <input
        className="input"
        type="search"
        aria-label="Search resources"
        placeholder="Search by name, IP, region, role…"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value)
          commit(e.target.value, SEARCH_DEBOUNCE_MS)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(draft, 0)
        }}
      />
    </div>
  )
}

function EdgeLegend({ edges }: { edges: readonly { kind: EdgeKind }[] }) {
  const counts = new Map<EdgeKind, number>()
  for (const e of edges) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1)
  if (counts.size === 0) return null
  return (
    <ul className={styles.legend} aria-label="Relations">
      <li className={styles.legendItem}>
        <span className={styles.legendNest} aria-hidden="true" /> contains (nesting)
      </li>
      {[...counts].map(([kind, n]) => (
        <li key={kind} className={styles.legendItem}>
          <svg width="28" height="8" aria-hidden="true" className={styles[`line-${kind}`]}>
            <line x1="0" y1="4" x2="28" y2="4" />
          </svg>
          {EDGE_LABELS[kind]} ({n})
          {kind === 'attached-to' || kind === 'bound-to' ? ', for the selected resource' : ''}
        </li>
      ))}
    </ul>
  )
}

function NothingCreated({
  status,
  fqdn,
  regions,
  deploymentId,
}: {
  status: string | undefined
  fqdn: string | undefined
  regions: string[]
  deploymentId: string
}) {
  const who = fqdn || 'this deployment'
  const failed = status === 'failed' || status === 'partial-failure'
  const title = failed ? 'No infrastructure was created' : status === 'wiped' ? 'Wiped' : 'Provisioning…'
  const text = failed ? (
    `The deployment of ${who} failed (${statusLabel(status!)}) before OpenTofu created any resources.`
  ) : status === 'wiped' ? (
    `The infrastructure of ${who} was destroyed.`
  ) : (
    <>
      OpenTofu has not created any infrastructure for {who} yet
      {status ? ` (${statusLabel(status)})` : ''}. Regions, clusters and load balancers appear here as soon as{' '}
      <code>tofu apply</code> creates them.
    </>
  )
  return (
    <EmptyState
      title={title}
      action={
        <AppLink className="btn" to={{ page: 'jobs', deploymentId }}>
          Open the jobs
        </AppLink>
      }
    >
      <p className={styles.emptyText}>{text}</p>
      {regions.length ? (
        <p className={styles.emptyText}>
          Declared {regions.length === 1 ? 'region' : 'regions'}: {regions.join(', ')}
        </p>
      ) : null}
    </EmptyState>
  )
}
