/**
 * What the Settings page shows, derived without React: the deployment's result values per region (from the
 * record, completed by the infrastructure topology where the record has no per-region field), and the
 * console's own words for every refusal of the Settings actions (a raw code is never shown).
 */
import type { DeploymentState } from '../../contracts/deployments.ts'
import type { Infrastructure } from '../../contracts/topology.ts'
import { errorMessage, isApiError } from '../../lib/http.ts'

export interface RegionSetting {
  /** The region key (`fsn1`, `nbg1-1`): the primary's is its cloud region. */
  key: string
  primary: boolean
  cloudRegion: string
  controlPlaneSku: string | undefined
  workerSku: string | undefined
  workerCount: number | undefined
  controlPlaneIP: string | undefined
  loadBalancerIP: string | undefined
  /** `?region=` of the kubeconfig download: the primary has none (contract §2.4). */
  kubeconfigRegion: string | undefined
}

type Topology = Pick<Infrastructure, 'topology'>

/** One row per region, primary first, in the request's order. */
export function regionSettings(state: DeploymentState, infra?: Topology): RegionSetting[] {
  const topo = infra?.topology.regions ?? []
  const result = state.result
  const health = state.regions.length > 0 ? state.regions : (result?.regions ?? [])
  const keys: { key: string; primary: boolean }[] =
    health.length > 0
      ? health.map((h) => ({ key: h.region, primary: h.primary }))
      : topo.length > 0
        ? topo.map((r, i) => ({ key: r.name || r.id, primary: i === 0 }))
        : [{ key: state.region, primary: true }]
  // The record lists regions in request order with the primary first; keep the primary on top regardless.
  keys.sort((a, b) => Number(b.primary) - Number(a.primary))
  return keys.map(({ key, primary }, i) => {
    const region = topo.find((r) => r.name === key || r.id === `region-${key}`)
    const clusters = region?.clusters ?? []
    const cpNode = clusters.flatMap((c) => c.nodes).find((n) => n.role === 'control-plane' && n.ip)
    const lb = clusters.flatMap((c) => c.loadBalancers).find((l) => l.publicIP)
    const workerPool = clusters.flatMap((c) => c.nodePools).find((p) => p.role === 'worker')
    return {
      key,
      primary,
      cloudRegion: region?.providerRegion || (primary ? state.region : key.replace(/-\d+$/, '')),
      controlPlaneSku:
        state.regionControlPlaneSizes[i] || region?.skuCp || (primary ? state.controlPlaneSize : undefined),
      workerSku: region?.skuWorker || workerPool?.sku || undefined,
      workerCount: region ? region.workerCount : workerPool?.desiredSize,
      controlPlaneIP: (primary ? result?.controlPlaneIP : undefined) || cpNode?.ip || undefined,
      loadBalancerIP: (primary ? result?.loadBalancerIP : undefined) || lb?.publicIP || undefined,
      kubeconfigRegion: primary ? undefined : key,
    }
  })
}

/** Pool subdomain or bring-your-own domain, in words. */
export function domainModeText(state: DeploymentState): string {
  if (state.sovereignDomainMode === 'byo')
    return `Your own domain${state.sovereignByoDomain ? ` (${state.sovereignByoDomain})` : ''}`
  if (state.sovereignDomainMode === 'pool' || state.sovereignPoolDomain)
    return `Pool subdomain${state.sovereignSubdomain && state.sovereignPoolDomain ? ` (${state.sovereignSubdomain} of ${state.sovereignPoolDomain})` : ''}`
  return state.sovereignDomainMode || 'Not recorded'
}

/** The kubeconfig download's refusals in words (contract §2.4; 409 `not-implemented` means "not yet"). */
export function kubeconfigErrorText(e: unknown, region: string): string {
  if (isApiError(e)) {
    if (e.status === 409 && e.code === 'not-implemented')
      return `Not yet: ${region}'s control plane has not sent its kubeconfig back. Cloud-init does this a few minutes after the server boots; try again shortly.`
    if (e.status === 409 && e.code === 'kubeconfig-file-missing')
      return `The kubeconfig of ${region} arrived once but its file is gone from catalyst-api's storage. Fetch it from the control plane over SSH (see the provisioning runbook).`
    if (e.status === 503)
      return 'catalyst-api has no kubeconfig storage configured, so no kubeconfig can be downloaded from it.'
    if (e.status === 404) return 'This deployment no longer exists on the API.'
  }
  return `The kubeconfig of ${region} could not be downloaded: ${errorMessage(e)}`
}

/** `POST /refresh-watch` refusals (409 `watch-not-resumable`, 504 `seed-timeout`). */
export function refreshWatchErrorText(e: unknown): string {
  if (isApiError(e)) {
    if (e.status === 409 && e.code === 'watch-not-resumable')
      return 'The watch cannot be re-attached: catalyst-api has no kubeconfig for this deployment (Phase 0 has not finished, cloud-init never sent it back, or the cluster was wiped).'
    if (e.status === 504)
      return 'A watcher started but the cluster did not answer its first listing within 30 s. It keeps trying: the component states fill in once the cluster answers.'
  }
  return `The watch could not be refreshed: ${errorMessage(e)}`
}
