/**
 * The complete request behind control-API and estate deployments, out of `simulator.ts` (issue 14: files
 * under ~450 lines); `createDeployment.ts` and `seedEstate.ts` both build theirs with it.
 */
import { DeploymentRequest } from '../../../src/contracts/deployments.ts'

const SKUS = { cp: 'cpx42', worker: 'cpx32' }

/**
 * A complete request for control-API and estate deployments. The FQDN and org name are kept verbatim after
 * validation of the rest, so security tests can inject hostile strings that the wizard would refuse.
 */
export function syntheticRequest(
  fqdn: string,
  owner: string,
  cloudRegions: string[],
  orgName?: string,
): DeploymentRequest {
  const [sub, ...pool] = fqdn.split('.')
  const poolDomain = pool.join('.')
  const byo = !['omani.works', 'openova.cloud'].includes(poolDomain)
  const parsed = DeploymentRequest.parse({
    orgName: 'placeholder',
    orgEmail: owner,
    sovereignFQDN: 'placeholder.example.com',
    sovereignDomainMode: byo ? 'byo' : 'pool',
    ...(byo ? { sovereignByoDomain: fqdn } : { sovereignPoolDomain: poolDomain, sovereignSubdomain: sub }),
    provider: 'hetzner',
    region: cloudRegions[0],
    controlPlaneSize: SKUS.cp,
    workerSize: SKUS.worker,
    workerCount: 2,
    storageClass: 'hcloud-volumes',
    bcpTopology: cloudRegions.length > 1 ? 'active-hotstandby' : 'single-region',
    regions: cloudRegions.map((cloudRegion, i) => ({
      provider: 'hetzner',
      cloudRegion,
      controlPlaneSize: SKUS.cp,
      workerSize: SKUS.worker,
      workerCount: i === 0 ? 3 : 2,
      storageClass: 'hcloud-volumes',
    })),
  })
  const org = orgName ?? `${(sub ?? 'org').charAt(0).toUpperCase()}${(sub ?? 'org').slice(1)} Ltd`
  return { ...parsed, sovereignFQDN: fqdn, orgName: org }
}
