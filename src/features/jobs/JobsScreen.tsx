import type { ReactNode } from 'react'
import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function JobsScreen({ deploymentId, graphView }: { deploymentId: string; graphView?: ReactNode }) {
  return (
    <>
      <PageHeader title="Jobs" description={`Every job of deployment ${deploymentId}.`} />
      {graphView}
    </>
  )
}
