/**
 * The lifecycle of one deployment as a pure function of its spec and the operator actions taken on it.
 *
 *   t0 ─ tofu-init ─ tofu-plan ─ tofu-apply ────────── tofu-output ─ cluster-bootstrap ─┐
 *                                  └ kubeconfig postbacks (primary, then secondaries)    │ W0 (primary watch)
 *   region fsn1:    install DAG of the bootstrap kit ─────────────────────────────────────┤
 *   region nbg1-1:      (starts when its kubeconfig lands, ≥ W0) ────────────────────────┤
 *   phase-1 outcome ─ cutover steps ─ handover jobs ─ handover-ready                      ┘
 *
 * Every job gets a list of attempts with absolute virtual times; everything observable (status, jobs,
 * events, logs, flow, inventory) is derived from these at a given `now`, so advancing the clock "processes
 * every transition due" by construction, and the past never changes when the operator acts in the present.
 */
import { SOVEREIGN_DNS_RECORDS, type DeploymentRequest } from '../../src/contracts/deployments.ts'
import type { ScenarioName } from '../../src/contracts/mockControl.ts'
import { chartsForRegion, syntheticCharts, type Chart } from './kit.ts'
import {
  chartVersion,
  fluxBootstrapLines,
  installLines,
  mutationLines,
  stepLines,
  tofuApplyLines,
  tofuInitLines,
  tofuOutputLines,
  tofuPlanLines,
  type Level,
  type TimedLine,
} from './logs.ts'
import { hashString, keyedBetween, keyedHex, seededRandom } from './rng.ts'

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

const S = 1000
const MIN = 60 * S
/** Helm's install timeout: a chart that never becomes ready fails after 15 minutes. */
const HELM_TIMEOUT_MS = 15 * MIN
const KUBECONFIG_WAIT_MS = 15 * MIN
const WATCH_TIMEOUT_MS = 120 * MIN

export function regionPlans(request: DeploymentRequest): RegionPlan[] {
  return request.regions.map((r, index) => ({
    key: index === 0 ? r.cloudRegion : `${r.cloudRegion}-${index}`,
    cloudRegion: r.cloudRegion,
    index,
    primary: index === 0,
    controlPlaneSize: r.controlPlaneSize,
    workerSize: r.workerSize,
    workerCount: r.workerCount,
  }))
}

export function installJobName(region: RegionPlan, chart: string): string {
  return region.primary ? `install-${chart}` : `install-${region.key}:${chart}`
}

/** Attempts of one job: the first from `readyAt`, then one per retry recorded after a failure. */
function attemptsFor(
  readyAt: number | null,
  durationMs: number,
  failFirst: boolean,
  retries: number[] | undefined,
  retryDurationMs: number,
): Attempt[] {
  if (readyAt === null) return []
  const attempts: Attempt[] = [{ start: readyAt, end: readyAt + durationMs, ok: !failFirst }]
  for (const r of [...(retries ?? [])].sort((a, b) => a - b)) {
    const last = attempts[attempts.length - 1]
    if (last && !last.ok && r >= last.end) attempts.push({ start: r, end: r + retryDurationMs, ok: true })
  }
  return attempts
}

/** End of the last attempt if it succeeded; null when the job failed for good or never ran. */
function okEnd(attempts: Attempt[]): number | null {
  const last = attempts[attempts.length - 1]
  return last?.ok ? last.end : null
}

function ipFor(seed: number, key: string, prefix: string): string {
  const h = hashString(`${seed}:${key}`)
  return `${prefix}.${(h >>> 8) & 0xff}.${h & 0xff}`
}

/**
 * With `events: false` the event buffer (and the OpenTofu text behind it) is not built up front: `events`
 * becomes a lazy getter that computes it on first use. Listing 10,000 deployments then costs only their job
 * timings, not 10,000 event buffers.
 */
export function computeTimeline(
  spec: DeploymentSpec,
  mutations: Mutations,
  opts: { events?: boolean } = {},
): Timeline {
  const withEvents = opts.events ?? true
  const { seed } = spec
  const t0 = spec.createdAt
  const between = (key: string, min: number, max: number) => keyedBetween(seed, key, min, max)
  const jobs: PlannedJob[] = []
  const events: PlannedEvent[] = []
  const retries = mutations.retries
  const fqdn = spec.request.sovereignFQDN
  const primary = spec.regions[0]
  if (!primary) throw new Error('a deployment needs at least one region')
  const resources = spec.regions.map((r) => ({ key: r.key, workers: r.workerCount }))
  const ips = {
    controlPlane: ipFor(seed, 'cp', '116.203'),
    loadBalancer: (rk: string) => ipFor(seed, `lb:${rk}`, '49.12'),
  }
  const event = (e: PlannedEvent) => {
    if (withEvents) events.push(e)
  }
  const lineEvents = (job: PlannedJob, phase: string) => {
    if (!withEvents) return
    job.attempts.forEach((a, i) => {
      for (const l of job.lines(i)) {
        if (a.start + l.offsetMs > a.end) continue
        event({ at: a.start + l.offsetMs, phase, level: toEventLevel(l.level), message: l.text })
      }
    })
  }

  // ── Phase 0: OpenTofu ────────────────────────────────────────────────────────────────────────────────
  const lifecycle = (
    jobName: string,
    displayName: string,
    dependsOn: string[],
    readyAt: number | null,
    durationMs: number,
    failFirst: boolean,
    lines: (attempt: number) => TimedLine[],
  ): PlannedJob => {
    const job: PlannedJob = {
      jobName,
      displayName,
      phase: 'provisioner',
      kind: 'lifecycle',
      primaryRegion: true,
      dependsOn,
      observedAt: t0,
      attempts: attemptsFor(readyAt, durationMs, failFirst, retries.get(jobName), durationMs),
      lines,
    }
    jobs.push(job)
    return job
  }

  const initDur = Math.round(between('tofu-init', 10, 40) * S)
  const init = lifecycle('tofu-init', 'Terraform Init', [], t0 + S, initDur, false, () =>
    tofuInitLines(initDur),
  )
  event({ at: t0 + S, phase: 'tofu-init', level: 'info', message: 'Initialising OpenTofu working directory' })
  lineEvents(init, 'tofu')

  const planDur = Math.round(between('tofu-plan', 20, 60) * S)
  const plan = lifecycle(
    'tofu-plan',
    'Terraform Plan',
    ['tofu-init'],
    okEnd(init.attempts),
    planDur,
    false,
    () => tofuPlanLines(planDur, resources),
  )
  if (plan.attempts[0]) {
    event({
      at: plan.attempts[0].start,
      phase: 'tofu-plan',
      level: 'info',
      message: 'Planning Hetzner resources (network, firewall, server, LB, DNS)',
    })
  }
  lineEvents(plan, 'tofu')

  const failTofu = spec.scenario === 'failing-tofu-apply'
  const failRegion = spec.regions[spec.regions.length - 1]?.key
  // Timing first (cheap); the OpenTofu text is generated from the same seed only when someone reads it.
  const applyRand = (attempt: number) => seededRandom(hashString(`${seed}:apply:${attempt}`))
  const applyFirst = tofuApplyLines(resources, applyRand(0), failTofu ? failRegion : undefined, false)
  const applyRetry = tofuApplyLines(resources, applyRand(1), undefined, false)
  const applyText: TimedLine[][] = []
  const apply = lifecycle(
    'tofu-apply',
    'Terraform Apply',
    ['tofu-plan'],
    okEnd(plan.attempts),
    applyFirst.durationMs,
    failTofu,
    (i) =>
      (applyText[i === 0 ? 0 : 1] ??=
        i === 0
          ? tofuApplyLines(resources, applyRand(0), failTofu ? failRegion : undefined).lines
          : tofuApplyLines(resources, applyRand(1)).lines),
  )
  // attemptsFor used the first duration for retries too; retried applies print their own (successful) run.
  apply.attempts = apply.attempts.map((a, i) =>
    i === 0 ? a : { ...a, end: a.start + applyRetry.durationMs },
  )
  apply.attempts.forEach((a) =>
    event({
      at: a.start,
      phase: 'tofu-apply',
      level: 'info',
      message: 'Applying — this provisions real Hetzner resources, please wait',
    }),
  )
  lineEvents(apply, 'tofu')
  const applyFail = apply.attempts[0] && !apply.attempts[0].ok ? apply.attempts[0] : undefined
  if (applyFail) {
    event({
      at: applyFail.end,
      phase: 'tofu-apply',
      level: 'error',
      message: 'tofu apply failed: resource_limit_exceeded: server limit reached for project (limit: 10)',
    })
  }
  const applyOk = apply.attempts.find((a) => a.ok)

  // Kubeconfig postbacks: the primary usually lands before apply returns; secondaries 1–5 minutes later.
  // A PUT from outside (`PUT /kubeconfig`, the bearer from cloud-init) lands a region's file at its instant
  // when that is earlier than the simulated postback, or when the simulated one never comes.
  const kubeconfigAt = new Map<string, number | null>()
  const puts = mutations.kubeconfigPuts
  for (const r of spec.regions) {
    const put = puts?.get(r.key) ?? null
    if (!applyOk || (r.primary && spec.scenario === 'kubeconfig-missing')) {
      kubeconfigAt.set(r.key, put)
      continue
    }
    const applyDur = applyOk.end - applyOk.start
    const primaryAt = applyOk.start + Math.round(applyDur * between('kc-primary', 0.7, 0.92))
    const simulated = r.primary
      ? primaryAt
      : primaryAt + Math.round(between(`kc:${r.key}`, 1, 5) * MIN * Math.sqrt(r.index))
    kubeconfigAt.set(r.key, put === null ? simulated : Math.min(simulated, put))
  }
  for (const [rk, at] of kubeconfigAt) {
    if (at !== null) {
      event({
        at,
        phase: 'kubeconfig',
        level: 'info',
        message: `Kubeconfig received from cloud-init for region ${rk}`,
      })
    }
  }

  const outDur = Math.round(between('tofu-output', 2, 5) * S)
  const output = lifecycle(
    'tofu-output',
    'Terraform Output',
    ['tofu-apply'],
    okEnd(apply.attempts),
    outDur,
    false,
    () => tofuOutputLines(outDur, ips.loadBalancer(primary.key), ips.controlPlane, fqdn),
  )
  if (output.attempts[0]) {
    event({
      at: output.attempts[0].start,
      phase: 'tofu-output',
      level: 'info',
      message: 'Reading OpenTofu outputs',
    })
  }
  lineEvents(output, 'tofu')

  // PDM commit, then Flux bootstrap: cluster-bootstrap runs until the primary watcher sees HelmReleases.
  const outEnd = okEnd(output.attempts)
  const pdmAt = outEnd === null ? null : outEnd + Math.round(between('pdm', 1, 10) * S)
  if (outEnd !== null && pdmAt !== null) {
    event({
      at: outEnd + 200,
      phase: 'pdm-commit',
      level: 'info',
      message: `Publishing DNS records for ${fqdn} via pool-domain-manager (${ips.loadBalancer(primary.key)})…`,
    })
    event({
      at: pdmAt,
      phase: 'pdm-commit',
      level: 'info',
      message: `DNS published — ${fqdn} now resolves to ${ips.loadBalancer(primary.key)}.`,
    })
  }
  // The watcher waits 15 minutes for the primary kubeconfig; a later PUT is stored but arms nothing (Go:
  // runPhase1Watch has already run and given up, so the PUT's own launch is a no-op).
  const kcFile = kubeconfigAt.get(primary.key) ?? null
  const kcPrimary = kcFile !== null && pdmAt !== null && kcFile > pdmAt + KUBECONFIG_WAIT_MS ? null : kcFile
  const cbOutcome: 'ok' | 'no-kubeconfig' | 'no-reconcile' =
    kcPrimary === null ? 'no-kubeconfig' : spec.scenario === 'flux-not-reconciling' ? 'no-reconcile' : 'ok'
  const cbDur =
    pdmAt === null
      ? 0
      : cbOutcome === 'no-kubeconfig'
        ? KUBECONFIG_WAIT_MS
        : cbOutcome === 'no-reconcile'
          ? WATCH_TIMEOUT_MS
          : Math.max(Math.round(between('cb', 20, 60) * S), (kcPrimary ?? 0) + 15 * S - pdmAt)
  const retryCbDur = Math.round(between('cb-retry', 30, 60) * S)
  const cb = lifecycle(
    'cluster-bootstrap',
    'Bootstrap Cluster',
    ['tofu-output'],
    pdmAt,
    cbDur,
    cbOutcome !== 'ok',
    (i) =>
      i === 0 ? fluxBootstrapLines(cbDur, fqdn, cbOutcome) : fluxBootstrapLines(retryCbDur, fqdn, 'ok'),
  )
  cb.attempts = cb.attempts.map((a, i) => (i === 0 ? a : { ...a, end: a.start + retryCbDur }))
  cb.attempts.forEach((a, i) => {
    event({
      at: a.start,
      phase: 'flux-bootstrap',
      level: 'info',
      message: `Flux is reconciling clusters/${fqdn}/ from the GitOps repository${i > 0 ? ' (retry)' : ''}`,
    })
  })
  if (cbOutcome === 'no-reconcile' && cb.attempts[0]) {
    event({
      at: cb.attempts[0].start + 15 * MIN,
      phase: 'component',
      level: 'warn',
      message:
        'Phase 1 watch saw 0 HelmReleases in 15m0s; the bootstrap-kit Kustomization may not be reconciling — check `flux get kustomizations -A` on the new cluster',
    })
  }
  if (cbOutcome === 'no-kubeconfig' && cb.attempts[0]) {
    event({
      at: cb.attempts[0].end,
      phase: 'flux-bootstrap',
      level: 'error',
      message: 'kubeconfig never arrived from cloud-init after 15m0s (kubeconfig-missing)',
    })
  }
  const cbFirst = cb.attempts[0]
  if (cbFirst && !cbFirst.ok && cbOutcome === 'no-reconcile') {
    event({
      at: cbFirst.end,
      phase: 'component',
      level: 'error',
      message: 'Phase 1 watch timed out after 2h0m0s without observing a HelmRelease (flux-not-reconciling)',
    })
  }

  // ── Phase 1: one install DAG per region ─────────────────────────────────────────────────────────────
  const w0 = okEnd(cb.attempts)
  const watchStart = new Map<string, number | null>()
  const extra = syntheticCharts(spec.extraChartsPerRegion, seededRandom(hashString(`${seed}:synthetic`)))
  const failChart = spec.failChart ?? (spec.scenario === 'failing-chart' ? 'harbor' : 'loki')
  const failRegionKey =
    spec.scenario === 'failing-chart'
      ? primary.key
      : spec.scenario === 'secondary-degraded'
        ? (spec.regions[spec.regions.length - 1]?.key ?? primary.key)
        : undefined
  for (const region of spec.regions) {
    const kc = kubeconfigAt.get(region.key) ?? null
    const w =
      w0 === null
        ? null
        : region.primary
          ? w0
          : Math.max(w0, kc === null ? Infinity : Math.ceil(kc / (15 * S)) * 15 * S) +
            Math.round(between(`watch:${region.key}`, 5, 20) * S)
    const watch = w === null || !Number.isFinite(w) ? null : w
    watchStart.set(region.key, watch)
    if (watch !== null && !region.primary) {
      event({
        at: watch,
        phase: 'component',
        level: 'info',
        message: `Secondary watcher attached for region ${region.key}`,
      })
    }
    const charts = chartsForRegion({ primary: region.primary, provider: spec.request.provider, extra })
    const endByChart = new Map<string, number | null>()
    for (const chart of charts) {
      const jobName = installJobName(region, chart.chart)
      const deps = chart.dependsOn.filter((d) => charts.some((c) => c.chart === d))
      let readyAt: number | null = null
      if (watch !== null) {
        let depsEnd = watch
        let blocked = false
        for (const d of deps) {
          const e = endByChart.get(d)
          if (e === null || e === undefined) blocked = true
          else
            depsEnd = Math.max(
              depsEnd,
              e + Math.round(between(`gap:${region.key}:${chart.chart}:${d}`, 2, 8) * S),
            )
        }
        readyAt = blocked
          ? null
          : Math.max(depsEnd, watch + Math.round(between(`stagger:${region.key}:${chart.chart}`, 2, 10) * S))
      }
      const [lo, hi] = chart.durationSec
      const dur = Math.round(between(`dur:${region.key}:${chart.chart}`, lo, hi) * S)
      const fails = failRegionKey === region.key && chart.chart === failChart
      const attempts = attemptsFor(readyAt, fails ? HELM_TIMEOUT_MS : dur, fails, retries.get(jobName), dur)
      endByChart.set(chart.chart, okEnd(attempts))
      const version = chartVersion(chart, seed)
      const job: PlannedJob = {
        jobName,
        phase: chart.phase === 'cutover' ? 'cutover' : 'bootstrap-kit',
        kind: 'install',
        regionKey: region.key,
        primaryRegion: region.primary,
        chart,
        dependsOn: deps.map((d) => installJobName(region, d)),
        observedAt: watch,
        attempts,
        lines: (i) => {
          const a = attempts[i]
          if (!a) return []
          return installLines(
            chart,
            version,
            a.end - a.start,
            a.ok,
            i > 0,
            seededRandom(hashString(`${seed}:${jobName}:${i}`)),
          )
        },
      }
      jobs.push(job)
      if (watch !== null) componentEvents(job, region, version, event)
    }
  }

  // ── Status over time, then cutover and handover once Phase 1 is ready ───────────────────────────────
  const statusChanges = statusTimeline(jobs, spec, watchStart)
  const readyChange = statusChanges.find((c) => c.status === 'ready')
  let handoverFiredAt: number | null = null
  if (readyChange) {
    const tReady = readyChange.at
    event({
      at: tReady,
      phase: 'component',
      level: 'info',
      message: `Phase 1 complete: every HelmRelease is Ready across ${spec.regions.length} region(s)`,
    })
    SOVEREIGN_DNS_RECORDS.forEach((n, i) =>
      event({
        at: tReady + 2 * S + i * 300,
        phase: 'dns',
        level: 'info',
        message: `DNS record ${n}.${fqdn} published`,
      }),
    )
    if (spec.regions.length > 1) {
      const stem = fqdn.split('.')[0] ?? 'sovereign'
      event({
        at: tReady + 10 * S,
        phase: 'clustermesh',
        level: 'info',
        message: `Connecting Cilium ClusterMesh: ${spec.regions.map((r) => (r.primary ? `${stem}-mesh` : `${stem}-${r.cloudRegion.replace(/\d+/g, '')}`)).join(', ')}`,
      })
      event({
        at: tReady + 70 * S,
        phase: 'clustermesh',
        level: 'info',
        message: 'ClusterMesh connected: all clusters reachable',
      })
    }
    const cutoverChart = installJobName(primary, 'self-sovereign-cutover')
    const steps: [string, string, string[]][] = [
      [
        'gitea-mirror',
        'Mirror the GitOps repository into the Sovereign Gitea',
        ['mirrored 214 commits', 'default branch protected'],
      ],
      [
        'harbor-replicate',
        'Replicate platform images into Harbor',
        ['replicated 61 repositories', 'pull-through cache enabled'],
      ],
      [
        'flux-repoint',
        'Point Flux at the Sovereign Gitea',
        ['GitRepository flux-system/sovereign updated', 'reconciled in 4.2s'],
      ],
      [
        'dns-delegate',
        'Delegate DNS to the Sovereign PowerDNS',
        ['NS records published', 'SOA serial bumped'],
      ],
      [
        'keycloak-realm',
        'Move identity to the Sovereign Keycloak',
        ['realm sovereign imported', 'owner account created'],
      ],
      [
        'tofu-state-archive',
        'Archive the OpenTofu state into OpenBao',
        ['state archived (412 KiB)', 'mothership copy sealed'],
      ],
      [
        'catalyst-api-handoff',
        'Hand the record over to the Sovereign catalyst-api',
        ['record imported', 'jobs store replayed'],
      ],
      ['verify', 'Verify self-sovereignty', ['no mothership dependency left', 'all checks passed']],
    ]
    let prev = cutoverChart
    let tCursor = Math.max(
      tReady + 30 * S,
      okEnd(jobs.find((j) => j.jobName === cutoverChart)?.attempts ?? []) ?? tReady,
    )
    steps.forEach(([slug, title, details], i) => {
      const jobName = `cutover-step-${String(i + 1).padStart(2, '0')}-${slug}`
      const dur = Math.round(between(jobName, 20, 60) * S)
      const attempts = [{ start: tCursor + 2 * S, end: tCursor + 2 * S + dur, ok: true }]
      tCursor = attempts[0]!.end
      jobs.push({
        jobName,
        displayName: `Cutover ${i + 1}/8: ${title}`,
        phase: 'cutover',
        kind: 'step',
        regionKey: primary.key,
        primaryRegion: true,
        dependsOn: [prev],
        observedAt: tReady,
        attempts,
        lines: () => stepLines(title, dur, details),
      })
      event({ at: attempts[0]!.start, phase: 'cutover', level: 'info', message: `${title}…` })
      prev = jobName
    })
    const handoverSteps: [string, string, number, number][] = [
      ['handover-publish-dns', 'Publish public DNS records', 5, 15],
      ['handover-wait-tls', 'Wait for the wildcard TLS certificate', 60, 180],
      ['handover-mint-token', 'Mint the handover token', 1, 3],
    ]
    for (const [jobName, title, lo, hi] of handoverSteps) {
      const dur = Math.round(between(jobName, lo, hi) * S)
      const attempts = [{ start: tCursor + S, end: tCursor + S + dur, ok: true }]
      tCursor = attempts[0]!.end
      jobs.push({
        jobName,
        displayName: title,
        phase: 'handover',
        kind: 'step',
        primaryRegion: true,
        dependsOn: [prev],
        observedAt: tReady,
        attempts,
        lines: () =>
          stepLines(
            title,
            dur,
            jobName === 'handover-wait-tls' ? ['certificate sovereign-wildcard-tls issued'] : [],
          ),
      })
      prev = jobName
    }
    handoverFiredAt = tCursor
    event({
      at: handoverFiredAt,
      phase: 'handover-ready',
      level: 'info',
      message: `Sovereign ${fqdn} is ready to hand over — open https://console.${fqdn}/`,
    })
  }

  // ── Synthetic log jobs (benchmarks) ─────────────────────────────────────────────────────────────────
  for (const flood of mutations.logFloods) {
    const durationMs = flood.ratePerSec > 0 ? Math.ceil((flood.lines / flood.ratePerSec) * 1000) : 0
    jobs.push({
      jobName: flood.jobName,
      displayName: flood.displayName ?? `Log flood (${flood.lines.toLocaleString('en-US')} lines)`,
      phase: 'apps',
      kind: 'task',
      primaryRegion: true,
      dependsOn: [],
      observedAt: flood.requestedAt,
      attempts: [{ start: flood.requestedAt, end: flood.requestedAt + durationMs, ok: true }],
      lines: () => [],
      flood,
    })
  }

  // ── Day-2 mutations: one audit job per request name, one execution per request (Go upserts the job and
  // starts a new execution each time), finished before the 202 is written ───────────────────────────────
  const day2 = new Map<string, Day2Mutation[]>()
  for (const m of mutations.day2 ?? []) day2.set(m.jobName, [...(day2.get(m.jobName) ?? []), m])
  for (const [jobName, requests] of day2) {
    jobs.push({
      jobName,
      phase: 'day-2-mutations',
      kind: 'mutation',
      appId: requests[0]!.kind,
      primaryRegion: true,
      dependsOn: [],
      observedAt: requests[0]!.at,
      attempts: requests.map((m) => ({ start: m.at, end: m.at, ok: m.ok })),
      lines: (i) => (requests[i] ? mutationLines(requests[i]) : []),
    })
  }

  // ── Operator overlays: wipe and adoption ─────────────────────────────────────────────────────────────
  const changes = [...statusChanges]
  if (mutations.adoptedAt !== undefined) changes.push({ at: mutations.adoptedAt, status: 'adopted' })
  if (mutations.wipe) {
    const { requestedAt, wipedAt } = mutations.wipe
    changes.push({ at: requestedAt, status: 'wiping' }, { at: wipedAt, status: 'wiped' })
    event({ at: requestedAt, phase: 'wipe', level: 'info', message: 'Wipe requested: running tofu destroy' })
    event({
      at: requestedAt + 1,
      phase: 'wipe',
      level: 'info',
      message: 'Purging Hetzner resources labelled for this deployment',
    })
    event({
      at: wipedAt,
      phase: 'wipe',
      level: 'info',
      message: `Wiped ${fqdn}: infrastructure destroyed, subdomain released`,
    })
  }
  changes.sort((a, b) => a.at - b.at)
  // Anything recorded after a wipe (jobs still "running" in the plan) is cut off by it.
  const cutoff = mutations.wipe?.requestedAt ?? Infinity
  const visibleChanges = changes.filter(
    (c) => c.at <= cutoff || c.status === 'wiping' || c.status === 'wiped',
  )

  events.sort((a, b) => a.at - b.at)
  const timeline: Timeline = {
    spec,
    jobs,
    byName: new Map(jobs.map((j) => [j.jobName, j])),
    kubeconfigAt,
    watchStart,
    statusChanges: visibleChanges,
    handoverFiredAt,
    events: events.filter((e) => e.at <= cutoff || e.phase === 'wipe'),
    ips,
  }
  if (!withEvents) {
    // Deterministic, so recomputing with events gives exactly the buffer this timeline would have had.
    const frozen: Mutations = {
      ...mutations,
      retries: new Map(mutations.retries),
      logFloods: [...mutations.logFloods],
      day2: [...(mutations.day2 ?? [])],
      kubeconfigPuts: new Map(mutations.kubeconfigPuts),
    }
    let cached: PlannedEvent[] | undefined
    Object.defineProperty(timeline, 'events', {
      get: () => (cached ??= computeTimeline(spec, frozen).events),
      enumerable: true,
    })
  }
  return timeline
}

function toEventLevel(l: Level): 'info' | 'warn' | 'error' {
  return l === 'ERROR' ? 'error' : l === 'WARN' ? 'warn' : 'info'
}

/** One `phase:"component"` event per HelmRelease state change, plus a raw helm-controller line. */
function componentEvents(
  job: PlannedJob,
  region: RegionPlan,
  version: string,
  event: (e: PlannedEvent) => void,
): void {
  const chart = job.chart!
  const component = region.primary ? chart.chart : `${region.key}:${chart.chart}`
  const dependsOn = job.dependsOn
  const observed = job.observedAt!
  const firstDep = chart.dependsOn[0]
  event({
    at: observed,
    phase: 'component',
    level: 'info',
    component,
    state: 'pending',
    dependsOn,
    message: firstDep
      ? `dependency 'flux-system/bp-${firstDep}' is not ready`
      : 'HelmRelease observed, waiting for first reconcile',
  })
  job.attempts.forEach((a) => {
    event({
      at: a.start,
      phase: 'component',
      level: 'info',
      component,
      state: 'installing',
      dependsOn,
      message: "Running 'install' action with timeout of 15m0s",
    })
    event({
      at: a.start + 500,
      phase: 'component-log',
      level: 'info',
      component,
      message: `{"level":"info","msg":"reconciling HelmRelease","controller":"helmrelease","name":"${chart.helmRelease}","namespace":"flux-system","revision":"${version}"}`,
    })
    event({
      at: a.end,
      phase: 'component',
      level: a.ok ? 'info' : 'error',
      component,
      state: a.ok ? 'installed' : 'failed',
      dependsOn,
      message: a.ok
        ? `Helm install succeeded for release ${chart.namespace}/${chart.chart}.v1 with chart ${chart.helmRelease}@${version}`
        : `Helm install failed for release ${chart.namespace}/${chart.chart}: context deadline exceeded`,
    })
  })
}

/** Job status at `t` from its attempts (a job never regresses to pending once it started). */
export function jobStatusAt(
  job: PlannedJob,
  t: number,
): 'pending' | 'running' | 'succeeded' | 'failed' | undefined {
  if (job.observedAt === null || t < job.observedAt) return undefined
  let current: Attempt | undefined
  for (const a of job.attempts) if (a.start <= t) current = a
  if (!current) return 'pending'
  if (t < current.end) return 'running'
  return current.ok ? 'succeeded' : 'failed'
}

/**
 * The status timeline, evaluated at every instant something can change. Phase 1 is settled when every
 * region's watcher runs and every install is succeeded, failed, or pending behind a failure; the outcome is
 * `ready` unless the primary region failed (secondary failures only degrade).
 */
function statusTimeline(
  jobs: PlannedJob[],
  spec: DeploymentSpec,
  watchStart: Map<string, number | null>,
): StatusChange[] {
  const phase0 = jobs.filter((j) => j.phase === 'provisioner')
  const installs = jobs.filter((j) => j.kind === 'install')
  const byName = new Map(installs.map((j) => [j.jobName, j]))
  const cb = phase0.find((j) => j.jobName === 'cluster-bootstrap')
  const instants = new Set<number>([spec.createdAt])
  for (const j of [...phase0, ...installs]) for (const a of j.attempts) instants.add(a.start).add(a.end)
  for (const w of watchStart.values()) if (w !== null) instants.add(w)

  const statusAt = (t: number): StatusChange => {
    for (const j of phase0) {
      if (jobStatusAt(j, t) === 'failed') {
        const outcome =
          j.jobName === 'cluster-bootstrap'
            ? spec.scenario === 'kubeconfig-missing'
              ? 'kubeconfig-missing'
              : 'flux-not-reconciling'
            : undefined
        const error =
          j.jobName === 'tofu-apply'
            ? 'tofu apply: resource_limit_exceeded: server limit reached for project (limit: 10)'
            : outcome === 'kubeconfig-missing'
              ? 'Phase 1 could not start: the primary kubeconfig never arrived (kubeconfig-missing)'
              : 'Phase 1 watch timed out: Flux is not reconciling the bootstrap kit (flux-not-reconciling)'
        return { at: t, status: 'failed', outcome, error }
      }
    }
    if (!cb || !cb.attempts[0] || t < cb.attempts[0].start) return { at: t, status: 'provisioning' }
    for (const w of watchStart.values()) if (w === null || t < w) return { at: t, status: 'phase1-watching' }
    const settled = new Map<string, 'ok' | 'failed' | 'blocked' | 'open'>()
    const settle = (j: PlannedJob): 'ok' | 'failed' | 'blocked' | 'open' => {
      const known = settled.get(j.jobName)
      if (known) return known
      const s = jobStatusAt(j, t)
      let r: 'ok' | 'failed' | 'blocked' | 'open'
      if (s === 'succeeded') r = 'ok'
      else if (s === 'failed') r = 'failed'
      else if (s === 'running') r = 'open'
      else {
        const deps = j.dependsOn.map((d) => byName.get(d)).filter((d): d is PlannedJob => !!d)
        r = deps.some((d) => ['failed', 'blocked'].includes(settle(d))) ? 'blocked' : 'open'
      }
      settled.set(j.jobName, r)
      return r
    }
    let primaryFailed = false
    for (const j of installs) {
      const s = settle(j)
      if (s === 'open') return { at: t, status: 'phase1-watching' }
      if (s === 'failed' && j.primaryRegion) primaryFailed = true
    }
    return primaryFailed
      ? {
          at: t,
          status: 'failed',
          outcome: 'failed',
          error: 'Phase 1 failed: one or more HelmReleases failed to install',
        }
      : { at: t, status: 'ready', outcome: 'ready' }
  }

  const changes: StatusChange[] = []
  for (const t of [...instants].sort((a, b) => a - b)) {
    const s = statusAt(t)
    const last = changes[changes.length - 1]
    if (!last || last.status !== s.status) changes.push(s)
  }
  return changes
}

/** Deterministic execution id (32 hex) for an attempt. */
export function executionId(deploymentId: string, jobName: string, attempt: number): string {
  return keyedHex(`${deploymentId}:${jobName}:exec:${attempt}`, 16)
}
