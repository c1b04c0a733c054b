import type { K8sResource } from '../../src/contracts/k8s.ts'
import { k8sObjectsAt } from '../sim/k8sResources.ts'
import type { ApiRouter } from './types.ts'

/** kubectl's names for the resources the list serves: plural, singular, short name (case-insensitive). */
const NAMES: Record<string, K8sResource> = {}
for (const [resource, ...names] of [
  ['services', 'service', 'svc'],
  ['ingresses', 'ingress', 'ing'],
  ['httproutes', 'httproute'],
  ['dnszones', 'dnszone'],
  ['storageclasses', 'storageclass', 'sc'],
] as [K8sResource, ...string[]][])
  for (const n of [resource, ...names]) NAMES[n] = resource

export function k8sRoutes(r: ApiRouter): void {
  // The kubectl-like browser's list (contract §2.15), here only for the kinds the cloud lists show.
  r.add('GET', 'sovereigns/:id/k8s/list', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment('detail')
    if (!rec) return
    const raw = ctx.query.get('kind') ?? ''
    const resource = NAMES[raw.toLowerCase()]
    if (!resource)
      return ctx.json(400, {
        error: 'unknown-kind',
        detail: raw ? `the server doesn't have a resource type "${raw.slice(0, 64)}"` : 'kind is required',
      })
    const items = k8sObjectsAt(ctx.sim.timeline(rec), ctx.sim.now(), rec.mut)[resource]
    ctx.json(200, { items, count: items.length })
  })
}
