import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function JobsTimelineScreen() {
  return <PageHeader title="Jobs timeline" description="When each job ran." />
}
