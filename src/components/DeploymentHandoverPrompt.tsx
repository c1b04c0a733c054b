import { useQuery } from '@tanstack/react-query'
import { deploymentQueryOptions } from '../entities/deployment/deploymentQueries.ts'
import { useSurface } from '../lib/modeContext.tsx'
import { HandoverBanner } from './HandoverBanner.tsx'

/**
 * The handover prompt where operators watch a run besides its overview (the Apps and Jobs pages, as
 * upstream fired it there — regression 51): once the record offers a handover, the banner with its
 * 5 s redirect and "Stay", once per deployment (shared with the overview). Never on a Sovereign (the
 * `handover` surface), never for an adopted one (no longer `ready`).
 */
export function DeploymentHandoverPrompt({ deploymentId }: { deploymentId: string }) {
  const offered = useSurface('handover')
  const state = useQuery({ ...deploymentQueryOptions(deploymentId), enabled: offered && deploymentId !== '' })
  const data = state.data
  if (!offered || !data || data.status !== 'ready' || data.adoptedAt || !data.handoverOffered) return null
  return <HandoverBanner deploymentId={data.id} fqdn={data.sovereignFQDN || data.id} afterPrompt="hide" />
}
