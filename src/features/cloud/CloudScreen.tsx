import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function CloudScreen() {
  return <PageHeader title="Cloud" description="Infrastructure per region." />
}
