import type { QueryClient } from '@tanstack/react-query'
import { createRouter } from '@tanstack/react-router'
import { Skeleton } from './components/States.tsx'
import { RouteErrorScreen, ShellNotFound } from './features/shell/SystemScreens.tsx'
import { parseSearch, stringifySearch, type Search } from './lib/links.ts'
import type { ModeInfo } from './lib/mode.ts'
import { buildRouteTree } from './routes/routeTable.tsx'

/**
 * The router for this page's mode. Search params are plain strings (`?sort=started&dir=desc`,
 * `?folded=a:b,c`), serialised by the same functions the link builder uses. `defaultPreloadStaleTime: 0`
 * because React Query owns caching.
 */
export function createAppRouter(queryClient: QueryClient, mode: ModeInfo) {
  return createRouter({
    routeTree: buildRouteTree(mode),
    basepath: mode.basepath || '/',
    context: { queryClient, mode },
    parseSearch: (s) => parseSearch(s),
    stringifySearch: (s) => stringifySearch(s as Search),
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: () => <Skeleton rows={6} />,
    defaultPendingMs: 150,
    defaultErrorComponent: RouteErrorScreen,
    defaultNotFoundComponent: ShellNotFound,
    scrollRestoration: true,
  })
}

export type AppRouter = ReturnType<typeof createAppRouter>
