import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useMemo, useState } from 'react'
import { AppLink } from '../../../components/AppLink.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { PermissionNote } from '../../../components/PermissionNote.tsx'
import { RelativeTime } from '../../../components/RelativeTime.tsx'
import { EmptyState, ErrorState, Skeleton } from '../../../components/States.tsx'
import { StatusBadge, statusLabel } from '../../../components/StatusBadge.tsx'
import { VirtualTable, type ColumnDef } from '../../../components/VirtualTable.tsx'
import type { DeploymentSummary } from '../../../contracts/deployments.ts'
import { deploymentsQueryOptions } from '../../../entities/deployment/deploymentQueries.ts'
import { useCan } from '../../../entities/session/permissions.ts'
import type { DeleteTarget } from '../delete/DeleteDeploymentDialog.tsx'
import { listDeleteOffer } from '../delete/deleteRules.ts'
import { CompareButton, compareSelectColumn, useCompareSelection } from './CompareSelection.tsx'
import { deploymentsSearch, type DeploymentsSearch } from '../../../entities/deployment/deploymentsSearch.ts'
import { filterDeployments, statusOptions } from './filterDeployments.ts'
import { hiddenAfterWipe } from './recentlyWiped.ts'
import {
  DEFAULT_SORT,
  nextSort,
  regionsOf,
  sortDeployments,
  sortFromSearch,
  type DeploymentSortKey,
} from './sortDeployments.ts'
import { useQueryCacheProbe } from '../useQueryCacheProbe.ts'
import { useIdle } from '../../../lib/useIdle.ts'
import { usePageSearch, useSearchPatch } from '../../../lib/routeSearch.ts'
import { useUrlText } from '../../../lib/useUrlText.ts'
import styles from './DeploymentsScreen.module.css'

const fqdnOf = (d: DeploymentSummary) => d.sovereignFQDN || d.id

// The delete dialog (Radix Dialog, the wipe preview) is not needed to show the list: it loads when the
// browser is idle after the first paint, or at once when a Delete button is pressed before that.
const DeleteDeploymentDialog = lazy(() =>
  import('../delete/DeleteDeploymentDialog.tsx').then((m) => ({ default: m.DeleteDeploymentDialog })),
)

/** `/deployments`: every deployment, sortable and filterable (state in the URL), with the delete flow. */
export function DeploymentsScreen() {
  useQueryCacheProbe()
  const search: DeploymentsSearch = usePageSearch(deploymentsSearch)
  const setSearch = useSearchPatch<DeploymentsSearch>()
  const query = useQuery(deploymentsQueryOptions())
  const mayLaunch = useCan('deployment.launch')
  // The primitives, not the object (a new one each render), so the columns are not rebuilt on every render.
  const { allowed: mayDelete, reason: deleteRefused } = useCan('deployment.delete')
  const [target, setTarget] = useState<DeleteTarget | undefined>()
  const idle = useIdle()

  const sort = sortFromSearch(search)
  // Free text: typed into local state (instant), written to the URL shortly after (shareable, survives
  // reload). A URL change from elsewhere (back, a link) wins over the local value.
  const writeQ = useCallback((q: string | undefined) => setSearch({ q }), [setSearch])
  const [q, setQ] = useUrlText(search.q, writeQ)

  const all = useMemo(() => (query.data ?? []).filter((r) => !hiddenAfterWipe(r)), [query.data])
  const { key: sortKey, dir: sortDir } = sort
  // Sort once, then filter the sorted list (filtering keeps order): a keystroke costs one pass over the
  // rows, not a re-sort of 10,000.
  const sorted = useMemo(
    () => sortDeployments(all, { key: sortKey, dir: sortDir }, statusLabel),
    [all, sortKey, sortDir],
  )
  const rows = useMemo(
    () => filterDeployments(sorted, { q, status: search.status }, statusLabel),
    [sorted, q, search.status],
  )
  const filtering = !!q.trim() || !!search.status
  const statuses = useMemo(() => statusOptions(all, search.status), [all, search.status])
  const selection = useCompareSelection(all)

  const columns = useMemo<ColumnDef<DeploymentSummary, unknown>[]>(
    () => [
      compareSelectColumn(selection, fqdnOf),
      {
        id: 'fqdn',
        header: 'FQDN',
        meta: { width: '19%' },
        cell: ({ row }) => (
          <AppLink
            to={{ page: 'overview', deploymentId: row.original.id }}
            className={styles.fqdn}
            title={row.original.id}
          >
            {fqdnOf(row.original)}
          </AppLink>
        ),
      },
      {
        id: 'status',
        header: 'Status',
        meta: { width: '14%' },
        cell: ({ row }) => (
          <span className={styles.statusCell}>
            <StatusBadge status={row.original.status} size="sm" />
            {row.original.secondaryDegraded ? (
              <span className={styles.degraded} title="A secondary region is degraded">
                secondary degraded
              </span>
            ) : null}
          </span>
        ),
      },
      {
        id: 'regions',
        header: 'Regions',
        meta: { width: '16%' },
        cell: ({ row }) => {
          const regions = regionsOf(row.original)
          return regions.length ? (
            <span className={`mono ${styles.regions}`} title={regions.join(', ')}>
              {regions.join(', ')}
            </span>
          ) : (
            <span className="faint">—</span>
          )
        },
      },
      {
        id: 'started',
        header: 'Started',
        meta: { width: '9%' },
        cell: ({ row }) => <RelativeTime value={row.original.startedAt} />,
      },
      {
        id: 'finished',
        header: 'Finished',
        meta: { width: '9%' },
        cell: ({ row }) => <RelativeTime value={row.original.finishedAt} />,
      },
      {
        id: 'owner',
        header: 'Owner',
        meta: { width: '13%' },
        cell: ({ row }) =>
          row.original.ownerEmail ? (
            <span title={row.original.ownerEmail}>{row.original.ownerEmail}</span>
          ) : (
            <span className="faint">—</span>
          ),
      },
      {
        id: 'actions',
        header: 'Actions',
        enableSorting: false,
        meta: { width: '20%' },
        cell: ({ row }) => {
          const d = row.original
          const offer = listDeleteOffer(d.status)
          const reason = !mayDelete ? deleteRefused : offer.offered ? offer.note : offer.reason
          const reasonId = `delete-reason-${d.id}`
          return (
            <span className={styles.actions}>
              <button
                type="button"
                className="btn btn-sm"
                aria-label={`Delete ${fqdnOf(d)}`}
                disabled={!offer.offered || !mayDelete}
                aria-describedby={reason ? reasonId : undefined}
                onClick={() => setTarget({ id: d.id, fqdn: fqdnOf(d), status: d.status })}
              >
                Delete
              </button>
              {reason ? (
                <span
                  id={reasonId}
                  className={styles.reason}
                  title={
                    !mayDelete
                      ? deleteRefused
                      : offer.offered
                        ? 'Record-only delete is refused while installing; a wipe is allowed (forced if younger than 30 minutes).'
                        : `${reason}. Wait for it to finish, or cancel and wipe it from its overview.`
                  }
                >
                  {reason}
                </span>
              ) : null}
            </span>
          )
        },
      },
    ],
    [setTarget, selection, mayDelete, deleteRefused],
  )

  return (
    <>
      <PageHeader
        title="Deployments"
        description="Every Sovereign this mothership provisions."
        actions={
          mayLaunch.allowed ? (
            <AppLink to={{ page: 'wizard' }} className="btn btn-primary">
              + New deployment
            </AppLink>
          ) : null
        }
      />
      <PermissionNote reason={mayLaunch.reason} />
      {query.isPending ? (
        <Skeleton rows={6} label="Loading deployments…" />
      ) : query.isError && !query.data ? (
        <ErrorState
          title="Could not load deployments"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : all.length === 0 ? (
        <EmptyState
          title="No deployments yet"
          action={
            mayLaunch.allowed ? (
              <AppLink to={{ page: 'wizard' }} className="btn btn-primary">
                Start the wizard
              </AppLink>
            ) : null
          }
        >
          Provision your first Sovereign with the new-deployment wizard.
        </EmptyState>
      ) : (
        <div className={styles.page}>
          <div className={styles.toolbar} role="search" aria-label="Filter deployments">
            <input
              type="search"
              className={`input ${styles.search}`}
              aria-label="Filter deployments"
              placeholder="Filter by FQDN, id, owner, region or status"
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <select
              className="select"
              aria-label="Status"
              value={search.status ?? ''}
              onChange={(e) => setSearch({ status: e.target.value || undefined })}
            >
              <option value="">All statuses</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
            {filtering ? (
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                onClick={() => {
                  setQ('')
                  setSearch({ q: undefined, status: undefined })
                }}
              >
                Clear filters
              </button>
            ) : null}
            <CompareButton selection={selection} />
            <span className={styles.count} aria-live="polite">
              {filtering
                ? `Showing ${rows.length} of ${all.length} deployments`
                : `${all.length} deployment${all.length === 1 ? '' : 's'}`}
            </span>
            {query.isError ? (
              <span role="alert" className={styles.stale}>
                Refresh failed — showing the last list.{' '}
                <button type="button" className="btn btn-sm" onClick={() => void query.refetch()}>
                  Retry
                </button>
              </span>
            ) : null}
          </div>
          <VirtualTable
            label="Deployments"
            data={rows}
            columns={columns}
            getRowId={(r) => r.id}
            sort={{ id: sort.key, desc: sort.dir === 'desc' }}
            onSortChange={(id) => {
              const next = nextSort(sort, id as DeploymentSortKey)
              const isDefault = next.key === DEFAULT_SORT.key && next.dir === DEFAULT_SORT.dir
              setSearch({ sort: isDefault ? undefined : next.key, dir: isDefault ? undefined : next.dir })
            }}
            rowHeight={44}
            maxHeight="calc(100vh - 250px)"
            rowProps={(r) => ({ 'data-status': r.status })}
            empty={
              <>
                No deployment matches the filter.{' '}
                <button
                  type="button"
                  className="btn btn-sm"
                  onClick={() => {
                    setQ('')
                    setSearch({ q: undefined, status: undefined })
                  }}
                >
                  Clear filters
                </button>
              </>
            }
          />
        </div>
      )}
      {target || idle ? (
        <Suspense fallback={null}>
          <DeleteDeploymentDialog target={target} onClose={() => setTarget(undefined)} />
        </Suspense>
      ) : null}
    </>
  )
}
