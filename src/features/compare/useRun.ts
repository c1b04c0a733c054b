import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { isInFlightStatus } from '../../contracts/deployments.ts'
import { eventsQueryOptions } from '../../entities/deployment/eventsQueries.ts'
import { jobsQueryOptions } from '../../entities/job/jobQueries.ts'
import type { CompareInput } from '../../graph/compareRuns.ts'
import { isApiError } from '../../lib/http.ts'
import { serverNow } from '../../lib/serverClock.ts'

export interface RunLoad {
  id: string
  input: CompareInput | undefined
  fqdn: string
  /** The record says the run has not settled: the comparison is "so far". */
  live: boolean
  /** As-of instant of a live run's numbers (server time). */
  asOfMs: number | undefined
  error: unknown
  notFound: boolean
  pending: boolean
  retry: () => void
}

/**
 * One side of a comparison from what the API returns: the jobs list (start/finish/depends, contract §3.5)
 * and the event history with the record (`GET /events`, contract §3.4) for retries. Both poll while the
 * run is live, so an in-flight side keeps counting.
 */
export function useRun(id: string): RunLoad {
  const events = useQuery(eventsQueryOptions(id))
  const jobs = useQuery(jobsQueryOptions(id))
  const state = events.data?.state
  const live = !!state && isInFlightStatus(state.status)
  const input = useMemo<CompareInput | undefined>(() => {
    if (!events.data || !jobs.data) return undefined
    return {
      id,
      deployment: events.data.state,
      jobs: jobs.data,
      events: events.data.events,
      // A live run's running jobs count up to when its jobs list was read (server time).
      asOfMs: live ? serverNow() : undefined,
    }
  }, [id, events.data, jobs.data, live])
  const error = events.error ?? jobs.error
  return {
    id,
    input,
    fqdn: state?.sovereignFQDN || id,
    live,
    asOfMs: input?.asOfMs,
    error,
    notFound: isApiError(error) && error.status === 404,
    pending: !input && !error,
    retry: () => {
      void events.refetch()
      void jobs.refetch()
    },
  }
}
