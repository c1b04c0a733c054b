/**
 * Each page's loader: the first query it shows, started while its lazy screen loads (see pageLoader.ts).
 * This module is loaded on the first navigation, and each loader imports only its own query options (they
 * come with their zod schemas), so a first visit to `/deployments` fetches no topology or treemap code. The
 * chunks are the ones the screens import anyway: nothing is fetched twice.
 */
import type { QueryClient } from '@tanstack/react-query'
import { deploymentsQueryOptions } from '../entities/deployment/deploymentQueries.ts'
import type { ModeInfo } from '../lib/mode.ts'
import type { LoaderArgs } from './pageLoader.ts'

export interface PageLoad {
  queryClient: QueryClient
  mode: ModeInfo
  deploymentId: string
  params: Readonly<Record<string, string>>
  search: Readonly<Record<string, unknown>>
}

/**
 * A loader that runs `start` (which calls `queryClient.prefetchQuery(…)`) without waiting for it. Pages
 * about a deployment get nothing to do when the id is missing or malformed (the page says so itself).
 */
export function prefetchFirst(
  start: (load: PageLoad) => Promise<unknown>,
  opts: { deployment?: boolean } = {},
) {
  const needsDeployment = opts.deployment ?? true
  return ({ context, params, location }: LoaderArgs): void => {
    const deploymentId = context.deploymentId ?? ''
    if (needsDeployment && (deploymentId === '' || context.malformedDeploymentId)) return
    const search = (location.search ?? {}) as Readonly<Record<string, unknown>>
    void start({ queryClient: context.queryClient, mode: context.mode, deploymentId, params, search })
  }
}

const global = { deployment: false }

export const pageLoaders = {
  /** `/deployments` and `/compare`: the list (its module is in the entry already, for the provision guard). */
  deployments: prefetchFirst(
    ({ queryClient }) => queryClient.prefetchQuery(deploymentsQueryOptions()),
    global,
  ),
  fleet: prefetchFirst(async ({ queryClient }) => {
    const { fleetQueryOptions } = await import('../entities/fleet/fleetQueries.ts')
    return queryClient.prefetchQuery(fleetQueryOptions())
  }, global),
  /** The jobs list, its timeline and graph. */
  jobs: prefetchFirst(async ({ queryClient, deploymentId }) => {
    const { jobsQueryOptions } = await import('../entities/job/jobQueries.ts')
    return queryClient.prefetchQuery(jobsQueryOptions(deploymentId))
  }),
  job: prefetchFirst(async ({ queryClient, deploymentId, params }) => {
    const { jobDetailQueryOptions } = await import('../entities/job/jobQueries.ts')
    return queryClient.prefetchQuery(jobDetailQueryOptions(deploymentId, params.jobId ?? ''))
  }),
  /** The treemap for the pivot the URL asks for (the same controls the screen reads). */
  dashboard: prefetchFirst(async ({ queryClient, deploymentId, mode, search }) => {
    const [{ treemapQueryOptions }, { readControls }, { treemapSearch }] = await Promise.all([
      import('../entities/treemap/treemapQueries.ts'),
      import('../entities/treemap/treemapControls.ts'),
      import('../entities/treemap/treemapSearch.ts'),
    ])
    const { layers, size, color } = readControls(treemapSearch.parse(search))
    const sendDeploymentId = mode.mode === 'mothership'
    return queryClient.prefetchQuery(
      treemapQueryOptions({ deploymentId, sendDeploymentId, layers, size, color }),
    )
  }),
  /** The cloud page and settings: the topology. */
  topology: prefetchFirst(async ({ queryClient, deploymentId }) => {
    const { topologyQueryOptions } = await import('../entities/topology/topologyQueries.ts')
    return queryClient.prefetchQuery(topologyQueryOptions(deploymentId))
  }),
  /** The apps list and an app's page: the catalog. */
  catalog: prefetchFirst(async ({ queryClient }) => {
    const { catalogQueryOptions } = await import('../entities/catalog/catalogQueries.ts')
    return queryClient.prefetchQuery(catalogQueryOptions())
  }),
  /** The user-access list, which its form pages need too (the record being edited comes from it). */
  userAccess: prefetchFirst(async ({ queryClient, mode, deploymentId }) => {
    const { userAccessQueryOptions } = await import('../entities/user-access/userAccessQueries.ts')
    return queryClient.prefetchQuery(userAccessQueryOptions(mode.mode, deploymentId))
  }),
}
