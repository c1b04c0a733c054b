import { PageHeader } from '../../components/PageHeader.tsx'

/** Placeholder until the feature lands (tracked by its issue). */
export function WizardScreen() {
  return <PageHeader title="New deployment" description="Provision a new Sovereign." />
}
