import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function AppsScreen() {
  return <PageHeader title="Applications" description="Installed blueprints." />
}
