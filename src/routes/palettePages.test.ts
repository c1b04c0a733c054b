import { QueryClient } from '@tanstack/react-query'
import { createMemoryHistory, createRouter } from '@tanstack/react-router'
import { describe, expect, it } from 'vitest'
import { actionEntries, pageEntries } from '../features/palette/paletteItems.ts'
import { linkTo } from '../lib/links.ts'
import { detectMode, type ConsoleMode } from '../lib/mode.ts'
import { buildRouteTree } from './routeTable.tsx'

const DEP = 'a43364f11c10cde3'

function routerFor(mode: ConsoleMode) {
  const info = detectMode({
    host: mode === 'sovereign' ? 'console.t126.omani.works' : 'localhost',
    pathname: '/',
  })
  return createRouter({
    routeTree: buildRouteTree(info),
    history: createMemoryHistory({ initialEntries: ['/'] }),
    context: { queryClient: new QueryClient(), mode: info },
  })
}

/**
 * "Every page of the route table the console has": each titled page of the signed-in tree is offered by
 * the palette as a page or an action — except the ones that need a second id (a job, an app, a user),
 * which the palette reaches through its job and app items.
 */
describe.each<ConsoleMode>(['mothership', 'sovereign'])('palette pages cover the %s route table', (mode) => {
  it('every titled signed-in page is one palette entry away', () => {
    const router = routerFor(mode)
    const pages = Object.values(
      router.routesById as Record<string, { id: string; options: { staticData?: { title?: string } } }>,
    )
      .filter((r) => r.id.startsWith('/authed/') && r.options.staticData?.title)
      .map((r) => r.id)
      .filter((id) => !/\$(jobId|componentId|name)$/.test(id))
    const offered = [...pageEntries(mode, DEP), ...actionEntries(mode, { deploymentId: DEP, theme: 'dark' })]
      .flatMap((e) => ('go' in e.run ? [linkTo(mode, e.run.go)] : []))
      .map((href) => {
        const m = router.matchRoutes(href.split('?')[0]!, {})
        return m[m.length - 1]?.routeId
      })
    expect(pages.length).toBeGreaterThan(5)
    expect(pages.filter((p) => !offered.includes(p as never))).toEqual([])
  })
})
