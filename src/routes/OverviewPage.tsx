import { OverviewScreen } from '../features/deployments/overview/OverviewScreen.tsx'
import { RootCausePanel } from '../features/jobs/rootCause/RootCausePanel.tsx'
import { useDeploymentId } from '../lib/deploymentScope.ts'

/** `/provision/$deploymentId`: the overview, with the root cause (jobs feature) composed in. */
export function OverviewPage() {
  const deploymentId = useDeploymentId()
  return <OverviewScreen insights={<RootCausePanel deploymentId={deploymentId} />} />
}
