import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function DeploymentsScreen() {
  return <PageHeader title="Deployments" description="Every Sovereign this mothership provisions." />
}
