import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function UsersScreen() {
  return <PageHeader title="User access" description="Who can administer what." />
}
