/**
 * Day-2 infrastructure requests the way catalyst-api handles them (Go `handler/infrastructure.go`): decode
 * the body strictly, check the handler's required fields, then write a Crossplane claim and an audit job.
 * Pure: a request + the claims written so far → the HTTP answer, the audit record and the new claims.
 *
 * The claims only record intent: the Crossplane Compositions do not exist yet upstream, so a claim sits
 * Pending and the topology does not change — exactly what the May backend shows.
 *
 * This file holds the request and plan shapes and the precheck; the steps live in `day2/` (issue 14: files
 * under ~450 lines): decodeStrict, planDay2, cascadeFor, submitDay2.
 */

export type Day2Request =
  | { op: 'add-region'; body: string }
  | { op: 'add-cluster'; regionId: string; body: string }
  | { op: 'add-vcluster'; clusterId: string; body: string }
  | { op: 'add-pool'; clusterId: string; body: string }
  | { op: 'update-pool'; poolId: string; body: string }
  | { op: 'add-lb'; body: string }
  | { op: 'add-peering'; body: string }
  | { op: 'add-firewall-rule'; firewallId: string; body: string }
  | { op: 'node-action'; nodeId: string; action: string }
  | { op: 'delete'; kind: string; id: string }

/** What the handler decided before it needs the cluster: a 400, or the claim it is about to write. */
export type Day2Plan =
  | { ok: false; status: number; json: Record<string, string> }
  | {
      ok: true
      verb: string
      kind: string
      slug: string
      action: string
      diff: string
      xrcKind: string
      xrcName: string
      spec: Record<string, unknown>
      patch: boolean
      remove: boolean
    }

export const bad = (error: string, detail: string): Day2Plan => ({
  ok: false,
  status: 400,
  json: { error, detail },
})

export const XRC_KIND_OF: Record<string, string> = {
  regions: 'RegionClaim',
  region: 'RegionClaim',
  clusters: 'ClusterClaim',
  cluster: 'ClusterClaim',
  vclusters: 'VClusterClaim',
  vcluster: 'VClusterClaim',
  pools: 'NodePoolClaim',
  pool: 'NodePoolClaim',
  nodepools: 'NodePoolClaim',
  nodepool: 'NodePoolClaim',
  loadbalancers: 'LoadBalancerClaim',
  loadbalancer: 'LoadBalancerClaim',
  lb: 'LoadBalancerClaim',
  peerings: 'PeeringClaim',
  peering: 'PeeringClaim',
  firewalls: 'FirewallRuleClaim',
  firewall: 'FirewallRuleClaim',
  firewallrules: 'FirewallRuleClaim',
  firewallrule: 'FirewallRuleClaim',
  nodes: 'NodeActionClaim',
  node: 'NodeActionClaim',
}

/** Checks done before the deployment is even looked up (an unknown kind or node action). */
export function precheckDay2(req: Day2Request): Day2Plan | undefined {
  if (req.op === 'delete' && !XRC_KIND_OF[req.kind.toLowerCase()])
    return bad('unknown-kind', `unsupported resource kind: ${req.kind.toLowerCase()}`)
  if (req.op === 'node-action' && !['cordon', 'drain', 'replace'].includes(req.action.toLowerCase()))
    return bad('unsupported-action', 'action must be cordon|drain|replace')
  return undefined
}
