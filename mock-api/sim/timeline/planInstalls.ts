import { chartsForRegion, syntheticCharts } from '../kit.ts'
import { chartVersion, installLines } from '../logs.ts'
import { hashString, seededRandom } from '../rng.ts'
import { attemptsFor, HELM_TIMEOUT_MS, okEnd, S, type PlanContext } from './planContext.ts'
import type { PlannedEvent, PlannedJob, RegionPlan } from './types.ts'

export function installJobName(region: RegionPlan, chart: string): string {
  return region.primary ? `install-${chart}` : `install-${region.key}:${chart}`
}

/**
 * Phase 1: one install DAG per region. The primary's watcher starts when cluster-bootstrap succeeds (W0); a
 * secondary's once its kubeconfig has landed (on the 15-second watch tick, never before W0). Returns when
 * each region's watch started (null: never).
 */
export function planInstalls(
  ctx: PlanContext,
  cb: PlannedJob,
  kubeconfigAt: Map<string, number | null>,
): Map<string, number | null> {
  const { spec, seed, between, event, jobs, primary } = ctx
  const retries = ctx.mutations.retries
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
  return watchStart
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
