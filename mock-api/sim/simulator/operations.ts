/**
 * The operations `routes/operations.ts` maps onto the simulator, out of `simulator.ts` (issue 14: files
 * under ~450 lines): the bodies of `Simulator.kubeconfigPutRefusal`, `refreshWatch` and `day2`. They only
 * read and mutate a record through the simulator's public methods.
 */
import type { Day2Plan } from '../day2.ts'
import { cascadeFor } from '../day2/cascadeFor.ts'
import { submitDay2 } from '../day2/submitDay2.ts'
import { topologyAt } from '../topology.ts'
import type { DeploymentRecord, Outcome, Refusal, Simulator } from '../simulator.ts'

/** `Simulator.kubeconfigPutRefusal`: why a kubeconfig PUT is refused before its body is read (see there). */
export function refuseKubeconfigPut(
  sim: Simulator,
  rec: DeploymentRecord,
  regionKey: string | undefined,
  bearer: string,
): Refusal | undefined {
  if (!bearer)
    return {
      status: 401,
      json: { error: 'missing-bearer', detail: 'Authorization: Bearer <token> header is required' },
    }
  const expected = regionKey === undefined ? undefined : sim.kubeconfigBearer(rec, regionKey)
  if (!expected)
    return {
      status: 403,
      json: {
        error: 'no-bearer-hash',
        detail: 'this deployment has no bearer hash on record; refusing to accept a kubeconfig',
      },
    }
  if (bearer !== expected)
    return {
      status: 403,
      json: {
        error: 'invalid-bearer',
        detail: "bearer token does not match the deployment's expected hash",
      },
    }
  if (sim.kubeconfigLandedAt(rec, regionKey!) !== undefined)
    return {
      status: 403,
      json: {
        error: 'already-set',
        detail: 'kubeconfig has already been captured for this deployment; bearer is single-use',
      },
    }
  return undefined
}

/** `Simulator.refreshWatch`: `POST /deployments/{id}/refresh-watch` (see there). */
export function refreshDeploymentWatch(
  sim: Simulator,
  rec: DeploymentRecord,
): Outcome<{ status: 200 | 202; seededAt?: number }> {
  const now = sim.now()
  const primary = rec.spec.regions[0]!.key
  const status = sim.status(rec, now)
  if (sim.kubeconfigLandedAt(rec, primary, now) === undefined)
    return {
      ok: false,
      status: 409,
      json: {
        error: 'watch-not-resumable',
        detail:
          'deployment has no kubeconfigPath — Phase 0 may not have completed yet, or cloud-init never PUT the kubeconfig back',
      },
    }
  if (status === 'wiped')
    return {
      ok: false,
      status: 409,
      json: {
        error: 'watch-not-resumable',
        detail: `kubeconfig file missing on PVC: /var/lib/catalyst/kubeconfigs/${rec.spec.id}.yaml`,
      },
    }
  if (sim.watching(rec, now)) return { ok: true, value: { status: 200 } }
  if (status === 'wiping')
    return {
      ok: false,
      status: 504,
      json: {
        error: 'seed-timeout',
        detail: 'watcher started but informer initial-list did not sync within 30s',
        watching: true,
      },
    }
  sim.mutate(rec, { watchRefreshes: [...(rec.mut.watchRefreshes ?? []), now] })
  return { ok: true, value: { status: 202, seededAt: now } }
}

/** `Simulator.day2`: a Day-2 infrastructure request that passed the handler's checks (see there). */
export function submitDay2Request(
  sim: Simulator,
  rec: DeploymentRecord,
  plan: Extract<Day2Plan, { ok: true }>,
): Outcome<Record<string, unknown>> {
  const now = sim.now()
  const primary = rec.spec.regions[0]!.key
  const landed = sim.kubeconfigLandedAt(rec, primary, now)
  const status = sim.status(rec, now)
  if (landed === undefined || status === 'wiped') {
    return {
      ok: false,
      status: 503,
      json: {
        error: 'sovereign-cluster-unreachable',
        detail:
          landed === undefined
            ? "sovereign cluster kubeconfig not yet posted back — cloud-init in flight or PUT /kubeconfig missed; retry once the wizard's success screen reaches Phase-1 ready"
            : `read kubeconfig: open /var/lib/catalyst/kubeconfigs/${rec.spec.id}.yaml: no such file or directory`,
      },
    }
  }
  const cascade = plan.remove
    ? cascadeFor(plan.kind, plan.slug, topologyAt(sim.timeline(rec), now, rec.mut))
    : undefined
  const out = submitDay2(plan, rec.spec.id, now, rec.mut.claims ?? new Map(), cascade)
  sim.mutate(rec, { day2: [...(rec.mut.day2 ?? []), out.mutation], claims: out.nextClaims })
  return out.status === 202
    ? { ok: true, value: out.body }
    : { ok: false, status: out.status, json: out.body }
}
