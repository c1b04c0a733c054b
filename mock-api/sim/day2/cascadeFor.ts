/**
 * The cascade preview of a Day-2 delete, out of `day2.ts` (issue 14: files under ~450 lines).
 */
import type { InfrastructureWire } from '../../../src/contracts/topology.ts'

export interface CascadeImpact {
  kind: string
  id: string
  name: string
  note?: string
}

/**
 * What a delete takes with it, from the live topology (Go `infrastructure/topology_loader.go` CascadeFor).
 * Only the singular kinds are expanded there (`region`, `cluster`, `pool`/`nodepool`); any other request
 * gets the one "no observable child resources" row, as upstream.
 */
export function cascadeFor(kind: string, id: string, topo: InfrastructureWire): CascadeImpact[] {
  const out: CascadeImpact[] = []
  const regions = topo.topology?.regions ?? []
  switch (kind.toLowerCase()) {
    case 'region':
      for (const rg of regions) {
        if (rg.id !== id) continue
        for (const c of rg.clusters ?? []) {
          out.push({ kind: 'cluster', id: c.id, name: c.name, note: 'cluster will drain + be reaped' })
          for (const np of c.nodePools ?? [])
            out.push({ kind: 'nodePool', id: np.id, name: np.name ?? '', note: 'node pool will be deleted' })
          for (const n of c.nodes ?? [])
            out.push({ kind: 'node', id: n.id, name: n.name, note: 'workloads will be drained' })
          for (const lb of c.loadBalancers ?? [])
            out.push({ kind: 'lb', id: lb.id, name: lb.name ?? '', note: 'load balancer will be released' })
        }
        for (const n of rg.networks ?? []) {
          out.push({
            kind: 'network',
            id: n.id,
            name: n.name ?? '',
            note: 'VPC will be released; peerings disconnected',
          })
          for (const p of n.peerings ?? [])
            out.push({ kind: 'peering', id: p.id, name: p.name ?? '', note: 'peering will be torn down' })
        }
      }
      break
    case 'cluster':
      for (const rg of regions)
        for (const c of rg.clusters ?? []) {
          if (c.id !== id) continue
          for (const np of c.nodePools ?? []) out.push({ kind: 'nodePool', id: np.id, name: np.name ?? '' })
          for (const n of c.nodes ?? []) out.push({ kind: 'node', id: n.id, name: n.name })
          for (const lb of c.loadBalancers ?? []) out.push({ kind: 'lb', id: lb.id, name: lb.name ?? '' })
        }
      break
    case 'nodepool':
    case 'pool':
      for (const rg of regions)
        for (const c of rg.clusters ?? [])
          for (const np of c.nodePools ?? []) {
            if (np.id !== id) continue
            for (const n of c.nodes ?? [])
              if (n.nodePoolID === np.id)
                out.push({ kind: 'node', id: n.id, name: n.name, note: 'node will be drained + cordoned' })
          }
      break
  }
  if (out.length === 0)
    out.push({
      kind,
      id,
      name: id,
      note: 'no observable child resources — proceeding will reap the underlying cloud resources',
    })
  return out
}
