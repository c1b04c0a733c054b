/**
 * Route loaders that start each page's first query while the page's lazy screen is still loading (and,
 * with `defaultPreload: 'intent'`, when a link to it is hovered), so the screen's `useQuery` finds the
 * request already in flight instead of starting it after the chunk arrived. Never awaited: the screen
 * keeps its own skeleton and its own error state with a Retry, and a failed prefetch is simply asked for
 * again by the screen.
 */
import type { QueryClient } from '@tanstack/react-query'
import type { ModeInfo } from '../lib/mode.ts'

/** What a page's loader sees: the router context plus what its deployment parent resolved. */
export interface PageContext {
  queryClient: QueryClient
  mode: ModeInfo
  /** The mothership's `$deploymentId`, or the Sovereign's own id from `/sovereign/self`. */
  deploymentId?: string
  malformedDeploymentId?: boolean
}

export interface PageLoad {
  queryClient: QueryClient
  mode: ModeInfo
  deploymentId: string
  params: Readonly<Record<string, string>>
  search: Readonly<Record<string, unknown>>
}

interface LoaderArgs {
  context: PageContext
  params: Readonly<Record<string, string>>
  location: { search: unknown }
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
