import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function FlowScreen({ deploymentId }: { deploymentId: string }) {
  return <PageHeader title="Provisioning graph" description={`The run of ${deploymentId} as a graph.`} />
}
