import { lazy, Suspense } from 'react'
import { Skeleton } from '../components/States.tsx'
import { JobsScreen } from '../features/jobs/JobsScreen.tsx'
import { jobsSearch } from '../entities/job/jobsSearch.ts'
import { useDeploymentId } from '../lib/deploymentScope.ts'
import { usePageSearch } from '../lib/routeSearch.ts'

// The graph (d3, canvas, worker) loads only when the Graph view is opened, the terminal (xterm) only when
// a job's side panel shows its log.
const FlowScreen = lazy(() =>
  import('../features/flow/FlowScreen.tsx').then((m) => ({ default: m.FlowScreen })),
)
const JobLogTail = lazy(() =>
  import('../features/jobs/JobLogTail.tsx').then((m) => ({ default: m.JobLogTail })),
)

/** `/…/jobs`: the jobs list, or (`?view=graph`) the flow canvas — two features composed here. */
export function JobsPage() {
  const search = usePageSearch(jobsSearch)
  const deploymentId = useDeploymentId()
  const graph =
    search.view === 'graph' ? (
      <Suspense fallback={<Skeleton rows={8} label="Loading the graph…" />}>
        <FlowScreen
          deploymentId={deploymentId}
          renderNodePanel={({ deploymentId: dep, jobName }) => (
            <Suspense fallback={<Skeleton rows={4} label="Loading the log…" />}>
              <JobLogTail key={jobName} deploymentId={dep} jobName={jobName} />
            </Suspense>
          )}
        />
      </Suspense>
    ) : undefined
  return <JobsScreen deploymentId={deploymentId} graphView={graph} />
}
