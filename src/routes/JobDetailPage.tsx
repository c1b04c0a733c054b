import { useParams } from '@tanstack/react-router'
import { JobDetailScreen } from '../features/jobs/JobDetailScreen.tsx'
import { useDeploymentId } from '../lib/deploymentScope.ts'

/** `/…/jobs/$jobId`: `$jobId` is the bare job name (decoded by the router: `install-nbg1-1:cilium`). */
export function JobDetailPage() {
  const { jobId } = useParams({ strict: false }) as { jobId: string }
  return <JobDetailScreen deploymentId={useDeploymentId()} jobName={jobId} />
}
