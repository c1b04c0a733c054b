import { useQuery } from '@tanstack/react-query'
import { useCallback, useDeferredValue, useMemo, useState, type ReactNode } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { DeploymentHandoverPrompt } from '../../components/DeploymentHandoverPrompt.tsx'
import { NotifyRunButton } from '../../components/NotifyRunButton.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ReplayBar, ReplayButton } from '../../components/replay/ReplayBar.tsx'
import { useReplay } from '../../components/replay/useReplay.ts'
import { ErrorState, Skeleton } from '../../components/States.tsx'
import { phaseRank } from '../../contracts/jobs.ts'
import { RUN_STATUSES } from '../../contracts/runStatus.ts'
import { deploymentQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { jobsQueryOptions } from '../../entities/job/jobQueries.ts'
import type { ReplaySnapshot } from '../../graph/replayAt.ts'
import type { LinkTarget } from '../../lib/links.ts'
import { ReplayNowContext } from '../../lib/replayNow.ts'
import { JobsTable } from './components/JobsTable.tsx'
import {
  NO_REGION,
  countLabel,
  deriveRows,
  filterRows,
  isFiltered,
  isMultiRegion,
  nextSort,
  parseSort,
  regionBuckets,
  rowsAsOf,
  sortRows,
  splitList,
  tableItems,
  type GroupBy,
  type SortColumn,
} from './jobRows.ts'
import { jobsSearch, type JobsSearch } from '../../entities/job/jobsSearch.ts'
import { RootCausePanel } from './rootCause/RootCausePanel.tsx'
import { compactSearch, useReplaceSearch } from './useReplaceSearch.ts'
import styles from './JobsScreen.module.css'
import { usePageSearch } from '../../lib/routeSearch.ts'
import { useUrlText } from '../../lib/useUrlText.ts'

/**
 * `/…/jobs`: the page header with the List | Graph switch and the timeline link, then either the jobs
 * table or the graph the route composed in (`graphView`, `?view=graph`).
 */
export function JobsScreen({ deploymentId, graphView }: { deploymentId: string; graphView?: ReactNode }) {
  const search = usePageSearch(jobsSearch)
  const graph = search.view === 'graph'
  // Switching keeps every other parameter (filters and graph state survive a round trip).
  const { view: _view, ...rest } = search
  // `?at=` replays the run (list, graph and timeline alike); the bar says so and leads back to live.
  const replay = useReplay(deploymentId)
  // Scrubbing sets a new instant every frame; the slider follows at once, the rows when React has time.
  const replayed = useDeferredValue(replay.snapshot)
  const status = useQuery(deploymentQueryOptions(deploymentId)).data?.status
  return (
    <ReplayNowContext.Provider value={replayed?.atMs}>
      <PageHeader
        title="Jobs"
        description="Every job of this deployment, live: what it waits for, how long it took, its logs."
        actions={
          <>
            <nav className={styles.switch} aria-label="Jobs view">
              <AppLink
                to={{ page: 'jobs', deploymentId, search: compactSearch(rest) }}
                className={`btn btn-sm ${!graph ? styles.active : ''}`}
                aria-current={!graph ? 'page' : undefined}
              >
                List
              </AppLink>
              <AppLink
                to={{ page: 'jobs', deploymentId, search: compactSearch({ ...rest, view: 'graph' }) }}
                className={`btn btn-sm ${graph ? styles.active : ''}`}
                aria-current={graph ? 'page' : undefined}
              >
                Graph
              </AppLink>
            </nav>
            <AppLink
              to={{ page: 'jobsTimeline', deploymentId, search: compactSearch({ at: search.at }) }}
              className="btn btn-sm"
            >
              Timeline
            </AppLink>
            <ReplayButton replay={replay} />
            {status ? <NotifyRunButton deploymentId={deploymentId} status={status} /> : null}
          </>
        }
      />
      {/* Replaying the past never counts down to the Sovereign; back to live, the prompt is offered. */}
      {search.at ? null : <DeploymentHandoverPrompt deploymentId={deploymentId} />}
      <ReplayBar replay={replay} />
      <RootCausePanel deploymentId={deploymentId} />
      {graph && graphView ? (
        graphView
      ) : (
        <JobsList deploymentId={deploymentId} search={search} replayed={replayed} />
      )}
    </ReplayNowContext.Provider>
  )
}

const SELECTED_KEY = (dep: string) => `cc-jobs-selected:${dep}`

function readSelected(dep: string): string | undefined {
  try {
    return window.sessionStorage.getItem(SELECTED_KEY(dep)) ?? undefined
  } catch {
    return undefined
  }
}

function JobsList({
  deploymentId,
  search,
  replayed,
}: {
  deploymentId: string
  search: JobsSearch
  /** The run at the replayed instant, when replaying. */
  replayed: ReplaySnapshot | undefined
}) {
  const jobs = useQuery(jobsQueryOptions(deploymentId))
  const deployment = useQuery(deploymentQueryOptions(deploymentId))
  const [selected, setSelectedState] = useState<string | undefined>(() => readSelected(deploymentId))
  const setSelected = useCallback(
    (id: string) => {
      setSelectedState(id)
      try {
        window.sessionStorage.setItem(SELECTED_KEY(deploymentId), id)
      } catch {
        // selection is a convenience; without storage it lasts for this visit
      }
    },
    [deploymentId],
  )
  const target = useCallback(
    (s: JobsSearch): LinkTarget => ({ page: 'jobs', deploymentId, search: compactSearch(s) }),
    [deploymentId],
  )
  const replace = useReplaceSearch<JobsSearch>(target)
  // Filter edits write the URL at once, except the free text: it filters as typed and reaches the URL
  // after a pause (one history write per word, not per keystroke; no cursor jumps).
  const writeQ = useCallback((q: string | undefined) => replace({ ...search, q }), [replace, search])
  const [q, setQ] = useUrlText(search.q, writeQ)
  const update = (patch: Partial<JobsSearch>) => {
    if ('q' in patch) setQ(patch.q ?? '')
    replace({ ...search, ...patch })
  }

  const linkSearch = useMemo(() => (search.at ? { at: search.at } : undefined), [search.at])
  // Names, phases, regions and dependencies are derived once per jobs list; a replayed instant only lays
  // its statuses and times over them (rowsAsOf), so scrubbing stays within a frame.
  const liveRows = useMemo(() => deriveRows(jobs.data ?? []), [jobs.data])
  const rows = useMemo(() => rowsAsOf(liveRows, replayed), [liveRows, replayed])
  const regions = deployment.data?.regions ?? []
  const primaryKey = regions.find((r) => r.primary)?.region ?? deployment.data?.region
  const multiRegion = isMultiRegion(liveRows, regions.length)
  const filter = {
    q,
    status: search.status,
    phase: search.phase,
    region: multiRegion ? search.region : undefined,
  }
  const sort = parseSort(search.sort, search.dir)
  const group: GroupBy | undefined = search.group === 'region' && !multiRegion ? undefined : search.group
  const collapsed = useMemo(() => new Set(splitList(search.collapsed)), [search.collapsed])
  const filtered = useMemo(
    () => sortRows(filterRows(rows, filter), sort),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filter/sort are plain values of `search`
    [rows, q, search.status, search.phase, search.region, search.sort, search.dir, multiRegion],
  )
  const items = useMemo(() => tableItems(filtered, group, collapsed), [filtered, group, collapsed])

  const phases = useMemo(() => {
    const m = new Map<string, string>()
    for (const r of liveRows) m.set(r.phase, r.phaseLabel)
    return [...m].sort((a, b) => phaseRank(a[0]) - phaseRank(b[0]))
  }, [liveRows])
  const regionOptions = useMemo(() => {
    const b = regionBuckets(liveRows)
    if (liveRows.some((r) => r.region === NO_REGION)) b.push(NO_REGION)
    return b
  }, [liveRows])

  if (jobs.isPending) return <Skeleton rows={10} label="Loading jobs…" />
  if (jobs.isError && !jobs.data)
    return (
      <ErrorState title="Jobs could not be loaded" error={jobs.error} onRetry={() => void jobs.refetch()} />
    )

  const anyFilter = isFiltered(filter)
  const toggleGroup = (key: string) => {
    const next = new Set(collapsed)
    if (next.has(key)) next.delete(key)
    else next.add(key)
    update({ collapsed: [...next].join(',') || undefined })
  }

  return (
    <div className={styles.list} data-replay-at={replayed?.atMs}>
      <div className={styles.toolbar} role="search" aria-label="Filter jobs">
        <input
          className={`input ${styles.search}`}
          type="search"
          aria-label="Search jobs"
          placeholder="Search name, app, status, dependency…"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <label className={styles.filter}>
          <span>Status</span>
          <select
            className="select"
            value={search.status ?? ''}
            onChange={(e) => update({ status: e.target.value || undefined })}
          >
            <option value="">All</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
            {search.status && !(RUN_STATUSES as readonly string[]).includes(search.status) ? (
              <option value={search.status}>{search.status.replace(/,/g, ', ')}</option>
            ) : null}
          </select>
        </label>
        <label className={styles.filter}>
          <span>Phase</span>
          <select
            className="select"
            value={search.phase ?? ''}
            onChange={(e) => update({ phase: e.target.value || undefined })}
          >
            <option value="">All</option>
            {phases.map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {multiRegion ? (
          <label className={styles.filter}>
            <span>Region</span>
            <select
              className="select"
              value={search.region ?? ''}
              onChange={(e) => update({ region: e.target.value || undefined })}
            >
              <option value="">All</option>
              {regionOptions.map((r) => (
                <option key={r} value={r}>
                  {r === 'primary'
                    ? `primary${primaryKey ? ` (${primaryKey})` : ''}`
                    : r === NO_REGION
                      ? 'Deployment-wide'
                      : r}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className={styles.filter}>
          <span>Group by</span>
          <select
            className="select"
            value={group ?? ''}
            onChange={(e) =>
              update({ group: (e.target.value || undefined) as GroupBy | undefined, collapsed: undefined })
            }
          >
            <option value="">Nothing</option>
            <option value="phase">Phase</option>
            {multiRegion ? <option value="region">Region</option> : null}
          </select>
        </label>
        {anyFilter || search.sort ? (
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            onClick={() =>
              update({
                q: undefined,
                status: undefined,
                phase: undefined,
                region: undefined,
                sort: undefined,
                dir: undefined,
              })
            }
          >
            Reset filters and sort
          </button>
        ) : null}
        <p className={styles.count} role="status">
          {countLabel(filtered.length, rows.length)}
        </p>
      </div>
      {jobs.isError ? (
        <p className={styles.stale} role="alert">
          Showing the last known state — refreshing failed; retrying automatically.
        </p>
      ) : null}
      <JobsTable
        deploymentId={deploymentId}
        items={items}
        multiRegion={multiRegion}
        primaryKey={primaryKey}
        sort={sort.column ? { id: sort.column, desc: sort.desc } : undefined}
        onSort={(column) => {
          const next = nextSort(sort, column as SortColumn)
          update(next)
        }}
        onToggleGroup={toggleGroup}
        selectedId={selected}
        onSelect={setSelected}
        linkSearch={linkSearch}
        empty={
          rows.length === 0 ? (
            'No jobs yet — they appear as soon as provisioning starts.'
          ) : (
            <>
              No jobs match the current filters.{' '}
              <button
                type="button"
                className="btn btn-sm"
                onClick={() =>
                  update({ q: undefined, status: undefined, phase: undefined, region: undefined })
                }
              >
                Clear filters
              </button>
            </>
          )
        }
      />
    </div>
  )
}
