import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function JobDetailScreen({ jobName }: { deploymentId: string; jobName: string }) {
  return <PageHeader title={jobName} description="One job and its logs." />
}
