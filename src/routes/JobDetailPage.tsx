import { JobDetailScreen } from '../features/jobs/JobDetailScreen.tsx'
import { useDeploymentId } from '../lib/deploymentScope.ts'
import { usePageParam } from '../lib/routeSearch.ts'

/** `/…/jobs/$jobId`: `$jobId` is the bare job name (decoded by the router: `install-nbg1-1:cilium`). */
export function JobDetailPage() {
  const jobId = usePageParam('jobId') ?? ''
  return <JobDetailScreen deploymentId={useDeploymentId()} jobName={jobId} />
}
