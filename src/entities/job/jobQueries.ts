import { queryOptions } from '@tanstack/react-query'
import { JobBatches, JobDetail, JobList, type Job } from '../../contracts/jobs.ts'
import { apiFetch } from '../../lib/http.ts'
import { deploymentKeys } from '../deployment/deploymentKeys.ts'

export const jobKeys = {
  list: (deploymentId: string) => [...deploymentKeys.scope(deploymentId), 'jobs'] as const,
  detail: (deploymentId: string, jobName: string) => [...jobKeys.list(deploymentId), jobName] as const,
  batches: (deploymentId: string) => [...deploymentKeys.scope(deploymentId), 'job-batches'] as const,
}

function anyLive(jobs: readonly Job[] | undefined): boolean {
  return !!jobs?.some((j) => j.type !== 'group' && (j.status === 'running' || j.status === 'pending'))
}

/** All jobs of a deployment (groups included); polled every 3 s while anything is pending or running. */
export function jobsQueryOptions(deploymentId: string) {
  return queryOptions({
    queryKey: jobKeys.list(deploymentId),
    queryFn: ({ signal }) =>
      apiFetch(`/v1/deployments/${encodeURIComponent(deploymentId)}/jobs`, JobList, { signal }).then(
        (r) => r.jobs,
      ),
    enabled: deploymentId !== '',
    staleTime: 2_000,
    refetchInterval: (q) => (q.state.data === undefined || anyLive(q.state.data) ? 3_000 : 30_000),
  })
}

/** One job and its executions (newest first), by bare job name (URL-encoded: `install-nbg1-1%3Acilium`). */
export function jobDetailQueryOptions(deploymentId: string, jobName: string) {
  return queryOptions({
    queryKey: jobKeys.detail(deploymentId, jobName),
    queryFn: ({ signal }) =>
      apiFetch(
        `/v1/deployments/${encodeURIComponent(deploymentId)}/jobs/${encodeURIComponent(jobName)}`,
        JobDetail,
        { signal },
      ),
    enabled: deploymentId !== '' && jobName !== '',
    staleTime: 2_000,
    refetchInterval: (q) => {
      const d = q.state.data
      return !d || d.job.status === 'running' || d.job.status === 'pending' ? 3_000 : false
    },
  })
}

/** Progress per batch (`bootstrap-kit`, `day-2-mutations`…): `GET /deployments/{id}/jobs/batches`. */
export function jobBatchesQueryOptions(deploymentId: string) {
  return queryOptions({
    queryKey: jobKeys.batches(deploymentId),
    queryFn: ({ signal }) =>
      apiFetch(`/v1/deployments/${encodeURIComponent(deploymentId)}/jobs/batches`, JobBatches, {
        signal,
      }).then((r) => r.batches),
    enabled: deploymentId !== '',
    staleTime: 2_000,
    refetchInterval: (q) =>
      q.state.data?.some((b) => b.running > 0 || b.pending > 0) !== false ? 3_000 : 30_000,
  })
}
