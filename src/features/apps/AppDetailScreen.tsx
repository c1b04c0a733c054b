import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function AppDetailScreen() {
  return <PageHeader title="Application" description="One application." />
}
