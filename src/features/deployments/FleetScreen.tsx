import type { ReactNode } from 'react'
import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function FleetScreen({ treemap }: { treemap?: ReactNode }) {
  return (
    <>
      <PageHeader title="Fleet" description="Every Sovereign at a glance." />
      {treemap}
    </>
  )
}
