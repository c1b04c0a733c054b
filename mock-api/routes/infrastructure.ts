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
    const rec = ctx.deployment('detail')
    if (rec) ctx.json(200, topology(ctx, rec))
  })

  // The chroot form the upstream UI reads on a Sovereign (same shape).
  r.add('GET', 'sovereign/topology', (ctx) => {
    if (!ctx.requireSession()) return
    if (ctx.host.mode !== 'sovereign') return ctx.json(404, { error: 'not-a-sovereign' })
    ctx.json(200, topology(ctx, ctx.host.rec))
  })

  // The three legacy views keep Go's own flat shapes (`handler/infrastructure.go`), not the topology's.
  r.add('GET', 'deployments/:id/infrastructure/compute', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment('detail')
    if (!rec) return
    const regions = topology(ctx, rec).topology?.regions ?? []
    const clusters = regions.flatMap((x) => (x.clusters ?? []).map((c) => ({ c, region: x.name ?? '' })))
    ctx.json(200, {
      clusters: clusters.map(({ c, region }) => ({
        id: c.id,
        name: c.name,
        controlPlane: 'k3s',
        version: c.version ?? '',
        region,
        nodeCount: c.nodeCount ?? 0,
        status: c.status ?? 'unknown',
      })),
      nodes: clusters.flatMap(({ c }) =>
        (c.nodes ?? []).map((n) => ({
          id: n.id,
          name: n.name,
          sku: n.sku ?? '',
          region: n.region ?? '',
          role: n.role ?? '',
          ip: n.ip ?? '',
          status: n.status ?? 'unknown',
        })),
      ),
    })
  })

  r.add('GET', 'deployments/:id/infrastructure/storage', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment('detail')
    if (rec) ctx.json(200, topology(ctx, rec).storage)
  })

  r.add('GET', 'deployments/:id/infrastructure/network', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment('detail')
    if (!rec) return
    const regions = topology(ctx, rec).topology?.regions ?? []
    const peerings = new Map(
      regions.flatMap((x) => x.networks ?? []).flatMap((n) => (n.peerings ?? []).map((p) => [p.id, p])),
    )
    ctx.json(200, {
      loadBalancers: regions
        .flatMap((x) => x.clusters ?? [])
        .flatMap((c) => c.loadBalancers ?? [])
        .map((lb) => ({
          id: lb.id,
          name: lb.name ?? '',
          publicIP: lb.publicIP ?? '',
          ports: lb.ports ?? '',
          targetHealth: lb.targetHealth ?? '',
          region: lb.region ?? '',
          status: lb.status ?? 'unknown',
        })),
      // Hetzner has no dynamic routing gateways; Go always answers an empty list.
      drgs: [],
      peerings: [...peerings.values()],
    })
  })
}
