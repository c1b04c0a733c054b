/**
 * The overview's phase timeline (pure): Phase 0 steps from the log (which OpenTofu/DNS/Flux phases have
 * been reached), per-region install progress `ready/total` from the record's `regions` merged with the
 * live component states, then cutover and handover. A transport drop never changes any of this: only the
 * record's status can make a step fail.
 */
import type { DeploymentState } from '../../../contracts/deployments.ts'
import { componentTallies, type DeploymentLogState } from './deploymentLog.ts'

export type StepStatus = 'done' | 'running' | 'pending' | 'failed' | 'degraded' | 'stopped'

export interface TimelineStep {
  id: string
  label: string
  status: StepStatus
  detail?: string
}

export interface RegionProgress {
  key: string
  primary: boolean
  ready: number
  total: number
  failed: number
  degraded: boolean
  status: StepStatus
  nodesJoined?: number | undefined
  nodesRequested?: number | undefined
}

export interface PhaseTimeline {
  phase0: TimelineStep[]
  regions: RegionProgress[]
  cutover: TimelineStep
  handover: TimelineStep
}

export const PHASE0_STEPS: readonly { id: string; label: string }[] = [
  { id: 'tofu-init', label: 'Initialise OpenTofu' },
  { id: 'tofu-plan', label: 'Plan cloud resources' },
  { id: 'tofu-apply', label: 'Create servers, networks and load balancers' },
  { id: 'tofu-output', label: 'Read outputs' },
  { id: 'pdm-commit', label: 'Publish DNS' },
  { id: 'flux-bootstrap', label: 'Bootstrap Flux' },
]

const PHASE1_OR_LATER = new Set(['phase1-watching', 'ready', 'adopted'])
const FAILED = new Set(['failed', 'partial-failure'])

/** Statuses in which nothing moves any more (a step still "running" then is really stopped). */
function settled(status: string): boolean {
  return ['ready', 'failed', 'partial-failure', 'adopted', 'wiped', 'wiping'].includes(status)
}

export function derivePhaseTimeline(state: DeploymentState, log: DeploymentLogState): PhaseTimeline {
  const status = state.status
  const failed = FAILED.has(status)
  const componentsSeen = Object.keys(log.components).length > 0 || (log.phases['component']?.count ?? 0) > 0
  const phase0Done =
    PHASE1_OR_LATER.has(status) ||
    componentsSeen ||
    !!state.phase1FinishedAt ||
    state.regions.some((r) => r.hrTotal > 0)

  const seenIndex = PHASE0_STEPS.map((s) => !!log.phases[s.id])
  const lastSeen = seenIndex.lastIndexOf(true)
  const phase0: TimelineStep[] = PHASE0_STEPS.map((s, i) => {
    const seen = seenIndex[i]!
    let st: StepStatus
    if (phase0Done || i < lastSeen) st = 'done'
    else if (seen) st = failed ? 'failed' : settled(status) ? 'stopped' : 'running'
    else st = 'pending'
    const errors = log.phases[s.id]?.errors ?? 0
    return {
      ...s,
      status: st,
      ...(errors > 0 ? { detail: `${errors} error${errors === 1 ? '' : 's'}` } : {}),
    }
  })

  const primaryKey = state.regions.find((r) => r.primary)?.region ?? state.regions[0]?.region ?? state.region
  const merged = { ...(state.componentStates ?? state.result?.componentStates ?? {}), ...log.components }
  const tallies = componentTallies(merged, primaryKey)
  const materialised = new Set(state.materializedRegions)
  const regionRows = state.regions.length
    ? state.regions
    : state.region
      ? [{ region: state.region, primary: true, hrReady: 0, hrTotal: 0, degraded: false }]
      : []
  const regions: RegionProgress[] = regionRows.map((r) => {
    const t = tallies.get(r.region) ?? { seen: 0, installed: 0, failed: 0 }
    const ready = Math.max(r.hrReady, t.installed)
    const total = Math.max(r.hrTotal, t.seen, ready)
    const degraded = !r.primary && (r.degraded || t.failed > 0)
    let st: StepStatus
    if (total > 0 && ready >= total) st = 'done'
    else if (t.failed > 0) st = r.primary ? 'failed' : 'degraded'
    else if (degraded) st = 'degraded'
    else if (settled(status)) st = total > 0 || failed ? 'stopped' : 'pending'
    else if (materialised.has(r.region) || t.seen > 0 || r.hrTotal > 0) st = 'running'
    else st = 'pending'
    return {
      key: r.region,
      primary: r.primary,
      ready,
      total,
      failed: t.failed,
      degraded,
      status: st,
      nodesJoined: 'nodesJoined' in r ? r.nodesJoined : undefined,
      nodesRequested: 'nodesRequested' in r ? r.nodesRequested : undefined,
    }
  })

  const handedOver =
    !!log.phases['handover-ready'] || !!state.handoverFiredAt || state.handoverOffered || status === 'adopted'
  const cutoverSteps = log.phases['cutover']?.count ?? 0
  const cutover: TimelineStep = {
    id: 'cutover',
    label: 'Cutover to self-sovereignty',
    status: handedOver
      ? 'done'
      : cutoverSteps > 0
        ? settled(status) && status !== 'ready'
          ? 'stopped'
          : 'running'
        : 'pending',
    ...(cutoverSteps > 0 ? { detail: `${cutoverSteps} step${cutoverSteps === 1 ? '' : 's'} started` } : {}),
  }
  const handover: TimelineStep = {
    id: 'handover',
    label: 'Handover',
    status: handedOver ? 'done' : status === 'ready' ? 'running' : 'pending',
    ...(status === 'adopted'
      ? { detail: 'Adopted by the customer' }
      : handedOver
        ? { detail: 'Ready to hand over' }
        : status === 'ready'
          ? { detail: 'Waiting for the TLS certificate and the handover token' }
          : {}),
  }
  return { phase0, regions, cutover, handover }
}
