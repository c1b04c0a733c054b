/**
 * Day-2 infrastructure requests (contract §2.8, Go `handler/infrastructure.go`). Each answers 202
 * `MutationResponse`: a Crossplane claim was written and a `mutation-<verb>-<kind>` job (batch
 * `day-2-mutations`) records it in the jobs API. Plain functions, for a screen to wrap in a mutation; the
 * bodies the console builds are checked against their strict schemas first (an unknown field is Go's 400).
 */
import {
  CreatePoolBody,
  CreateRegionBody,
  MutationResponse,
  PatchPoolBody,
  type CreateClusterBody,
  type CreateFirewallRuleBody,
  type CreateLoadBalancerBody,
  type CreatePeeringBody,
  type CreateVClusterBody,
  type NodeAction,
} from '../../contracts/topology.ts'
import { apiFetch } from '../../lib/http.ts'

const base = (deploymentId: string) => `/v1/deployments/${encodeURIComponent(deploymentId)}/infrastructure`
const seg = encodeURIComponent
const post = (path: string, body: unknown) => apiFetch(path, MutationResponse, { method: 'POST', body })

export const infrastructureMutations = {
  addRegion: (deploymentId: string, body: CreateRegionBody) =>
    post(`${base(deploymentId)}/regions`, CreateRegionBody.parse(body)),
  addCluster: (deploymentId: string, regionId: string, body: CreateClusterBody) =>
    post(`${base(deploymentId)}/regions/${seg(regionId)}/clusters`, body),
  addVCluster: (deploymentId: string, clusterId: string, body: CreateVClusterBody) =>
    post(`${base(deploymentId)}/clusters/${seg(clusterId)}/vclusters`, body),
  addPool: (deploymentId: string, clusterId: string, body: CreatePoolBody) =>
    post(`${base(deploymentId)}/clusters/${seg(clusterId)}/pools`, CreatePoolBody.parse(body)),
  /** Scale (`desiredSize`) and/or resize (`sku`) a node pool. */
  updatePool: (deploymentId: string, poolId: string, body: PatchPoolBody) =>
    apiFetch(`${base(deploymentId)}/pools/${seg(poolId)}`, MutationResponse, {
      method: 'PATCH',
      body: PatchPoolBody.parse(body),
    }),
  addLoadBalancer: (deploymentId: string, body: CreateLoadBalancerBody) =>
    post(`${base(deploymentId)}/loadbalancers`, body),
  addPeering: (deploymentId: string, body: CreatePeeringBody) => post(`${base(deploymentId)}/peerings`, body),
  addFirewallRule: (deploymentId: string, firewallId: string, body: CreateFirewallRuleBody) =>
    post(`${base(deploymentId)}/firewalls/${seg(firewallId)}/rules`, body),
  nodeAction: (deploymentId: string, nodeId: string, action: NodeAction) =>
    apiFetch(`${base(deploymentId)}/nodes/${seg(nodeId)}/${action}`, MutationResponse, { method: 'POST' }),
  /**
   * Deletes a claim; the answer's `cascade` lists what goes with it. Use the singular kind (`region`,
   * `cluster`, `pool`): the backend expands only those into child rows.
   */
  remove: (deploymentId: string, kind: string, id: string) =>
    apiFetch(`${base(deploymentId)}/${seg(kind)}/${seg(id)}`, MutationResponse, { method: 'DELETE' }),
}
