import { useRef } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { RetryResponse } from '../../contracts/jobs.ts'
import { jobKeys } from './jobQueries.ts'
import { apiFetch } from '../../lib/http.ts'
import { useLinks } from '../../lib/modeContext.tsx'
import { notify } from '../../lib/notifications.ts'

/**
 * `POST /deployments/{id}/jobs/{jobName}/retry` (failed jobs only) → the new execution.
 *
 * `start()` is the one way a screen triggers it: every Retry button (job page, root-cause panel) gets the same
 * double-click guard and the same "Retrying …" notice.
 */
export function useRetryJob(deploymentId: string, jobName: string) {
  const queryClient = useQueryClient()
  const links = useLinks()
  const mutation = useMutation({
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
  // The button is disabled once React Query reports the mutation pending, which is a task later: a double click
  // lands both clicks before that, so the guard is synchronous.
  const inFlight = useRef(false)
  const start = (onStarted?: (execution: RetryResponse) => void) => {
    if (inFlight.current) return
    inFlight.current = true
    mutation.mutate(undefined, {
      onSettled: () => {
        inFlight.current = false
      },
      onSuccess: (execution) => {
        notify({
          id: `retry:${deploymentId}:${jobName}`,
          deploymentId,
          level: 'info',
          title: `Retrying ${jobName}`,
          body: `A new execution started (${execution.id.slice(0, 8)}…).`,
          href: links.to({ page: 'job', deploymentId, jobId: jobName }),
          hrefLabel: 'Open the job',
        })
        onStarted?.(execution)
      },
    })
  }
  return { start, isPending: mutation.isPending, isError: mutation.isError, error: mutation.error }
}
