import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useEffect, useMemo } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { splitHref } from '../../lib/links.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { RelativeTime } from '../../components/RelativeTime.tsx'
import { EmptyState, ErrorState, Skeleton } from '../../components/States.tsx'
import { StatusBadge } from '../../components/StatusBadge.tsx'
import type { Job } from '../../contracts/jobs.ts'
import { catalogQueryOptions } from '../../entities/catalog/catalogQueries.ts'
import { deploymentQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { jobsQueryOptions } from '../../entities/job/jobQueries.ts'
import { useDeploymentId } from '../../lib/deploymentScope.ts'
import { isApiError } from '../../lib/http.ts'
import { useLinks, useMode } from '../../lib/modeContext.tsx'
import { formatDuration } from '../../lib/time.ts'
import { appEndpoints } from './appEndpoints.ts'
import { appJobs, jobForPlacement, primaryInstallJob } from './appJobs.ts'
import {
  APP_STATUS_LABELS,
  buildAppCards,
  canonicalAppId,
  dependentsOf,
  findAppCard,
  type AppCardModel,
} from './appModel.ts'
import { sovereignAppsQueryOptions } from '../../entities/catalog/sovereignAppsQueries.ts'
import { familyColour } from './components/AppCard.tsx'
import { regionStatusLabel } from './components/RegionPlacementList.tsx'
import { DependencyList } from './DependencyList.tsx'
import { RecentLog } from './RecentLog.tsx'
import styles from './AppDetailScreen.module.css'
import { usePageParam } from '../../lib/routeSearch.ts'

/**
 * `/app/$componentId`: one app — status per region with its install jobs, endpoints, the tail of its
 * primary install log, and what it depends on / what depends on it. Any id form (`alloy`, `bp-bp-alloy`)
 * is replaced by the canonical `bp-<slug>` URL.
 */
export function AppDetailScreen() {
  const componentId = usePageParam('componentId') ?? ''
  const deploymentId = useDeploymentId()
  const mode = useMode()
  const links = useLinks()
  const navigate = useNavigate()
  const canonical = canonicalAppId(componentId)

  useEffect(() => {
    if (componentId && componentId !== canonical) {
      const { to } = splitHref(links.to({ page: 'app', deploymentId, componentId: canonical }))
      void navigate({ to, replace: true })
    }
  }, [componentId, canonical, deploymentId, links, navigate])

  const catalog = useQuery(catalogQueryOptions())
  const state = useQuery(deploymentQueryOptions(deploymentId))
  const live = useQuery(sovereignAppsQueryOptions(mode.mode === 'sovereign'))
  const jobs = useQuery(jobsQueryOptions(deploymentId))

  const input = useMemo(
    () => ({ catalog: catalog.data ?? [], state: state.data, live: live.data }),
    [catalog.data, state.data, live.data],
  )
  const app = useMemo(() => findAppCard(input, canonical), [input, canonical])
  const all = useMemo(() => buildAppCards(input), [input])

  if (catalog.isPending || (state.isPending && deploymentId !== '')) {
    return (
      <>
        <PageHeader title="Application" description={canonical} />
        <Skeleton rows={8} label="Loading the application…" />
      </>
    )
  }
  if (state.isError && isApiError(state.error) && state.error.status === 404) {
    return (
      <>
        <PageHeader title="Application" description={canonical} />
        <ErrorState title="Deployment not found" error={state.error} onRetry={() => void state.refetch()} />
      </>
    )
  }
  if (catalog.isError && !app) {
    return (
      <>
        <PageHeader title="Application" description={canonical} />
        <ErrorState
          title="The catalog could not be loaded"
          error={catalog.error}
          onRetry={() => void catalog.refetch()}
        />
      </>
    )
  }
  if (!app) {
    return (
      <>
        <PageHeader title="App not found" />
        <EmptyState
          title={`No application ${canonical}`}
          action={
            <AppLink className="btn" to={{ page: 'apps', deploymentId }}>
              ← All applications
            </AppLink>
          }
        >
          Nothing by this id is in the catalog or installed on this deployment. It may have been removed, or
          the link is mistyped.
        </EmptyState>
      </>
    )
  }
  return (
    <AppDetail
      app={app}
      all={all}
      deploymentId={deploymentId}
      jobList={jobs.data}
      jobsError={jobs.isError ? jobs.error : undefined}
      onRetryJobs={() => void jobs.refetch()}
      fqdn={mode.sovereignFQDN ?? state.data?.sovereignFQDN}
    />
  )
}

function AppDetail({
  app,
  all,
  deploymentId,
  jobList,
  jobsError,
  onRetryJobs,
  fqdn,
}: {
  app: AppCardModel
  all: readonly AppCardModel[]
  deploymentId: string
  jobList: readonly Job[] | undefined
  jobsError: unknown
  onRetryJobs: () => void
  fqdn: string | undefined
}) {
  const mine = useMemo(() => appJobs(jobList ?? [], app.slug), [jobList, app.slug])
  const placed = app.regions.filter((r) => r.status !== 'absent' || jobForPlacement(mine, r))
  const inRegionTable = new Set(placed.map((r) => jobForPlacement(mine, r)?.id).filter(Boolean))
  const otherJobs = mine.filter((j) => !inRegionTable.has(j.id))
  const logJob = primaryInstallJob(mine, app.regions)
  const endpoints = appEndpoints({ slug: app.slug, externalURL: app.externalURL, sovereignFQDN: fqdn })
  const dependents = dependentsOf(all, app.id)
  const byId = new Map(all.map((c) => [c.id, c]))

  return (
    <div className={styles.page}>
      <AppLink className={styles.back} to={{ page: 'apps', deploymentId }}>
        ← All applications
      </AppLink>
      <PageHeader
        title={app.title}
        description={app.summary || undefined}
        actions={
          app.externalURL ? (
            <a className="btn" href={app.externalURL} target="_blank" rel="noopener noreferrer">
              Open {app.title} ↗
            </a>
          ) : undefined
        }
      >
        <div className={styles.chips}>
          <StatusBadge status={app.status} label={APP_STATUS_LABELS[app.status]} />
          <span className={styles.chip}>
            <span
              className={styles.dot}
              style={{ background: familyColour(app.family) }}
              aria-hidden="true"
            />
            {app.familyLabel}
          </span>
          {app.bootstrap ? <span className={styles.chip}>Bootstrap kit</span> : null}
          {!app.inCatalog ? <span className={styles.chip}>Not in the catalog</span> : null}
          {app.marketplacePublished ? <span className={styles.chip}>In marketplace</span> : null}
        </div>
      </PageHeader>

      <dl className={styles.facts} aria-label="About">
        <div>
          <dt>Id</dt>
          <dd className="mono">{app.id}</dd>
        </div>
        {app.version ? (
          <div>
            <dt>Version</dt>
            <dd className="mono">{app.version}</dd>
          </div>
        ) : null}
        {app.namespace ? (
          <div>
            <dt>Namespace</dt>
            <dd className="mono">{app.namespace}</dd>
          </div>
        ) : null}
        {app.docs ? (
          <div>
            <dt>Docs</dt>
            <dd>
              <a href={app.docs} target="_blank" rel="noopener noreferrer">
                Documentation ↗
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      {app.description ? <p className={styles.description}>{app.description}</p> : null}

      <section className={styles.section} aria-labelledby="app-regions">
        <div className={styles.sectionHead}>
          <h2 id="app-regions">Status per region</h2>
          <AppLink to={{ page: 'jobs', deploymentId, search: { q: app.slug } }}>
            All jobs of {app.title} →
          </AppLink>
        </div>
        {jobsError ? (
          <ErrorState title="Jobs could not be loaded" error={jobsError} onRetry={onRetryJobs} />
        ) : null}
        {placed.length === 0 ? (
          <p className="muted">
            Not placed in any region of this deployment{app.status === 'available' ? ' (not installed)' : ''}.
          </p>
        ) : (
          <table className={styles.table} aria-label="Status per region">
            <thead>
              <tr>
                <th scope="col">Region</th>
                <th scope="col">Status</th>
                <th scope="col">Install job</th>
                <th scope="col">Started</th>
                <th scope="col">Took</th>
              </tr>
            </thead>
            <tbody>
              {placed.map((r) => {
                const job = jobForPlacement(mine, r)
                return (
                  <tr key={r.region} data-region={r.region}>
                    <th scope="row" className="mono">
                      {r.region}
                      {r.primary ? <span className="muted"> (primary)</span> : null}
                    </th>
                    <td>
                      <StatusBadge
                        status={r.status === 'absent' ? 'unknown' : r.status}
                        label={regionStatusLabel(r.status)}
                        size="sm"
                      />
                    </td>
                    <td>
                      {job ? (
                        <AppLink className="mono" to={{ page: 'job', deploymentId, jobId: job.id }}>
                          {job.jobName}
                        </AppLink>
                      ) : (
                        <span className="faint">{jobList ? 'No job yet' : '…'}</span>
                      )}
                    </td>
                    <td>{job ? <RelativeTime value={job.startedAt} /> : '—'}</td>
                    <td>{job ? formatDuration(job.durationMs) : '—'}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
        {otherJobs.length > 0 ? (
          <>
            <h3 className={styles.subhead}>Other jobs</h3>
            <ul className={styles.linkList} aria-label="Other jobs">
              {otherJobs.map((j) => (
                <li key={j.id}>
                  <AppLink className="mono" to={{ page: 'job', deploymentId, jobId: j.id }}>
                    {j.jobName}
                  </AppLink>{' '}
                  <StatusBadge status={j.status} size="sm" />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="app-endpoints">
        <h2 id="app-endpoints">Endpoints</h2>
        {endpoints.length === 0 ? (
          <p className="muted">No public endpoint known — {app.title} serves inside the cluster only.</p>
        ) : (
          <ul className={styles.linkList} aria-label="Endpoints">
            {endpoints.map((e) => (
              <li key={e.url}>
                <span className="muted">{e.label}: </span>
                <a className="mono" href={e.url} target="_blank" rel="noopener noreferrer">
                  {e.address}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <RecentLog deploymentId={deploymentId} jobs={mine} defaultJob={logJob} />

      <section className={styles.section} aria-labelledby="app-deps">
        <h2 id="app-deps">Dependencies</h2>
        <div className={styles.depGrid}>
          <DependencyList
            title="Depends on"
            ids={app.dependsOn}
            byId={byId}
            deploymentId={deploymentId}
            empty="No dependencies."
          />
          <DependencyList
            title="Needed by"
            ids={dependents}
            byId={byId}
            deploymentId={deploymentId}
            empty="Nothing depends on it."
          />
        </div>
      </section>
    </div>
  )
}
