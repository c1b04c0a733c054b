/**
 * Replay: the deployment as it was at an instant, rebuilt only from what the API returns (the jobs list,
 * the event history, optionally executions and the record) — so it works against the real backend too.
 *
 *   prepareReplay(data)          once (`prepareReplay.ts`): parse every time, attempts per job,
 *                                component transitions, group order, deployment thresholds,
 *                                event times                                           O(jobs + events)
 *   replayAt(prepared, atMs)     per instant (60 fps scrubbing): one pass over the jobs, a binary
 *                                search per job's transitions and over the events        O(jobs · log)
 *
 * Rules at instant t:
 * - A leaf job is pending before its first attempt starts, running inside an attempt, and shows the
 *   outcome of its latest ended attempt between attempts (a failure retried later reads failed until the
 *   retry starts). Attempts: `jobAttempts.ts`.
 * - `durationMs` is the API's: from the first start to the latest attempt's end (or t while running).
 * - A job is `seen` from its first component event (the watcher observed its HelmRelease); jobs without
 *   component events are taken to exist from the start. Counts and rollups use seen jobs only.
 * - Groups roll up bottom-up with `rollupStatus` over their seen descendant jobs (a group with none is
 *   pending and does not sway its parent, contract §3.5); their start is the earliest child start, their
 *   finish the latest once every child is terminal.
 * - Deployment status (contract §3.1.1), first rule that holds: before the record's start `pending`; at or
 *   after `asOfMs` the record's own status; after the last/first `wipe` event `wiped`/`wiping`; after
 *   `adoptedAt` `adopted`; any Phase-0 (`provisioner`) job failed at t `failed`; after
 *   `phase1FinishedAt` (else the record's `finishedAt` for ready/failed records) the Phase-1 outcome — and
 *   before a retry that re-opened Phase 1, the outcome of the settle it re-opened (see `earlierSettles`);
 *   after `cluster-bootstrap` started (or the first `flux-bootstrap`/`component` event) `phase1-watching`;
 *   else `provisioning`.
 *
 * What replay cannot know from the API (the screen should say "as far as the API recorded"):
 * - retries of jobs with neither executions nor component events (OpenTofu jobs): one long attempt;
 * - when non-install jobs (cutover, handover steps) first appeared: they read pending from the start;
 * - `pending` message texts and component states once they fell out of the 10 000-event buffer;
 * - intermediate record statuses the events do not mark (`tofu-applying`, `flux-bootstrapping`);
 * - exactly when a settle that a retry re-opened happened: the record keeps only the last
 *   `phase1FinishedAt`, so it is re-derived from the jobs (the last install's finish), possibly earlier
 *   than the backend decided (it polls late releases for up to 10 minutes);
 * - anything not in these resources: node counts, load-balancer IPs, handover URL validity over time.
 */
import { prepareReplay, seenAt, type PreparedReplay } from './prepareReplay.ts'
import { parseTime, type RunData } from './runData.ts'
import { lastAtOrBefore, lastAttemptAt, lastTimeAt, lastTransitionAt } from './sortedSearch.ts'
import { emptyCounts, rollupStatus, type RunStatus, type StatusCounts } from '../contracts/runStatus.ts'

export interface ReplayJob {
  id: string
  status: RunStatus
  /** Existed at t (see module notes); unseen jobs are excluded from counts and rollups. */
  seen: boolean
  /** First start, if before t. */
  startedAtMs: number | undefined
  /** End of the latest attempt if it ended by t and the job is terminal at t. */
  finishedAtMs: number | undefined
  /** First start → latest end (or t while running); 0 before the start. */
  durationMs: number
  /** Attempts started by t (0 = not started; 2+ = retried). Always 0 for groups. */
  attempt: number
  /** The job's latest HelmRelease condition text at t (component events only). */
  message: string | undefined
}

export interface ReplayCounts extends StatusCounts {
  total: number
  /** Succeeded + failed. */
  done: number
}

export interface ReplaySnapshot {
  atMs: number
  /** Deployment status at t (see module notes). */
  status: string
  /** Every job (leaves and groups), in the input order. */
  jobs: ReadonlyMap<string, ReplayJob>
  /** Seen leaf jobs. */
  counts: ReplayCounts
  /** Seen leaf jobs per region bucket (`primary`, region keys, `none`). */
  regions: ReadonlyMap<string, ReplayCounts>
  /** `componentStates` as the record would have shown them at t (contract §3.3). */
  componentStates: Record<string, string>
  /** Events at or before t: `prepared.events.slice(0, eventCount)`. */
  eventCount: number
  /** t is at or past the data's `asOfMs`: this is the live state. */
  live: boolean
}

const HR_STATE: Record<RunStatus, string> = {
  pending: 'pending',
  running: 'installing',
  succeeded: 'installed',
  failed: 'failed',
}

function emptyReplayCounts(): ReplayCounts {
  return { ...emptyCounts(), total: 0, done: 0 }
}

function tally(c: ReplayCounts, s: RunStatus): void {
  c[s]++
  c.total++
  if (s === 'succeeded' || s === 'failed') c.done++
}

const cache = new WeakMap<RunData, PreparedReplay>()

function isPrepared(x: RunData | PreparedReplay): x is PreparedReplay {
  return 'eventTimes' in x && 'thresholds' in x
}

/** The deployment at `atMs`. Pass a `prepareReplay` result when scrubbing (raw data is prepared once per object). */
export function replayAt(input: RunData | PreparedReplay, atMs: number): ReplaySnapshot {
  let p: PreparedReplay
  if (isPrepared(input)) p = input
  else {
    const hit = cache.get(input)
    p = hit ?? prepareReplay(input)
    if (!hit) cache.set(input, p)
  }
  const t = atMs
  const slots: (ReplayJob | undefined)[] = new Array(p.order.length)
  const counts = emptyReplayCounts()
  const regions = new Map<string, ReplayCounts>()
  const componentStates: Record<string, string> = {}
  let phase0Failed = false

  for (const leaf of p.leaves) {
    const { attempts } = leaf
    const ai = lastAttemptAt(attempts, t)
    let status: RunStatus = 'pending'
    let startedAtMs: number | undefined
    let finishedAtMs: number | undefined
    let durationMs = 0
    if (ai >= 0) {
      const a = attempts[ai]!
      startedAtMs = attempts[0]!.startMs
      if (a.endMs !== undefined && a.endMs <= t && a.outcome) {
        status = a.outcome
        finishedAtMs = a.endMs
        durationMs = a.endMs - startedAtMs
      } else {
        status = 'running'
        durationMs = t - startedAtMs
      }
    }
    const trs = leaf.transitions
    const ti = trs ? lastTransitionAt(trs, t) : -1
    const tr = ti >= 0 ? trs![ti] : undefined
    const seen = seenAt(leaf, t)
    slots[leaf.pos] = {
      id: leaf.id,
      status,
      seen,
      startedAtMs,
      finishedAtMs,
      durationMs,
      attempt: ai + 1,
      message: tr?.message,
    }
    if (!seen) continue
    if (leaf.phase0 && status === 'failed') phase0Failed = true
    tally(counts, status)
    let rc = regions.get(leaf.region)
    if (!rc) regions.set(leaf.region, (rc = emptyReplayCounts()))
    tally(rc, status)
    if (leaf.component) componentStates[leaf.component] = tr?.state ?? HR_STATE[status]
  }

  // Seen leaves beneath each group: a group with none (empty) is pending but does not sway its parent,
  // whose rollup is over descendant jobs (contract §3.5).
  const leavesBelow = new Int32Array(p.order.length)
  for (const leaf of p.leaves) if (slots[leaf.pos]!.seen) leavesBelow[leaf.pos] = 1
  for (const g of p.groups) {
    const kids: ReplayJob[] = []
    for (const k of g.children) {
      if (leavesBelow[k] === 0) continue
      leavesBelow[g.pos] = leavesBelow[g.pos]! + leavesBelow[k]!
      kids.push(slots[k]!)
    }
    let startedAtMs: number | undefined
    let finishedAtMs: number | undefined
    let allTerminal = kids.length > 0
    for (const k of kids) {
      if (k.startedAtMs !== undefined && (startedAtMs === undefined || k.startedAtMs < startedAtMs))
        startedAtMs = k.startedAtMs
      if (k.status !== 'succeeded' && k.status !== 'failed') allTerminal = false
      else if (k.finishedAtMs !== undefined && (finishedAtMs === undefined || k.finishedAtMs > finishedAtMs))
        finishedAtMs = k.finishedAtMs
    }
    if (!allTerminal) finishedAtMs = undefined
    slots[g.pos] = {
      id: g.id,
      status: rollupStatus(kids.map((k) => k.status)) ?? 'pending',
      seen: true,
      startedAtMs,
      finishedAtMs,
      durationMs: startedAtMs === undefined ? 0 : Math.max(0, (finishedAtMs ?? t) - startedAtMs),
      attempt: 0,
      message: undefined,
    }
  }

  const jobs = new Map<string, ReplayJob>()
  for (const s of slots) if (s) jobs.set(s.id, s)

  return {
    atMs: t,
    status: deploymentStatusAt(p, t, phase0Failed),
    jobs,
    counts,
    regions,
    componentStates,
    eventCount: lastTimeAt(p.eventTimes, t) + 1,
    live: t >= p.asOfMs,
  }
}

function deploymentStatusAt(p: PreparedReplay, t: number, phase0Failed: boolean): string {
  const th = p.thresholds
  if (t < p.startMs) return 'pending'
  if (t >= p.asOfMs && th.recordStatus) return th.recordStatus
  if (th.wipedMs !== undefined && t >= th.wipedMs) return 'wiped'
  if (th.wipingMs !== undefined && t >= th.wipingMs) return 'wiping'
  if (th.adoptedMs !== undefined && t >= th.adoptedMs) return 'adopted'
  if (phase0Failed) return 'failed'
  for (const w of th.earlierSettles) if (t >= w.from && t < w.to) return w.status
  if (th.settleMs !== undefined && th.settleStatus && t >= th.settleMs) return th.settleStatus
  if (th.phase1StartMs !== undefined && t >= th.phase1StartMs) return 'phase1-watching'
  return 'provisioning'
}

type Timed = { timestamp: string } | { time: string }

function timeOf(x: Timed): number {
  return parseTime('timestamp' in x ? x.timestamp : x.time) ?? -Infinity
}

/**
 * Log lines (`timestamp`) or events (`time`) at or before `atMs`, by binary search — the input must be in
 * time order, as the API returns both. An unparsable time counts as "long ago" (always shown).
 */
export function linesUpTo<T extends Timed>(lines: readonly T[], atMs: number): T[] {
  return lines.slice(0, lastAtOrBefore(lines.length, (i) => timeOf(lines[i]!), atMs) + 1)
}
