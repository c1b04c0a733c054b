import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useSyncExternalStore } from 'react'
import { catalogQueryOptions } from '../../entities/catalog/catalogQueries.ts'
import { cachedDeploymentOrgs } from '../../entities/deployment/cachedDeploymentOrgs.ts'
import { deploymentsQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { jobsQueryOptions } from '../../entities/job/jobQueries.ts'
import { useAllows } from '../../entities/session/sessionTier.ts'
import { useDeploymentId } from '../../lib/deploymentScope.ts'
import { useMode } from '../../lib/modeContext.tsx'
import { surfaceAvailable } from '../../lib/surfaces.ts'
import { resolvedTheme, subscribeTheme } from '../../lib/theme.ts'
import {
  actionEntries,
  appEntries,
  deploymentEntries,
  jobEntries,
  pageEntries,
  type PaletteEntry,
} from './paletteItems.ts'

/** One data source of the palette, for its loading and error lines. */
export interface PaletteSource {
  name: string
  pending: boolean
  error: unknown
  retry: () => void
}

/**
 * Everything the palette offers right now, from the entities' queries (shared with the pages: the palette
 * mostly reads what is cached). Mounted only while the palette is open, so nothing polls behind it.
 */
export function usePaletteEntries(): { entries: PaletteEntry[]; sources: PaletteSource[] } {
  const mode = useMode().mode
  const deploymentId = useDeploymentId()
  const theme = useSyncExternalStore(subscribeTheme, resolvedTheme, () => 'dark' as const)
  const queryClient = useQueryClient()
  const listed = surfaceAvailable('deploymentsList', mode)
  const deployments = useQuery({ ...deploymentsQueryOptions(), enabled: listed })
  const jobs = useQuery(jobsQueryOptions(deploymentId))
  const catalog = useQuery({ ...catalogQueryOptions(), enabled: deploymentId !== '' })

  const allows = useAllows()
  const fixed = useMemo(
    () => [
      ...actionEntries(mode, { deploymentId, theme, allows }),
      ...pageEntries(mode, deploymentId, allows),
    ],
    [mode, deploymentId, theme, allows],
  )
  const deploymentItems = useMemo(
    () =>
      deployments.data
        ? deploymentEntries(deployments.data, cachedDeploymentOrgs(queryClient))
        : ([] as PaletteEntry[]),
    [deployments.data, queryClient],
  )
  const jobItems = useMemo(
    () => (jobs.data ? jobEntries(deploymentId, jobs.data) : ([] as PaletteEntry[])),
    [jobs.data, deploymentId],
  )
  const appItems = useMemo(
    () => (catalog.data && deploymentId ? appEntries(deploymentId, catalog.data) : ([] as PaletteEntry[])),
    [catalog.data, deploymentId],
  )
  const entries = useMemo(
    () => [...fixed, ...deploymentItems, ...jobItems, ...appItems],
    [fixed, deploymentItems, jobItems, appItems],
  )

  const sources: PaletteSource[] = []
  if (listed)
    sources.push({
      name: 'Deployments',
      pending: deployments.isPending,
      error: deployments.error,
      retry: () => void deployments.refetch(),
    })
  if (deploymentId) {
    sources.push({
      name: 'Jobs',
      pending: jobs.isPending,
      error: jobs.error,
      retry: () => void jobs.refetch(),
    })
    sources.push({
      name: 'Apps',
      pending: catalog.isPending,
      error: catalog.error,
      retry: () => void catalog.refetch(),
    })
  }
  return { entries, sources }
}
