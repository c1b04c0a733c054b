import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { isInFlightStatus, type DeploymentEvents } from '../../contracts/deployments.ts'
import type { Job } from '../../contracts/jobs.ts'
import { prepareReplay, type PreparedReplay } from '../../graph/prepareReplay.ts'
import { replayAt, type ReplaySnapshot } from '../../graph/replayAt.ts'
import { eventsQueryOptions } from '../../entities/deployment/eventsQueries.ts'
import { jobsQueryOptions } from '../../entities/job/jobQueries.ts'
import { jobsTimelineSearch } from '../../entities/job/jobsSearch.ts'
import { usePageSearch, useSearchPatch } from '../../lib/routeSearch.ts'
import { clampAt, formatAtParam, parseAtParam, type ReplayParam } from '../../lib/replayTime.ts'
import { serverNow } from '../../lib/serverClock.ts'
import { setReplayDraft, useReplayDraft } from './replayCursor.ts'

export interface Replay {
  /** What `?at` says. */
  param: ReplayParam
  /** `?at` names an instant (or one is being scrubbed): the page shows the past. */
  active: boolean
  /** The instant shown, inside the run's span (undefined while live or loading). */
  atMs: number | undefined
  /** The instant in the URL (clamped): what slow consumers (log fetches) follow, not every scrubbed frame. */
  committedMs: number | undefined
  /** `?at` was outside the run: `atMs` is the nearest end. */
  clamped: 'start' | 'end' | undefined
  /** The run's first instant and the data horizon, once the history is in. */
  span: { startMs: number; endMs: number } | undefined
  /** The deployment at `atMs` (undefined while live or loading). */
  snapshot: ReplaySnapshot | undefined
  loading: boolean
  error: unknown
  retry: () => void
  /** Moves the instant now; `commit` writes it to the URL (a resting hand, a key press). */
  seek: (ms: number, commit: boolean) => void
  /** Opens replay at `ms` (default: the run's start). */
  start: (ms?: number) => void
  backToLive: () => void
}

// Both the bar and the screen of a page ask for the same preparation and snapshot: one of each, shared.
let prepCache: { jobs: readonly Job[]; events: DeploymentEvents; prepared: PreparedReplay } | undefined
let snapCache: { prepared: PreparedReplay; ms: number; snap: ReplaySnapshot } | undefined

function prepared(jobs: readonly Job[], events: DeploymentEvents): PreparedReplay {
  if (prepCache && prepCache.jobs === jobs && prepCache.events === events) return prepCache.prepared
  const p = prepareReplay({
    deployment: events.state,
    jobs,
    events: events.events,
    // A run still in flight is measured up to now; a settled one ends at its last recorded instant.
    asOfMs: isInFlightStatus(events.state.status) ? serverNow() : undefined,
  })
  prepCache = { jobs, events, prepared: p }
  return p
}

function snapshotAt(p: PreparedReplay, ms: number): ReplaySnapshot {
  if (snapCache && snapCache.prepared === p && snapCache.ms === ms) return snapCache.snap
  const snap = replayAt(p, ms)
  snapCache = { prepared: p, ms, snap }
  return snap
}

/** The earliest instant in the jobs list (where "Replay this run" starts when the history is not in yet). */
export function firstInstant(jobs: readonly Job[]): number | undefined {
  const t = prepareReplay({ jobs }).startMs
  return t > 0 ? t : undefined
}

/**
 * Replay of one deployment's run as the page's URL asks for it (`?at=<RFC 3339>`), built only from the
 * jobs list and `GET /events` (see `graph/replayAt.ts` for what that can and cannot tell).
 */
export function useReplay(deploymentId: string): Replay {
  const urlAt = usePageSearch(jobsTimelineSearch).at
  const patchSearch = useSearchPatch<{ at: string | undefined }>()
  const param = useMemo(() => parseAtParam(urlAt), [urlAt])
  const draft = useReplayDraft()
  const drafting = draft && draft.deploymentId === deploymentId && draft.base === urlAt ? draft : undefined
  const active = param.kind === 'at' || drafting !== undefined
  const jobs = useQuery(jobsQueryOptions(deploymentId))
  const events = useQuery(eventsQueryOptions(deploymentId, active))

  const prep = useMemo(
    () => (active && jobs.data && events.data ? prepared(jobs.data, events.data) : undefined),
    [active, jobs.data, events.data],
  )
  const span = prep ? { startMs: prep.startMs, endMs: Math.max(prep.startMs, prep.asOfMs) } : undefined
  const wanted = drafting?.ms ?? (param.kind === 'at' ? param.ms : undefined)
  const atMs = span && wanted !== undefined ? clampAt(wanted, span.startMs, span.endMs) : undefined
  const clamped =
    span && wanted !== undefined && !drafting
      ? wanted < span.startMs
        ? 'start'
        : wanted > span.endMs
          ? 'end'
          : undefined
      : undefined
  const committedMs = span && param.kind === 'at' ? clampAt(param.ms, span.startMs, span.endMs) : undefined
  const snapshot = prep && atMs !== undefined ? snapshotAt(prep, atMs) : undefined

  const seek = useCallback(
    (ms: number, commit: boolean) => {
      // The draft shows the instant at once; a committed one stays until the URL write lands.
      setReplayDraft({ deploymentId, ms, base: urlAt })
      if (commit) patchSearch({ at: formatAtParam(ms) }, { resetScroll: false })
    },
    [patchSearch, deploymentId, urlAt],
  )
  const start = useCallback(
    (ms?: number) => {
      const from = ms ?? span?.startMs ?? (jobs.data ? firstInstant(jobs.data) : undefined)
      if (from !== undefined) seek(from, true)
    },
    [seek, span?.startMs, jobs.data],
  )
  const backToLive = useCallback(() => {
    setReplayDraft(undefined)
    patchSearch({ at: undefined }, { resetScroll: false })
  }, [patchSearch])
  const refetchJobs = jobs.refetch
  const refetchEvents = events.refetch
  const retry = useCallback(() => {
    void refetchJobs()
    void refetchEvents()
  }, [refetchJobs, refetchEvents])

  return {
    param,
    active,
    atMs,
    committedMs,
    clamped,
    span,
    snapshot,
    loading: active && (jobs.isPending || events.isPending),
    error: active ? (!jobs.data && jobs.error) || (!events.data && events.error) || undefined : undefined,
    retry,
    seek,
    start,
    backToLive,
  }
}
