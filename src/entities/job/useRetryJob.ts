import { useMutation, useQueryClient } from '@tanstack/react-query'
import { RetryResponse } from '../../contracts/jobs.ts'
import { jobKeys } from './jobQueries.ts'
import { apiFetch } from '../../lib/http.ts'

/** `POST /deployments/{id}/jobs/{jobName}/retry` (failed jobs only) → the new execution. */
export function useRetryJob(deploymentId: string, jobName: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      apiFetch(
        `/v1/deployments/${encodeURIComponent(deploymentId)}/jobs/${encodeURIComponent(jobName)}/retry`,
        RetryResponse,
        { method: 'POST' },
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: jobKeys.detail(deploymentId, jobName) }),
        queryClient.invalidateQueries({ queryKey: jobKeys.list(deploymentId), exact: true }),
      ]),
  })
}
