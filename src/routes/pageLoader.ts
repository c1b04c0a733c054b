/**
 * Route loaders that start each page's first query while the page's lazy screen is still loading (and,
 * with `defaultPreload: 'intent'`, when a link to it is hovered), so the screen's `useQuery` finds the
 * request already in flight instead of starting it after the chunk arrived. Never awaited: the screen
 * keeps its own skeleton and its own error state with a Retry, and a failed prefetch is simply asked for
 * again by the screen. Only this wrapper is in the entry chunk; what each page starts is in pageLoaders.ts.
 */
import type { QueryClient } from '@tanstack/react-query'
import type { ModeInfo } from '../lib/mode.ts'
import type { pageLoaders } from './pageLoaders.ts'

/** What a page's loader sees: the router context plus what its deployment parent resolved. */
export interface PageContext {
  queryClient: QueryClient
  mode: ModeInfo
  /** The mothership's `$deploymentId`, or the Sovereign's own id from `/sovereign/self`. */
  deploymentId?: string
  malformedDeploymentId?: boolean
}

export interface LoaderArgs {
  context: PageContext
  params: Readonly<Record<string, string>>
  location: { search: unknown }
}

/**
 * The route table's loader for a page: loads `pageLoaders` (a small chunk, fetched once) and runs the
 * page's entry. Returns at once, like every loader here.
 */
export function pageLoader(name: keyof typeof pageLoaders) {
  return (args: LoaderArgs): void => {
    void import('./pageLoaders.ts').then((m) => m.pageLoaders[name](args))
  }
}
