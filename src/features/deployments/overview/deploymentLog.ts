/**
 * The live deployment log as a pure reducer over new events only: the server replays its whole buffer on
 * every (re)connect (contract §2.3.2, §7 trap 11), and `DeploymentEventStream` (`entities/deployment`)
 * already de-duplicated that before anything gets here, so every event applied is one more line.
 */
import type { DeploymentEvent } from '../../../contracts/deployments.ts'

export interface LogEvent extends DeploymentEvent {
  /** Arrival order of the unique event (stable React key). */
  seq: number
}

export interface PhaseSeen {
  count: number
  first: string
  last: string
  errors: number
}

export interface DeploymentLogState {
  /** The most recent unique events, oldest first (capped at `MAX_KEPT_EVENTS`). */
  events: readonly LogEvent[]
  /** Unique events applied since the page opened. */
  total: number
  /** Latest HelmRelease state per component key (`cilium`, `nbg1-1:cilium`). */
  components: Readonly<Record<string, string>>
  /** Per event phase (`tofu-apply`, `component`, `cutover`…): how often, when, how many errors. */
  phases: Readonly<Record<string, PhaseSeen>>
}

export const MAX_KEPT_EVENTS = 500

export const emptyLog: DeploymentLogState = {
  events: [],
  total: 0,
  components: {},
  phases: {},
}

/** Applies a batch of new events (one copy of the bookkeeping per batch, so a 10,000-event replay is cheap). */
export function applyDeploymentEvents(
  state: DeploymentLogState,
  batch: readonly DeploymentEvent[],
): DeploymentLogState {
  if (batch.length === 0) return state
  let components: Record<string, string> | undefined
  const phases: Record<string, PhaseSeen> = { ...state.phases }
  const added: LogEvent[] = []
  let total = state.total
  for (const e of batch) {
    added.push({ ...e, seq: total++ })
    if (e.component && e.state) {
      components ??= { ...state.components }
      components[e.component] = e.state
    }
    const p = phases[e.phase]
    phases[e.phase] = p
      ? { count: p.count + 1, first: p.first, last: e.time, errors: p.errors + (e.level === 'error' ? 1 : 0) }
      : { count: 1, first: e.time, last: e.time, errors: e.level === 'error' ? 1 : 0 }
  }
  const events =
    state.events.length + added.length > MAX_KEPT_EVENTS
      ? [...state.events, ...added].slice(-MAX_KEPT_EVENTS)
      : [...state.events, ...added]
  return { events, total, components: components ?? state.components, phases }
}

/** One event (the batch form is what the screen uses). */
export function applyDeploymentEvent(state: DeploymentLogState, e: DeploymentEvent): DeploymentLogState {
  return applyDeploymentEvents(state, [e])
}

/** Region key of a component key: `nbg1-1:cilium` → `nbg1-1`; a bare chart belongs to the primary. */
export function componentRegion(componentKey: string, primaryKey: string): string {
  const i = componentKey.indexOf(':')
  return i < 0 ? primaryKey : componentKey.slice(0, i)
}

/** Per region: how many components the log has seen, and how many are installed / failed. */
export function componentTallies(
  components: Readonly<Record<string, string>>,
  primaryKey: string,
): Map<string, { seen: number; installed: number; failed: number }> {
  const out = new Map<string, { seen: number; installed: number; failed: number }>()
  for (const [key, st] of Object.entries(components)) {
    const r = componentRegion(key, primaryKey)
    const t = out.get(r) ?? { seen: 0, installed: 0, failed: 0 }
    t.seen++
    if (st === 'installed') t.installed++
    if (st === 'failed') t.failed++
    out.set(r, t)
  }
  return out
}
