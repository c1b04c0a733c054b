import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function UserAccessScreen() {
  return <PageHeader title="Edit user access" description="Grants of one record." />
}
