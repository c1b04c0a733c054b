/**
 * A deployment's State and list summary at `t` (with per-region health), out of `derive.ts` (issue 14:
 * files under ~450 lines).
 */
import { rfc3339, rfc3339Nano } from '../goTime.ts'
import type { Mutations, Timeline } from '../timeline/index.ts'
import {
  leafStates,
  statusChangeAt,
  type RegionHealthWire,
  type StateWire,
  type SummaryWire,
} from '../derive.ts'
import { componentStatesAt } from './componentStates.ts'

const TERMINAL = new Set(['ready', 'failed', 'wiped', 'adopted'])

export function regionHealthAt(tl: Timeline, t: number, mut: Mutations): RegionHealthWire[] {
  const leaves = leafStates(tl, t, mut).filter((l) => l.job.kind === 'install')
  return tl.spec.regions.map((r) => {
    const mine = leaves.filter((l) => l.job.regionKey === r.key)
    const kc = tl.kubeconfigAt.get(r.key)
    const nodesRequested = r.workerCount + 1
    return {
      region: r.key,
      primary: r.primary,
      hrReady: mine.filter((l) => l.status === 'succeeded').length,
      hrTotal: mine.length,
      degraded: !r.primary && mine.some((l) => l.status === 'failed'),
      nodesRequested,
      nodesJoined: kc !== null && kc !== undefined && kc <= t ? nodesRequested : 0,
    }
  })
}

export interface StateExtras {
  handoverURL?: string | undefined
  numEvents: number
}

export function stateAt(tl: Timeline, t: number, mut: Mutations, extras: StateExtras): StateWire {
  const { spec } = tl
  const change = statusChangeAt(tl, t)
  const status = change.status
  const terminalChange = TERMINAL.has(status) ? change : undefined
  const outputDone = (tl.byName.get('tofu-output')?.attempts ?? []).some((a) => a.ok && a.end <= t)
  const phase1 = [...tl.statusChanges].reverse().find((c) => c.at <= t && c.outcome !== undefined)
  const regions = regionHealthAt(tl, t, mut)
  const componentStates = componentStatesAt(tl, t, mut)
  const hasComponents = Object.keys(componentStates).length > 0
  const primaryKubeconfig = tl.kubeconfigAt.get(spec.regions[0]!.key)
  const kubeconfigLanded =
    primaryKubeconfig !== null && primaryKubeconfig !== undefined && primaryKubeconfig <= t
  const secondaryDegraded = regions.some((r) => r.degraded)
  const handoverFired =
    tl.handoverFiredAt !== null && tl.handoverFiredAt <= t && (mut.wipe?.requestedAt ?? Infinity) > t
  const materializedRegions = tl.spec.regions
    .filter((r) => (tl.watchStart.get(r.key) ?? Infinity) <= t)
    .map((r) => r.key)
  const primary = spec.regions[0]!
  const result = {
    sovereignFQDN: spec.request.sovereignFQDN,
    ...(outputDone
      ? {
          controlPlaneIP: tl.ips.controlPlane,
          loadBalancerIP: tl.ips.loadBalancer(primary.key),
          consoleURL: `https://console.${spec.request.sovereignFQDN}`,
          gitopsRepoURL: `https://gitea.${spec.request.sovereignFQDN}/catalyst/sovereign.git`,
        }
      : {}),
    ...(kubeconfigLanded ? { kubeconfigPath: `/var/lib/catalyst/kubeconfigs/${spec.id}.yaml` } : {}),
    // Go: `map[string]string` with omitempty — absent until the watcher saw a HelmRelease.
    ...(hasComponents ? { componentStates } : {}),
    ...(phase1?.outcome ? { phase1Outcome: phase1.outcome, phase1FinishedAt: rfc3339Nano(phase1.at) } : {}),
    ...(status === 'phase1-watching' ? { phase1Substate: 'watcher-watching' } : {}),
    ...(handoverFired ? { handoverFiredAt: rfc3339Nano(tl.handoverFiredAt!) } : {}),
    ...(handoverFired && extras.handoverURL ? { handoverURL: extras.handoverURL } : {}),
    materializedRegions,
    regions,
    secondaryDegraded,
  }
  const error = status === 'failed' ? change.error : undefined
  return {
    id: spec.id,
    status,
    // Go formats these two by hand with time.RFC3339 and always writes finishedAt (null until terminal).
    startedAt: rfc3339(spec.createdAt),
    finishedAt: terminalChange ? rfc3339(terminalChange.at) : null,
    sovereignFQDN: spec.request.sovereignFQDN,
    region: primary.cloudRegion,
    numEvents: extras.numEvents,
    ownerEmail: spec.ownerEmail,
    controlPlaneSize: primary.controlPlaneSize,
    storageClass: spec.request.storageClass ?? 'hcloud-volumes',
    ...(spec.request.sovereignPoolDomain ? { sovereignPoolDomain: spec.request.sovereignPoolDomain } : {}),
    ...(spec.request.sovereignSubdomain ? { sovereignSubdomain: spec.request.sovereignSubdomain } : {}),
    sovereignDomainMode: spec.request.sovereignDomainMode,
    ...(spec.request.sovereignByoDomain ? { sovereignByoDomain: spec.request.sovereignByoDomain } : {}),
    regionControlPlaneSizes: spec.regions.map((r) => r.controlPlaneSize),
    orgName: spec.request.orgName,
    orgEmail: spec.request.orgEmail,
    ...(error ? { error } : {}),
    result,
    // Lifted copies of result fields, as the Go handler writes them.
    ...(hasComponents ? { componentStates } : {}),
    ...(result.phase1Outcome
      ? { phase1Outcome: result.phase1Outcome, phase1FinishedAt: rfc3339(phase1!.at) }
      : {}),
    ...(result.phase1Substate ? { phase1Substate: result.phase1Substate } : {}),
    materializedRegions,
    ...(result.handoverURL ? { handoverURL: result.handoverURL } : {}),
    ...(result.handoverFiredAt ? { handoverFiredAt: rfc3339(tl.handoverFiredAt!) } : {}),
    regions,
    secondaryDegraded,
    ...(mut.adoptedAt !== undefined && mut.adoptedAt <= t ? { adoptedAt: rfc3339(mut.adoptedAt) } : {}),
    openovaFlowEnabled: true,
    operationInProgress: status === 'wiping',
  }
}

export function summaryAt(tl: Timeline, t: number, mut: Mutations): SummaryWire {
  const change = statusChangeAt(tl, t)
  const primary = tl.spec.regions[0]!
  const regions = regionHealthAt(tl, t, mut)
  return {
    id: tl.spec.id,
    status: change.status,
    sovereignFQDN: tl.spec.request.sovereignFQDN,
    region: primary.cloudRegion,
    regions: tl.spec.regions.map((r) => r.key),
    startedAt: rfc3339(tl.spec.createdAt),
    ...(TERMINAL.has(change.status) ? { finishedAt: rfc3339(change.at) } : {}),
    ownerEmail: tl.spec.ownerEmail,
    ...(mut.adoptedAt !== undefined && mut.adoptedAt <= t ? { adoptedAt: rfc3339(mut.adoptedAt) } : {}),
    ...(change.status === 'failed' && change.error ? { error: change.error } : {}),
    ...(regions.some((r) => r.degraded) ? { secondaryDegraded: true } : {}),
  }
}
