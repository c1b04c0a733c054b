/**
 * TEMPORARY stand-in for the jobs feature's `JobLogTail` (src/features/jobs/JobLogTail.tsx, built on the
 * jobs branch), with the same props, so the flow side panel has a live tail until that lands. Swap the
 * import in JobsPage.tsx and delete this file.
 */
import { useQuery } from '@tanstack/react-query'
import { LogPage } from '../contracts/jobs.ts'
import { jobDetailQueryOptions } from '../lib/api/jobsQueryOptions.ts'
import { apiFetch, errorMessage } from '../lib/http.ts'

const TAIL_LINES = 40

export function JobLogTail({ deploymentId, jobName }: { deploymentId: string; jobName: string }) {
  const detail = useQuery(jobDetailQueryOptions(deploymentId, jobName))
  // The newest execution from the job detail (never a synthetic `<job>:latest`: regression 19).
  const exec = detail.data?.executions[0]
  const running = exec ? !exec.finishedAt : false
  const tail = useQuery({
    queryKey: ['executions', exec?.id ?? '', 'tail'],
    enabled: !!exec,
    refetchInterval: running ? 2000 : false,
    queryFn: async ({ signal }) => {
      const path = `/v1/actions/executions/${encodeURIComponent(exec!.id)}/logs`
      const head = await apiFetch(path, LogPage, { signal, query: { fromLine: 1, limit: 1 } })
      const from = Math.max(1, head.total - TAIL_LINES + 1)
      return apiFetch(path, LogPage, { signal, query: { fromLine: from, limit: TAIL_LINES } })
    },
  })
  return (
    <section aria-label="Job logs">
      <h3
        style={{
          margin: '4px 0',
          fontSize: '0.8rem',
          textTransform: 'uppercase',
          color: 'var(--text-faint)',
        }}
      >
        Log tail
      </h3>
      {detail.isError ? (
        <p className="muted">{errorMessage(detail.error)}</p>
      ) : !exec ? (
        <p className="muted">{detail.isLoading ? 'Loading…' : 'No execution yet.'}</p>
      ) : (
        <pre
          className="mono"
          style={{ margin: 0, maxHeight: 260, overflow: 'auto', fontSize: '0.78rem', whiteSpace: 'pre-wrap' }}
        >
          {(tail.data?.lines ?? []).map((l) => `${l.level.padEnd(5)} ${l.message}`).join('\n') ||
            '(no lines yet)'}
        </pre>
      )}
    </section>
  )
}
