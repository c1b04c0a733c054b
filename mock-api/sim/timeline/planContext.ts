import type { Level } from '../logs.ts'
import { hashString, keyedBetween } from '../rng.ts'
import type {
  Attempt,
  DeploymentSpec,
  Mutations,
  PlannedEvent,
  PlannedJob,
  RegionPlan,
  Timeline,
} from './types.ts'

export const S = 1000
export const MIN = 60 * S
/** Helm's install timeout: a chart that never becomes ready fails after 15 minutes. */
export const HELM_TIMEOUT_MS = 15 * MIN
export const KUBECONFIG_WAIT_MS = 15 * MIN
export const WATCH_TIMEOUT_MS = 120 * MIN

/**
 * What every phase planner shares while one timeline is built: the spec, the operator's mutations, the
 * seeded randomness, and the two buffers (jobs, events) the phases append to in lifecycle order.
 */
export interface PlanContext {
  spec: DeploymentSpec
  mutations: Mutations
  seed: number
  t0: number
  fqdn: string
  primary: RegionPlan
  /** Seeded uniform value in [min, max) for a stable key: the same key gives the same draw in every run. */
  between: (key: string, min: number, max: number) => number
  jobs: PlannedJob[]
  events: PlannedEvent[]
  ips: Timeline['ips']
  /** Records an event (a no-op when the timeline is built without its event buffer). */
  event: (e: PlannedEvent) => void
  /** One event per log line of every attempt of `job`, cut at the attempt's end. */
  lineEvents: (job: PlannedJob, phase: string) => void
}

export function createPlanContext(
  spec: DeploymentSpec,
  mutations: Mutations,
  withEvents: boolean,
): PlanContext {
  const { seed } = spec
  const primary = spec.regions[0]
  if (!primary) throw new Error('a deployment needs at least one region')
  const events: PlannedEvent[] = []
  const event = (e: PlannedEvent) => {
    if (withEvents) events.push(e)
  }
  return {
    spec,
    mutations,
    seed,
    t0: spec.createdAt,
    fqdn: spec.request.sovereignFQDN,
    primary,
    between: (key, min, max) => keyedBetween(seed, key, min, max),
    jobs: [],
    events,
    ips: {
      controlPlane: ipFor(seed, 'cp', '116.203'),
      loadBalancer: (rk: string) => ipFor(seed, `lb:${rk}`, '49.12'),
    },
    event,
    lineEvents: (job, phase) => {
      if (!withEvents) return
      job.attempts.forEach((a, i) => {
        for (const l of job.lines(i)) {
          if (a.start + l.offsetMs > a.end) continue
          event({ at: a.start + l.offsetMs, phase, level: toEventLevel(l.level), message: l.text })
        }
      })
    },
  }
}

/** Attempts of one job: the first from `readyAt`, then one per retry recorded after a failure. */
export function attemptsFor(
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
export function okEnd(attempts: Attempt[]): number | null {
  const last = attempts[attempts.length - 1]
  return last?.ok ? last.end : null
}

function ipFor(seed: number, key: string, prefix: string): string {
  const h = hashString(`${seed}:${key}`)
  return `${prefix}.${(h >>> 8) & 0xff}.${h & 0xff}`
}

function toEventLevel(l: Level): 'info' | 'warn' | 'error' {
  return l === 'ERROR' ? 'error' : l === 'WARN' ? 'warn' : 'info'
}
