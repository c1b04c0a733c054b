import { topologyAt } from '../sim/topology.ts'
import type { Ctx } from '../context.ts'
import type { DeploymentRecord } from '../sim/simulator.ts'
import type { ApiRouter } from './types.ts'

function topology(ctx: Ctx, rec: DeploymentRecord) {
  return topologyAt(ctx.sim.timeline(rec), ctx.sim.now(), rec.mut)
}

export function infrastructureRoutes(r: ApiRouter): void {
  r.add('GET', 'deployments/:id/infrastructure/topology', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment()
    if (rec) ctx.json(200, topology(ctx, rec))
  })

  // The chroot form the upstream UI reads on a Sovereign (same shape).
  r.add('GET', 'sovereign/topology', (ctx) => {
    if (!ctx.requireSession()) return
    if (ctx.host.mode !== 'sovereign') return ctx.json(404, { error: 'not-a-sovereign' })
    ctx.json(200, topology(ctx, ctx.host.rec))
  })

  r.add('GET', 'deployments/:id/infrastructure/compute', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment()
    if (!rec) return
    const clusters = (topology(ctx, rec).topology?.regions ?? []).flatMap((x) => x.clusters ?? [])
    ctx.json(200, {
      pools: clusters.flatMap((c) => c.nodePools ?? []),
      nodes: clusters.flatMap((c) => c.nodes ?? []),
    })
  })

  r.add('GET', 'deployments/:id/infrastructure/storage', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment()
    if (rec) ctx.json(200, topology(ctx, rec).storage)
  })

  r.add('GET', 'deployments/:id/infrastructure/network', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment()
    if (!rec) return
    const regions = topology(ctx, rec).topology?.regions ?? []
    const networks = regions.flatMap((x) => x.networks ?? [])
    ctx.json(200, {
      networks,
      loadBalancers: regions.flatMap((x) => x.clusters ?? []).flatMap((c) => c.loadBalancers ?? []),
      peerings: networks.flatMap((n) => n.peerings ?? []),
      firewalls: networks.map((n) => n.firewall).filter(Boolean),
    })
  })
}
