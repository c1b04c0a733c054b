/**
 * Creating deployments, out of `simulator.ts` (issue 14: files under ~450 lines): the pool-domain-manager's
 * FQDN check and the bodies of `Simulator.create` / `createMock`. The class keeps the id counter and
 * passes its `newId`, so ids are drawn in the same order as before.
 */
import type { DeploymentRequest } from '../../../src/contracts/deployments.ts'
import type { MockCreateDeploymentRequest } from '../../../src/contracts/mockControl.ts'
import { hashString } from '../rng.ts'
import { regionPlans, type DeploymentSpec } from '../timeline/index.ts'
import type { DeploymentRecord, Outcome, Simulator } from '../simulator.ts'
import { syntheticRequest } from './syntheticRequest.ts'

/** `Simulator.fqdnHolder`: who holds a FQDN at the pool-domain-manager (see there). */
export function fqdnHolderOf(sim: Simulator, fqdn: string): 'reserved' | 'active' | undefined {
  const lower = fqdn.toLowerCase()
  let holder: 'reserved' | 'active' | undefined
  for (const r of sim.liveRecords()) {
    if (r.spec.request.sovereignFQDN.toLowerCase() !== lower) continue
    const status = sim.status(r)
    if (status === 'wiped' || status === 'wiping') continue
    const tl = sim.timeline(r)
    const committed = (tl.byName.get('tofu-output')?.attempts ?? []).some((a) => a.ok && a.end <= sim.now())
    if (status === 'failed' && !committed) continue
    if (committed) return 'active'
    holder = 'reserved'
  }
  return holder
}

/** `Simulator.create`: `POST /deployments`, already validated (see there). */
export function createDeployment(
  sim: Simulator,
  request: DeploymentRequest,
  ownerEmail: string,
  newId: () => string,
): Outcome<DeploymentRecord> {
  if (request.sovereignDomainMode === 'pool' && sim.fqdnHolder(request.sovereignFQDN))
    return {
      ok: false,
      status: 409,
      json: {
        error: 'subdomain-conflict',
        detail: 'this subdomain has been reserved or activated for the chosen pool — pick a different name',
      },
    }
  const id = newId()
  const spec: DeploymentSpec = {
    id,
    createdAt: sim.now(),
    seed: hashString(id),
    scenario: sim.defaultScenario,
    request,
    ownerEmail: ownerEmail.toLowerCase(),
    regions: regionPlans(request),
    extraChartsPerRegion: 0,
    extraPods: 0,
  }
  return { ok: true, value: sim.insert(spec) }
}

/** `Simulator.createMock`: a deployment of a named scenario, optionally started `ageMs` in the past. */
export function createMockDeployment(
  sim: Simulator,
  input: MockCreateDeploymentRequest & { id?: string },
  newId: () => string,
): DeploymentRecord {
  const regions = input.regions ?? ['fsn1', 'nbg1', 'hel1']
  const id = input.id ?? newId()
  const fqdn = input.sovereignFQDN ?? `sim-${id.slice(0, 6)}.omani.works`
  const owner = (input.ownerEmail ?? 'ops@omani.works').toLowerCase()
  const request = syntheticRequest(fqdn, owner, regions, input.orgName)
  const spec: DeploymentSpec = {
    id,
    createdAt: sim.now() - (input.ageMs ?? 0),
    seed: hashString(id),
    scenario: input.scenario ?? 'healthy',
    request,
    ownerEmail: owner,
    regions: regionPlans(request),
    failChart: input.failChart,
    extraChartsPerRegion: input.extraChartsPerRegion ?? 0,
    extraPods: input.extraPods ?? 0,
  }
  return sim.insert(spec)
}
