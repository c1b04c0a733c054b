import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function DashboardScreen() {
  return <PageHeader title="Dashboard" description="Where the workloads are." />
}
