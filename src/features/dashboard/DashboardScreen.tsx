import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useCallback, useMemo } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { EmptyState, ErrorState, Skeleton } from '../../components/States.tsx'
import { statusLabel } from '../../components/StatusBadge.tsx'
import { blueprintId } from '../../contracts/apps.ts'
import { isInFlightStatus } from '../../contracts/deployments.ts'
import type { TreemapCell } from '../../graph/treemapLayout.ts'
import { deploymentQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { useDeploymentId } from '../../lib/deploymentScope.ts'
import { isApiError } from '../../lib/http.ts'
import { useLinks } from '../../lib/modeContext.tsx'
import { treemapQueryOptions } from '../../entities/treemap/treemapQueries.ts'
import { TreemapControls, type ControlsChange } from './components/TreemapControls.tsx'
import { TreemapLegend } from './components/TreemapLegend.tsx'
import { TreemapView, type CellAction } from './components/TreemapView.tsx'
import { usePalette } from './components/usePalette.ts'
import { DIMENSION_LABELS, SIZE_LABELS, cellDimension, formatCount, resolveDrill } from './treemapModel.ts'
import { treemapSearch, type TreemapSearchParams } from '../../entities/treemap/treemapSearch.ts'
import {
  controlsToSearch,
  decodeDrill,
  encodeDrill,
  parseLayers,
  readControls,
  type LayerDimension,
} from '../../entities/treemap/treemapControls.ts'
import styles from './DashboardScreen.module.css'
import { usePageSearch } from '../../lib/routeSearch.ts'

/**
 * `/dashboard` (Sovereign) and `/provision/$id/dashboard` (mothership): where the workloads are. A
 * squarified treemap of pods pivoted by up to four dimensions, sized by one of eight metrics and coloured
 * by utilisation, health or age. Every control and the drill path are search params.
 */
export function DashboardScreen() {
  const deploymentId = useDeploymentId()
  const links = useLinks()
  const navigate = useNavigate()
  const search = usePageSearch(treemapSearch)
  const controls = useMemo(
    () =>
      readControls({ layers: search.layers, size: search.size, color: search.color, drill: search.drill }),
    [search.layers, search.size, search.color, search.drill],
  )
  const palette = usePalette()
  const query = useQuery(
    treemapQueryOptions({
      deploymentId,
      sendDeploymentId: links.mode === 'mothership',
      layers: controls.layers,
      size: controls.size,
      color: controls.color,
    }),
  )
  const deployment = useQuery(deploymentQueryOptions(deploymentId))

  const go = useCallback(
    (next: TreemapSearchParams) => {
      void navigate({ href: links.to({ page: 'dashboard', deploymentId, search: next }) })
    },
    [navigate, links, deploymentId],
  )
  const onControls = (c: ControlsChange) => go(controlsToSearch(c)) // any control change resets the drill path

  const data = query.data
  // A kept previous answer (new pivot loading) is drawn with the pivot it answers, undrilled.
  const current =
    !!data &&
    data.query.layers.join(',') === controls.layers.join(',') &&
    data.query.size === controls.size &&
    data.query.color === controls.color
  const layersKey = (data?.query.layers ?? controls.layers).join(',')
  const shownLayers = useMemo(() => parseLayers(layersKey), [layersKey])
  const shownSize = data?.query.size ?? controls.size
  const shownColor = data?.query.color ?? controls.color
  // Keyed by the encoded path, so an unchanged drill keeps its identity (and the layout its memo).
  const drillKey = current ? encodeDrill(controls.drill) : ''
  const drill = useMemo(
    () => resolveDrill(data?.items ?? [], decodeDrill(drillKey), shownLayers),
    [data, drillKey, shownLayers],
  )
  const drillDepth = drill.path.length

  const drillTo = useCallback(
    (path: readonly string[]) => go(controlsToSearch({ ...controls, drill: path })),
    [go, controls],
  )
  const drillOut = drillDepth > 0 ? () => drillTo(drill.path.slice(0, -1)) : undefined

  const actionFor = useCallback(
    (cell: TreemapCell): CellAction => {
      if (!cell.leaf) return { kind: 'drill' }
      if (cellDimension(shownLayers, drillDepth, cell.depth) === 'application')
        return {
          kind: 'link',
          to: { page: 'app', deploymentId, componentId: blueprintId(cell.path[cell.path.length - 1]!) },
          hint: 'Click to open the application',
        }
      return { kind: 'details' }
    },
    [shownLayers, drillDepth, deploymentId],
  )
  const describe = useCallback(
    (cell: TreemapCell) => {
      const dim = cellDimension(shownLayers, drillDepth, cell.depth)
      const trail = [...drill.trail.map((t) => t.name)]
      return [dim ? DIMENSION_LABELS[dim] : '', trail.join(' / ')].filter(Boolean).join(' · ')
    },
    [shownLayers, drillDepth, drill.trail],
  )

  const total = data?.total_count ?? 0
  const sizeTotal = drill.items.reduce((s, i) => s + (i.size_value ?? 0), 0)
  const by = shownLayers.map((l) => DIMENSION_LABELS[l]).join(' › ')

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          data && total > 0 ? (
            <>
              {formatCount(total)} grouped by {by}
              {query.isFetching ? <span className={styles.updatingNote}> · updating…</span> : null}
            </>
          ) : (
            'Where the workloads are, and how healthy they are.'
          )
        }
      />
      <TreemapControls controls={controls} onChange={onControls} />
      {query.isPending ? (
        <Skeleton rows={8} label="Loading the treemap…" />
      ) : query.isError && !data ? (
        <TreemapError error={query.error} onRetry={() => void query.refetch()} deploymentId={deploymentId} />
      ) : !data || data.items.length === 0 ? (
        <EmptyState
          title="No workloads yet"
          action={
            <AppLink className="btn" to={{ page: 'jobs', deploymentId }}>
              Watch the install jobs
            </AppLink>
          }
        >
          <p className={styles.emptyText}>
            {emptyReason(deployment.data?.status, deployment.data?.sovereignFQDN)}
          </p>
        </EmptyState>
      ) : (
        <>
          <div className={styles.above}>
            <Breadcrumb
              trail={drill.trail}
              deploymentId={deploymentId}
              base={controlsToSearch({ layers: shownLayers, size: shownSize, color: shownColor })}
            />
            <TreemapLegend color={shownColor} palette={palette} />
          </div>
          {drill.missing ? (
            <p className={styles.notice} role="status">
              Part of the drill path in this link no longer exists; showing the deepest level that does.
            </p>
          ) : null}
          {sizeTotal <= 0 ? (
            <EmptyState title={`Nothing to size by ${SIZE_LABELS[shownSize]}`}>
              <p className={styles.emptyText}>
                {shownSize.endsWith('usage')
                  ? 'No pod here reports usage yet — metrics-server data arrives about two minutes after a pod starts. '
                  : 'Every pod here has a zero value for this metric. '}
                Choose another size, for example CPU request.
              </p>
            </EmptyState>
          ) : (
            <TreemapView
              hook="Treemap"
              label={`Treemap: ${formatCount(total)} by ${by}`}
              items={drill.items}
              basePath={drill.path}
              size={shownSize}
              color={shownColor}
              palette={palette}
              actionFor={actionFor}
              onDrill={drillTo}
              onDrillOut={drillOut}
              describe={describe}
              updating={query.isPlaceholderData}
              footnote={({ zeroCount, tooSmallCount }) =>
                zeroCount + tooSmallCount > 0 ? (
                  <p className={styles.footnote}>
                    {zeroCount > 0
                      ? `${zeroCount} ${zeroCount === 1 ? 'cell has' : 'cells have'} no ${SIZE_LABELS[shownSize].toLowerCase()} and ${zeroCount === 1 ? 'is' : 'are'} not drawn. `
                      : ''}
                    {tooSmallCount > 0
                      ? `${tooSmallCount} ${tooSmallCount === 1 ? 'cell is' : 'cells are'} too small to draw here — drill in to see ${tooSmallCount === 1 ? 'it' : 'them'}.`
                      : ''}
                  </p>
                ) : null
              }
            />
          )}
        </>
      )}
    </>
  )
}

function emptyReason(status: string | undefined, fqdn: string | undefined): string {
  const who = fqdn || 'This Sovereign'
  if (!status) return 'The inventory of this Sovereign has no pods yet.'
  if (status === 'failed' || status === 'partial-failure')
    return `${who} failed (${statusLabel(status)}) before any workload started, so there is nothing to show.`
  if (status === 'wiped') return `${who} was wiped; it runs no workloads any more.`
  if (isInFlightStatus(status))
    return `${who} is still being provisioned (${statusLabel(status)}). Pods appear here as soon as the bootstrap kit starts installing.`
  return `The inventory cache of ${who} has no pods yet; it fills once the clusters report their workloads.`
}

function TreemapError({
  error,
  onRetry,
  deploymentId,
}: {
  error: unknown
  onRetry: () => void
  deploymentId: string
}) {
  const invalid = isApiError(error) && error.status === 400
  return (
    <>
      <ErrorState
        title={invalid ? 'The dashboard cannot group pods this way' : 'The treemap could not be loaded'}
        error={error}
        onRetry={invalid ? undefined : onRetry}
      />
      {invalid ? (
        <p className={styles.reset}>
          <AppLink className="btn" to={{ page: 'dashboard', deploymentId }}>
            Reset the controls
          </AppLink>
        </p>
      ) : null}
    </>
  )
}

function Breadcrumb({
  trail,
  deploymentId,
  base,
}: {
  trail: { id: string; name: string; dimension: LayerDimension | undefined }[]
  deploymentId: string
  base: TreemapSearchParams
}) {
  if (trail.length === 0) return <div />
  return (
    <nav aria-label="Drill path" className={styles.breadcrumb}>
      <ol>
        <li>
          <AppLink to={{ page: 'dashboard', deploymentId, search: { ...base, drill: undefined } }}>
            All
          </AppLink>
        </li>
        {trail.map((step, i) => {
          const last = i === trail.length - 1
          const path = trail.slice(0, i + 1).map((t) => t.id)
          return (
            <li key={path.join('\u001f')}>
              {last ? (
                <span aria-current="page">{step.name}</span>
              ) : (
                <AppLink
                  to={{
                    page: 'dashboard',
                    deploymentId,
                    search: controlsToSearchWithDrill(base, path),
                  }}
                >
                  {step.name}
                </AppLink>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}

function controlsToSearchWithDrill(base: TreemapSearchParams, path: string[]): TreemapSearchParams {
  const c = readControls(base)
  return controlsToSearch({ ...c, drill: path })
}
