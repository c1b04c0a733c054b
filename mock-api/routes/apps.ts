import { CATALOG, sovereignApps } from '../sim/catalog.ts'
import type { ApiRouter } from './types.ts'

export function appRoutes(r: ApiRouter): void {
  r.add('GET', 'sovereign/apps', (ctx) => {
    if (!ctx.requireSession()) return
    if (ctx.host.mode !== 'sovereign') return ctx.json(404, { error: 'not-a-sovereign' })
    const rec = ctx.host.rec
    ctx.json(200, { apps: sovereignApps(ctx.sim.timeline(rec), ctx.sim.now(), rec.mut) })
  })

  r.add('GET', 'catalog', (ctx) => {
    if (!ctx.requireSession()) return
    ctx.json(200, { items: CATALOG })
  })

  r.add('GET', 'catalog/:name', (ctx) => {
    if (!ctx.requireSession()) return
    const item = CATALOG.find((c) => c.name === ctx.params.name)
    if (!item) {
      return ctx.json(404, {
        error: 'blueprint_not_found',
        status: 404,
        code: '404',
        message: `blueprint ${ctx.params.name} not found`,
      })
    }
    ctx.json(200, item)
  })
}
