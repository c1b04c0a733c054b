import {
  TREEMAP_COLOR_BY,
  TREEMAP_DIMENSIONS,
  TREEMAP_SIZE_BY,
  type TreemapColorBy,
  type TreemapDimension,
  type TreemapSizeBy,
} from '../../src/contracts/treemap.ts'
import { aggregateTreemap, podsAt } from '../sim/inventory.ts'
import type { ApiRouter } from './types.ts'

const HEALTH: Record<string, string> = {
  ready: 'green',
  adopted: 'green',
  'phase1-watching': 'yellow',
  provisioning: 'yellow',
  failed: 'red',
}

export function dashboardRoutes(r: ApiRouter): void {
  r.add('GET', 'dashboard/treemap', (ctx) => {
    if (!ctx.requireSession()) return
    const groupBy = (ctx.query.get('group_by') ?? 'application').split(',').map((s) => s.trim())
    if (
      groupBy.length === 0 ||
      groupBy.length > 8 ||
      groupBy.some((d) => !(TREEMAP_DIMENSIONS as readonly string[]).includes(d)) ||
      new Set(groupBy).size !== groupBy.length
    ) {
      return ctx.json(400, {
        error: 'invalid-group-by',
        detail: `group_by must be distinct values of ${TREEMAP_DIMENSIONS.join(', ')}`,
      })
    }
    const colorBy = ctx.query.get('color_by') ?? 'utilization'
    if (!(TREEMAP_COLOR_BY as readonly string[]).includes(colorBy)) {
      return ctx.json(400, {
        error: 'invalid-color-by',
        detail: `color_by must be one of ${TREEMAP_COLOR_BY.join(', ')}`,
      })
    }
    const sizeBy = ctx.query.get('size_by') ?? 'cpu_request'
    if (!(TREEMAP_SIZE_BY as readonly string[]).includes(sizeBy)) {
      return ctx.json(400, {
        error: 'invalid-size-by',
        detail: `size_by must be one of ${TREEMAP_SIZE_BY.join(', ')}`,
      })
    }
    const id = ctx.host.mode === 'sovereign' ? ctx.host.rec.spec.id : (ctx.query.get('deployment_id') ?? '')
    const rec = ctx.sim.record(id)
    // Unknown deployment or nothing cached yet: 200 with an empty list, not 404 (contract §5).
    if (!rec || !ctx.canSee(rec)) return ctx.json(200, { items: [], total_count: 0 })
    const now = ctx.sim.now()
    const tl = ctx.sim.timeline(rec)
    ctx.json(
      200,
      aggregateTreemap(
        tl,
        podsAt(tl, now, rec.mut),
        {
          groupBy: groupBy as TreemapDimension[],
          colorBy: colorBy as TreemapColorBy,
          sizeBy: sizeBy as TreemapSizeBy,
        },
        now,
      ),
    )
  })

  /** One cell per Sovereign: sized by CPU requests, coloured by pod health. */
  r.add('GET', 'fleet/treemap', (ctx) => {
    if (!ctx.requireSession()) return
    if (ctx.host.mode === 'sovereign') return ctx.json(404, { error: 'not-found' })
    const now = ctx.sim.now()
    const items = ctx.sim
      .liveRecords()
      .filter((rec) => ctx.canSee(rec) && ctx.sim.status(rec) !== 'wiped')
      .map((rec) => {
        const tl = ctx.sim.timeline(rec)
        const pods = podsAt(tl, now, rec.mut).filter((p) => p.ownerKind !== 'Job')
        return {
          id: rec.spec.id,
          name: rec.spec.request.sovereignFQDN,
          count: pods.length,
          percentage: pods.length
            ? Math.round((pods.filter((p) => p.ready).length / pods.length) * 1000) / 10
            : null,
          size_value: Math.round(pods.reduce((s, p) => s + p.cpuRequest, 0) * 1000) / 1000,
        }
      })
      .sort((a, b) => b.size_value - a.size_value)
    ctx.json(200, { items, total_count: items.reduce((s, i) => s + i.count, 0) })
  })

  r.add('GET', 'fleet/sovereigns', (ctx) => {
    if (!ctx.requireSession()) return
    if (ctx.host.mode === 'sovereign') return ctx.json(404, { error: 'not-found' })
    const page = Math.max(1, Number(ctx.query.get('page') ?? '1') || 1)
    const pageSize = Math.min(500, Math.max(1, Number(ctx.query.get('pageSize') ?? '50') || 50))
    const all = ctx.sim
      .liveRecords()
      .filter((rec) => ctx.canSee(rec) && ctx.sim.status(rec) !== 'wiped')
      .map((rec) => {
        const status = ctx.sim.status(rec)
        const state = ctx.sim.state(rec, (f) => ctx.sovereignOrigin(f))
        const degraded = state.secondaryDegraded === true
        return {
          id: rec.spec.id,
          fqdn: rec.spec.request.sovereignFQDN,
          region: rec.spec.regions[0]!.cloudRegion,
          health: degraded ? 'yellow' : (HEALTH[status] ?? 'unknown'),
          providerType: rec.spec.request.provider,
          createdAt: new Date(rec.spec.createdAt).toISOString(),
          status,
          regions: rec.spec.regions.map((x) => x.key),
        }
      })
    ctx.json(200, {
      sovereigns: all.slice((page - 1) * pageSize, page * pageSize),
      total: all.length,
      page,
      pageSize,
    })
  })
}
