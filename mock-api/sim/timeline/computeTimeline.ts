import { applyOverlays } from './applyOverlays.ts'
import { day2Jobs, logFloodJobs } from './operatorJobs.ts'
import { createPlanContext } from './planContext.ts'
import { planClusterBootstrap } from './planClusterBootstrap.ts'
import { planCutoverAndHandover } from './planCutoverAndHandover.ts'
import { planInstalls } from './planInstalls.ts'
import { planOpenTofu } from './planOpenTofu.ts'
import { statusTimeline } from './statusTimeline.ts'
import type { DeploymentSpec, Mutations, PlannedEvent, Timeline } from './types.ts'

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
 *
 * Each phase has its own planner; they run in lifecycle order and append to the shared job and event
 * buffers (events with equal instants keep that order: the final sort is stable).
 *
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
  const ctx = createPlanContext(spec, mutations, withEvents)
  const { jobs, events } = ctx

  const { output, kubeconfigAt } = planOpenTofu(ctx)
  const cb = planClusterBootstrap(ctx, output, kubeconfigAt)
  const watchStart = planInstalls(ctx, cb, kubeconfigAt)

  const planned = statusTimeline(jobs, spec, watchStart)
  const readyChange = planned.find((c) => c.status === 'ready')
  const handoverFiredAt = readyChange ? planCutoverAndHandover(ctx, readyChange.at) : null

  jobs.push(...logFloodJobs(mutations), ...day2Jobs(mutations))
  const { statusChanges, cutoff } = applyOverlays(ctx, planned)

  events.sort((a, b) => a.at - b.at)
  const timeline: Timeline = {
    spec,
    jobs,
    byName: new Map(jobs.map((j) => [j.jobName, j])),
    kubeconfigAt,
    watchStart,
    statusChanges,
    handoverFiredAt,
    events: events.filter((e) => e.at <= cutoff || e.phase === 'wipe'),
    ips: ctx.ips,
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
