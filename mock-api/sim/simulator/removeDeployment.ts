/**
 * Removing a deployment, out of `simulator.ts` (issue 14: files under ~450 lines): the bodies of
 * `Simulator.deleteRecord` (record only) and `Simulator.beginWipe` (the cloud too). The class passes its
 * private `touch` so the cached timeline is invalidated exactly as before.
 */
import { topologyAt, wipeInventory } from '../topology.ts'
import type { DeploymentRecord, Outcome, Simulator } from '../simulator.ts'

const MIN = 60_000
const WIPE_MIN_AGE_MS = 30 * MIN
const REAP_AFTER_WIPE_MS = 60_000

/** `Simulator.deleteRecord`: `DELETE /deployments/{id}` (see there). */
export function deleteDeploymentRecord(
  sim: Simulator,
  rec: DeploymentRecord,
): Outcome<Record<string, unknown>> {
  const status = sim.status(rec)
  const base = { deploymentId: rec.spec.id, sovereignFQDN: rec.spec.request.sovereignFQDN }
  if (
    ['pending', 'provisioning', 'tofu-applying', 'flux-bootstrapping', 'phase1-watching', 'wiping'].includes(
      status,
    )
  ) {
    return {
      ok: false,
      status: 409,
      json: {
        ...base,
        error: 'deployment-in-flight',
        status,
        storeDeleted: false,
        localCleaned: false,
        mode: 'record-only',
        note: `Deployment is ${status}; wait for it to finish or wipe it instead.`,
      },
    }
  }
  if (status === 'adopted') {
    return {
      ok: false,
      status: 422,
      json: {
        ...base,
        error: 'deployment-adopted',
        status,
        note: 'The customer adopted this Sovereign; its record belongs to them now.',
      },
    }
  }
  rec.goneAt = sim.now()
  sim.userAccess.delete(rec.spec.id)
  return {
    ok: true,
    value: {
      ...base,
      storeDeleted: true,
      localCleaned: true,
      pdmReleased: rec.spec.request.sovereignDomainMode === 'pool',
      mode: 'record-only',
      note: 'Record removed from the mothership. Cloud resources were not touched and keep running.',
    },
  }
}

/** `Simulator.beginWipe`: first half of `POST /wipe` (see there). */
export function beginDeploymentWipe(
  sim: Simulator,
  rec: DeploymentRecord,
  force: boolean,
  touch: (rec: DeploymentRecord) => void,
): Outcome<{ finish: () => Record<string, unknown> }> {
  const now = sim.now()
  const status = sim.status(rec, now)
  if (status === 'wiping') return { ok: false, status: 409, text: 'wipe already in progress' }
  if (status === 'wiped')
    return { ok: false, status: 409, json: { error: 'already-wiped', deploymentId: rec.spec.id } }
  const ageMs = now - rec.spec.createdAt
  if (status === 'phase1-watching' && ageMs < WIPE_MIN_AGE_MS && !force) {
    return {
      ok: false,
      status: 409,
      json: {
        error: 'deployment-too-young',
        deploymentId: rec.spec.id,
        sovereignFQDN: rec.spec.request.sovereignFQDN,
        status,
        startedAt: new Date(rec.spec.createdAt).toISOString(),
        ageSec: Math.floor(ageMs / 1000),
        minLifeSec: WIPE_MIN_AGE_MS / 1000,
        retryAfterSec: Math.ceil((WIPE_MIN_AGE_MS - ageMs) / 1000),
        hint: 'Phase 1 is still installing; wiping now may orphan resources that are being created. Retry with ?force=true to wipe anyway.',
      },
    }
  }
  const counts = wipeInventory(topologyAt(sim.timeline(rec), now, rec.mut))
  rec.mut.wipe = { requestedAt: now, wipedAt: Infinity }
  touch(rec)
  return {
    ok: true,
    value: {
      finish: () => {
        // Same instant as the request is fine: the `wiped` change sorts after `wiping`.
        const at = Math.max(sim.now(), now)
        rec.mut.wipe = { requestedAt: now, wipedAt: at }
        rec.goneAt = at + REAP_AFTER_WIPE_MS
        touch(rec)
        sim.userAccess.delete(rec.spec.id)
        return {
          deploymentId: rec.spec.id,
          sovereignFQDN: rec.spec.request.sovereignFQDN,
          tofuDestroyed: true,
          hetznerPurge: {
            servers: counts.servers,
            load_balancers: counts.loadBalancers,
            networks: counts.networks,
            firewalls: counts.firewalls,
            ssh_keys: counts.servers > 0 ? 1 : 0,
            s3_buckets: counts.buckets,
            volumes: counts.volumes,
            primary_ips: counts.servers,
            floating_ips: 0,
            firewalls_retried: 0,
            errors: [],
          },
          pdmReleased: rec.spec.request.sovereignDomainMode === 'pool',
          localCleaned: true,
          errors: [],
          wipedAt: new Date(at).toISOString(),
        }
      },
    },
  }
}
