import type { DeploymentRequest } from '../../../src/contracts/deployments.ts'
import type { ScenarioName } from '../../../src/contracts/mockControl.ts'
import type { Chart } from '../kit.ts'
import type { TimedLine } from '../logs.ts'

/** The shapes a timeline is made of (see `computeTimeline.ts` for how they are filled). */
export type Phase = 'provisioner' | 'bootstrap-kit' | 'cutover' | 'handover' | 'apps' | 'day-2-mutations'
/** The five phase groups that always exist (contract §3.7), chained finish-to-start. */
export const PHASES: readonly Phase[] = ['provisioner', 'bootstrap-kit', 'cutover', 'handover', 'apps']
/** Groups that exist only once they have a job (contract §3.5): Day-2 infrastructure mutations. */
export const OPTIONAL_PHASES: readonly Phase[] = ['day-2-mutations']

export const PHASE_DISPLAY: Record<Phase, string> = {
  provisioner: 'Provision Hetzner',
  'bootstrap-kit': 'Bootstrap',
  cutover: 'Cutover',
  handover: 'Handover',
  apps: 'Apps',
  'day-2-mutations': 'Day-2 Mutations',
}

export interface RegionPlan {
  /** Region key: the cloud region for the primary, `<cloudRegion>-<index>` for secondaries. */
  key: string
  cloudRegion: string
  index: number
  primary: boolean
  controlPlaneSize: string
  workerSize: string
  workerCount: number
}

export interface DeploymentSpec {
  id: string
  createdAt: number
  seed: number
  scenario: ScenarioName
  request: DeploymentRequest
  ownerEmail: string
  regions: RegionPlan[]
  failChart?: string | undefined
  extraChartsPerRegion: number
  extraPods: number
}

export interface LogFlood {
  jobName: string
  displayName?: string | undefined
  requestedAt: number
  lines: number
  ratePerSec: number
  lineBytes: number
  /** Verbatim messages cycled through instead of the generated text. */
  messages?: string[] | undefined
}

/**
 * One Day-2 infrastructure request (`POST/PATCH/DELETE …/infrastructure/…`): the audit job catalyst-api
 * writes for it (`mutation-<verb>-<kind>[-<slug>]`, batch `day-2-mutations`, Go `jobs/mutation_bridge.go`).
 */
export interface Day2Mutation {
  at: number
  jobName: string
  /** XRC kind without `Claim`, lower case (`region`, `pool`): the job's `appId`. */
  kind: string
  action: string
  diff: string
  xrcKind: string
  xrcName: string
  /** false: the claim could not be submitted (name conflict); the job fails. */
  ok: boolean
  /** The `note=` of the `[xrc-submitted]` line, or the error of `[xrc-submission-failed]`. */
  note: string
}

/** A Crossplane claim catalyst-api has written to the Sovereign (by XRC name). */
export interface Claim {
  xrcKind: string
  spec: Record<string, unknown>
  at: number
}

/** What operators did to a deployment; each entry changes only the future from its instant on. */
export interface Mutations {
  retries: Map<string, number[]>
  logFloods: LogFlood[]
  wipe?: { requestedAt: number; wipedAt: number } | undefined
  adoptedAt?: number | undefined
  /** Day-2 requests in the order they arrived. */
  day2?: Day2Mutation[] | undefined
  /** Claims currently written (created by Day-2 requests, removed by deletes). */
  claims?: Map<string, Claim> | undefined
  /** Kubeconfigs PUT by cloud-init (region key → instant); an early one is when that region's arrived. */
  kubeconfigPuts?: Map<string, number> | undefined
  /** `POST /refresh-watch` instants: a fresh watcher runs its 10-minute late poll from each. */
  watchRefreshes?: number[] | undefined
  /** Marketplace publish toggles (`PATCH /sovereign/apps/{slug}/publish`), by app slug. */
  published?: Map<string, boolean> | undefined
}

export interface Attempt {
  start: number
  end: number
  ok: boolean
}

export interface PlannedJob {
  jobName: string
  displayName?: string | undefined
  phase: Phase
  kind: 'lifecycle' | 'install' | 'step' | 'task' | 'mutation'
  /** The job's `appId` when it is not a chart's (Day-2 mutations: the XRC kind). */
  appId?: string | undefined
  /** Region key for regional jobs (the primary too); undefined for deployment-wide jobs. */
  regionKey?: string | undefined
  primaryRegion: boolean
  chart?: Chart | undefined
  dependsOn: string[]
  /** When the job first exists (the watcher saw its HelmRelease); null = never. */
  observedAt: number | null
  attempts: Attempt[]
  /** Lines relative to each attempt's start (index-aligned with `attempts`). */
  lines: (attempt: number) => TimedLine[]
  /** Synthetic log jobs compute lines by formula instead of materialising them. */
  flood?: LogFlood | undefined
}

export interface PlannedEvent {
  at: number
  phase: string
  level: 'info' | 'warn' | 'error'
  message: string
  component?: string | undefined
  state?: string | undefined
  dependsOn?: string[] | undefined
}

export type StatusName =
  'provisioning' | 'phase1-watching' | 'ready' | 'failed' | 'wiping' | 'wiped' | 'adopted'

export interface StatusChange {
  at: number
  status: StatusName
  outcome?: string | undefined
  error?: string | undefined
}

export interface Timeline {
  spec: DeploymentSpec
  jobs: PlannedJob[]
  byName: Map<string, PlannedJob>
  kubeconfigAt: Map<string, number | null>
  watchStart: Map<string, number | null>
  statusChanges: StatusChange[]
  handoverFiredAt: number | null
  events: PlannedEvent[]
  ips: { controlPlane: string; loadBalancer: (regionKey: string) => string }
}
