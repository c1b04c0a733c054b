import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function OverviewScreen() {
  return <PageHeader title="Deployment overview" description="Live status of one deployment." />
}
