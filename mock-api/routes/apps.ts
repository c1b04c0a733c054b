import { PublishRequest } from '../../src/contracts/apps.ts'
import { CATALOG, sovereignApps } from '../sim/catalog.ts'
import type { ApiRouter } from './types.ts'

export function appRoutes(r: ApiRouter): void {
  r.add('GET', 'sovereign/apps', (ctx) => {
    if (!ctx.requireSession()) return
    if (ctx.host.mode !== 'sovereign') return ctx.json(404, { error: 'not-a-sovereign' })
    const rec = ctx.host.rec
    ctx.json(200, { apps: sovereignApps(ctx.sim.timeline(rec), ctx.sim.now(), rec.mut) })
  })

  // The marketplace publish toggle of one app on this Sovereign; answers the app row as GET lists it.
  r.add('PATCH', 'sovereign/apps/:slug/publish', async (ctx) => {
    if (!ctx.requireTier('app.publish')) return
    if (ctx.host.mode !== 'sovereign') return ctx.json(404, { error: 'not-a-sovereign' })
    const rec = ctx.host.rec
    const slug = ctx.params.slug!.replace(/^bp-/, '')
    const known = () =>
      sovereignApps(ctx.sim.timeline(rec), ctx.sim.now(), rec.mut).find((a) => a.slug === slug)
    if (!known()) {
      ctx.req.resume()
      return ctx.json(404, { error: 'app-not-found', detail: `no app ${slug} on this Sovereign` })
    }
    const body = await ctx.body(PublishRequest)
    if (!body) return
    ctx.sim.publish(rec, slug, body.published)
    ctx.json(200, known())
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
