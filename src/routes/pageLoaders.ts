/**
 * Each page's loader: the first query it shows, started while its lazy screen loads (see pageLoader.ts).
 * This module is itself loaded on the first navigation (`pageLoader(name)`): the query options come with
 * their zod schemas, and the route table is in the entry chunk, which must stay small (issue 17: ≤ 125 kB
 * brotli with its preloads). Their chunks are the ones the screens import anyway, so nothing is fetched
 * twice. (One dynamic import per loader instead would load less on a first visit, but it moved the bundler's
 * chunk split and put 0.3 kB back into the entry: measured, 125.1 kB.)
 */
import { catalogQueryOptions } from '../entities/catalog/catalogQueries.ts'
import { deploymentsQueryOptions } from '../entities/deployment/deploymentQueries.ts'
import { fleetQueryOptions } from '../entities/fleet/fleetQueries.ts'
import { jobDetailQueryOptions, jobsQueryOptions } from '../entities/job/jobQueries.ts'
import { topologyQueryOptions } from '../entities/topology/topologyQueries.ts'
import { treemapQueryOptions } from '../entities/treemap/treemapQueries.ts'
import { treemapSearch } from '../entities/treemap/treemapSearch.ts'
import { readControls } from '../entities/treemap/treemapControls.ts'
import { userAccessQueryOptions } from '../entities/user-access/userAccessQueries.ts'
import type { QueryClient } from '@tanstack/react-query'
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
  fleet: prefetchFirst(({ queryClient }) => {
    return queryClient.prefetchQuery(fleetQueryOptions())
  }, global),
  /** The jobs list, its timeline and graph. */
  jobs: prefetchFirst(({ queryClient, deploymentId }) => {
    return queryClient.prefetchQuery(jobsQueryOptions(deploymentId))
  }),
  job: prefetchFirst(({ queryClient, deploymentId, params }) => {
    return queryClient.prefetchQuery(jobDetailQueryOptions(deploymentId, params.jobId ?? ''))
  }),
  /** The treemap for the pivot the URL asks for (the same controls the screen reads). */
  dashboard: prefetchFirst(({ queryClient, deploymentId, mode, search }) => {
    const { layers, size, color } = readControls(treemapSearch.parse(search))
    const sendDeploymentId = mode.mode === 'mothership'
    return queryClient.prefetchQuery(
      treemapQueryOptions({ deploymentId, sendDeploymentId, layers, size, color }),
    )
  }),
  /** The cloud page and settings: the topology. */
  topology: prefetchFirst(({ queryClient, deploymentId }) => {
    return queryClient.prefetchQuery(topologyQueryOptions(deploymentId))
  }),
  /** The apps list and an app's page: the catalog. */
  catalog: prefetchFirst(({ queryClient }) => {
    return queryClient.prefetchQuery(catalogQueryOptions())
  }),
  /** The user-access list, which its form pages need too (the record being edited comes from it). */
  userAccess: prefetchFirst(({ queryClient, mode, deploymentId }) => {
    return queryClient.prefetchQuery(userAccessQueryOptions(mode.mode, deploymentId))
  }),
}
