import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { splitHref } from '../../lib/links.ts'
import { useCallback, useId, useMemo } from 'react'
import { DeploymentHandoverPrompt } from '../../components/DeploymentHandoverPrompt.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { EmptyState, ErrorState, Skeleton } from '../../components/States.tsx'
import { catalogQueryOptions } from '../../entities/catalog/catalogQueries.ts'
import { deploymentQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { useDeploymentId } from '../../lib/deploymentScope.ts'
import { errorMessage, isApiError } from '../../lib/http.ts'
import { useLinks, useMode } from '../../lib/modeContext.tsx'
import { useUrlText } from '../../lib/useUrlText.ts'
import {
  APP_STATUSES,
  APP_STATUS_LABELS,
  buildAppCards,
  filterAppCards,
  parseStatusFilter,
  summariseApps,
  type AppsSummary,
} from './appModel.ts'
import { useComponentMonitoringNotice } from './componentMonitoring.ts'
import { appsSearch, type AppsSearch } from '../../entities/catalog/appsSearch.ts'
import { sovereignAppsQueryOptions } from '../../entities/catalog/sovereignAppsQueries.ts'
import { AppCard } from './components/AppCard.tsx'
import styles from './AppsScreen.module.css'
import { usePageSearch } from '../../lib/routeSearch.ts'

function statusOptionLabel(status: string, summary: AppsSummary): string {
  if (status === '') return `On this deployment (${summary.onDeployment})`
  if (status === 'all') return `Whole catalog (${summary.catalog})`
  const s = parseStatusFilter(status)
  return s && s !== 'all' ? `${APP_STATUS_LABELS[s]} (${summary.byStatus[s]})` : status
}

/**
 * `/apps`: every blueprint of the catalog with its status on this deployment, where it runs (per region),
 * filterable by status and family and searchable — all of it in the URL (`?q=&family=&status=`).
 */
export function AppsScreen() {
  const deploymentId = useDeploymentId()
  const mode = useMode()
  const links = useLinks()
  const navigate = useNavigate()
  const search = usePageSearch(appsSearch)
  const catalog = useQuery(catalogQueryOptions())
  const state = useQuery(deploymentQueryOptions(deploymentId))
  const live = useQuery(sovereignAppsQueryOptions(mode.mode === 'sovereign'))
  useComponentMonitoringNotice(deploymentId, state.data?.status, state.data?.sovereignFQDN)

  const cards = useMemo(
    () => (catalog.data ? buildAppCards({ catalog: catalog.data, state: state.data, live: live.data }) : []),
    [catalog.data, state.data, live.data],
  )
  const summary = useMemo(() => summariseApps(cards), [cards])
  const visible = useMemo(() => filterAppCards(cards, search), [cards, search])

  const { q: urlQ, family: urlFamily, status: urlStatus } = search
  const setSearch = useCallback(
    (patch: Partial<AppsSearch>) => {
      const next = { q: urlQ, family: urlFamily, status: urlStatus, ...patch }
      const { to, search: s } = splitHref(links.to({ page: 'apps', deploymentId, search: next }))
      void navigate({ to, search: s, replace: true })
    },
    [links, deploymentId, navigate, urlQ, urlFamily, urlStatus],
  )
  const writeQ = useCallback((q: string | undefined) => setSearch({ q }), [setSearch])
  const [q, setQ] = useUrlText(search.q, writeQ)
  const searchId = useId()
  const statusId = useId()
  const familyId = useId()

  const fqdn = mode.sovereignFQDN ?? state.data?.sovereignFQDN
  const filtered = !!(search.q || search.family || search.status)
  const statusValue = parseStatusFilter(search.status) ?? ''

  // A deployment the API does not know (a mistyped id, a deleted record) is an error, not "0 installed".
  const noDeployment = state.isError && isApiError(state.error) && state.error.status === 404
  let body
  if (catalog.isPending || (state.isPending && deploymentId !== '')) {
    body = <Skeleton rows={6} label="Loading applications…" />
  } else if (noDeployment) {
    body = (
      <ErrorState title="Deployment not found" error={state.error} onRetry={() => void state.refetch()} />
    )
  } else if (catalog.isError) {
    body = (
      <ErrorState
        title="The catalog could not be loaded"
        error={catalog.error}
        onRetry={() => void catalog.refetch()}
      />
    )
  } else if (visible.length === 0) {
    body =
      !filtered && summary.onDeployment === 0 ? (
        <EmptyState
          title="Nothing is installed on this deployment yet"
          action={
            <button type="button" className="btn" onClick={() => setSearch({ status: 'all' })}>
              Browse the whole catalog ({summary.catalog})
            </button>
          }
        >
          Phase 1 installs the bootstrap kit once the clusters are up; each blueprint shows here as soon as
          its HelmRelease appears.
        </EmptyState>
      ) : (
        <EmptyState
          title="No applications match"
          action={
            <button
              type="button"
              className="btn"
              onClick={() => setSearch({ q: undefined, family: undefined, status: undefined })}
            >
              Clear filters
            </button>
          }
        >
          Nothing matches these filters. Try another status or family, or clear the search.
        </EmptyState>
      )
  } else {
    body = (
      <ul className={styles.grid} aria-label="Applications">
        {visible.map((app) => (
          <li key={app.id} className={styles.cell}>
            <AppCard app={app} deploymentId={deploymentId} />
          </li>
        ))}
      </ul>
    )
  }

  return (
    <div className={styles.page}>
      <PageHeader
        title="Applications"
        description={
          catalog.data && !noDeployment ? (
            <span>
              <strong>{summary.installed}</strong> installed of <strong>{summary.catalog}</strong> in the
              catalog{fqdn ? ` · ${fqdn}` : ''}
            </span>
          ) : (
            'Installed blueprints and where they run.'
          )
        }
      >
        {catalog.data && !noDeployment ? (
          <p className={styles.definition}>
            Installed = its HelmRelease is ready in every region it is placed in. {summary.onDeployment} on
            this deployment
            {summary.byStatus.installing ? ` · ${summary.byStatus.installing} installing` : ''}
            {summary.byStatus.pending ? ` · ${summary.byStatus.pending} pending` : ''}
            {summary.byStatus.degraded ? ` · ${summary.byStatus.degraded} degraded` : ''}
            {summary.byStatus.failed ? ` · ${summary.byStatus.failed} failed` : ''}.
          </p>
        ) : null}
      </PageHeader>
      <DeploymentHandoverPrompt deploymentId={deploymentId} />
      {state.isError && !noDeployment ? (
        <div role="alert" className={styles.warning}>
          The deployment&apos;s status could not be loaded, so placement is unknown:{' '}
          {errorMessage(state.error)}{' '}
          <button type="button" className="btn btn-sm" onClick={() => void state.refetch()}>
            Retry
          </button>
        </div>
      ) : null}
      <div role="search" className={styles.toolbar} aria-label="Filter applications">
        <div className="field">
          <label htmlFor={searchId}>Search</label>
          <input
            id={searchId}
            className="input"
            type="search"
            value={q}
            placeholder="Name, family, namespace…"
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={statusId}>Status</label>
          <select
            id={statusId}
            className="select"
            value={statusValue}
            onChange={(e) => setSearch({ status: e.target.value || undefined })}
          >
            {['', ...APP_STATUSES, 'all'].map((s) => (
              <option key={s || 'deployed'} value={s}>
                {statusOptionLabel(s, summary)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={familyId}>Family</label>
          <select
            id={familyId}
            className="select"
            value={search.family ?? ''}
            onChange={(e) => setSearch({ family: e.target.value || undefined })}
          >
            <option value="">All families</option>
            {summary.families.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label} ({f.count})
              </option>
            ))}
            {search.family && !summary.families.some((f) => f.id === search.family) ? (
              <option value={search.family}>{search.family} (0)</option>
            ) : null}
          </select>
        </div>
        {filtered ? (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setQ('')
              setSearch({ q: undefined, family: undefined, status: undefined })
            }}
          >
            Clear filters
          </button>
        ) : null}
        <p className={styles.showing} role="status" aria-live="polite">
          {catalog.data ? `Showing ${visible.length} of ${summary.catalog}` : ''}
        </p>
      </div>
      {body}
    </div>
  )
}
