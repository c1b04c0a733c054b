/**
 * Replay: the deployment as it was at an instant, rebuilt only from what the API returns (the jobs list,
 * the event history, optionally executions and the record) — so it works against the real backend too.
 *
 *   prepareReplay(data)          once: parse every time, attempts per job, component transitions,
 *                                group order, deployment thresholds, event times       O(jobs + events)
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
import {
  attemptsOf,
  componentTransitions,
  executionsByJob,
  type Attempt,
  type Transition,
} from './jobAttempts.ts'
import {
  deploymentOf,
  isGroupJob,
  jobComponent,
  jobPhase,
  jobRegion,
  parseTime,
  canonicalRef,
  PRIMARY,
  type RunData,
  type RunEvent,
} from './runData.ts'
import { emptyCounts, rollupStatus, type FlowStatus, type StatusCounts } from './status.ts'

export interface ReplayJob {
  id: string
  status: FlowStatus
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

interface LeafIndex {
  id: string
  pos: number
  attempts: Attempt[]
  transitions: Transition[] | undefined
  /** First component event, if any. */
  seenAtMs: number | undefined
  region: string
  component: string | undefined
  phase0: boolean
  /** Indices into `leaves` of its dependencies. */
  deps: number[]
}

interface GroupIndex {
  id: string
  pos: number
  /** Positions (into `order`) of its children. */
  children: number[]
}

export interface PreparedReplay {
  readonly data: RunData
  /** Events in time order (stable), the array `eventCount` indexes. */
  readonly events: readonly RunEvent[]
  /** `events[i]` time in ms (unparsable = -Infinity, always shown). */
  readonly eventTimes: Float64Array
  /** The run's first instant (record start, else the earliest time in the data). */
  readonly startMs: number
  /** The data horizon: `data.asOfMs`, else the newest time in the data. */
  readonly asOfMs: number
  /** @internal */
  readonly order: string[]
  /** @internal */
  readonly leaves: LeafIndex[]
  /** @internal groups children-first */
  readonly groups: GroupIndex[]
  /** @internal */
  readonly thresholds: Thresholds
}

interface Thresholds {
  recordStart: number | undefined
  phase1StartMs: number | undefined
  settleMs: number | undefined
  settleStatus: string | undefined
  wipingMs: number | undefined
  wipedMs: number | undefined
  adoptedMs: number | undefined
  recordStatus: string | undefined
  /** Phase-1 settles a later retry re-opened (the record only keeps the last one): [from, to) → status. */
  earlierSettles: { from: number; to: number; status: string }[]
}

const HR_STATE: Record<FlowStatus, string> = {
  pending: 'pending',
  running: 'installing',
  succeeded: 'installed',
  failed: 'failed',
}

export function prepareReplay(data: RunData): PreparedReplay {
  const dep = data.jobs.length ? deploymentOf(data.jobs[0]!) : (data.deployment?.id ?? '')
  const execs = executionsByJob(data)
  const transitions = componentTransitions(data.jobs, data.events)

  const order: string[] = []
  const jobs = new Map<string, RunData['jobs'][number]>()
  for (const j of data.jobs) {
    if (jobs.has(j.id)) continue
    jobs.set(j.id, j)
    order.push(j.id)
  }
  const pos = new Map(order.map((id, i) => [id, i]))

  let minT = Infinity
  let maxT = -Infinity
  const see = (t: number | undefined) => {
    if (t === undefined) return
    if (t < minT) minT = t
    if (t > maxT) maxT = t
  }

  // Parent links (cycle-safe: a parent chain that loops is cut where it closes).
  const children = new Map<string, number[]>()
  for (const id of order) {
    const j = jobs.get(id)!
    const parent = j.parentId ? canonicalRef(dep, j.parentId) : ''
    if (!parent || parent === id || !pos.has(parent)) continue
    const list = children.get(parent)
    if (list) list.push(pos.get(id)!)
    else children.set(parent, [pos.get(id)!])
  }
  const isGroup = (id: string) => isGroupJob(jobs.get(id)!) || children.has(id)

  const leaves: LeafIndex[] = []
  let cbStart: number | undefined
  for (const id of order) {
    if (isGroup(id)) continue
    const j = jobs.get(id)!
    const trs = transitions.get(id)
    const attempts = attemptsOf(j, execs.get(id), trs)
    for (const a of attempts) {
      see(a.startMs)
      see(a.endMs)
    }
    see(parseTime(j.startedAt))
    see(parseTime(j.finishedAt))
    if (j.jobName === 'cluster-bootstrap' && attempts[0]) cbStart = attempts[0].startMs
    leaves.push({
      id,
      pos: pos.get(id)!,
      attempts,
      transitions: trs,
      seenAtMs: trs?.[0]?.atMs,
      region: jobRegion(j),
      component: j.kind === 'install' || j.jobName.startsWith('install-') ? jobComponent(j) : undefined,
      phase0: jobPhase(j) === 'provisioner',
      deps: [],
    })
  }
  const leafAt = new Map(leaves.map((l, i) => [l.id, i]))
  for (const l of leaves)
    for (const ref of jobs.get(l.id)!.dependsOn ?? []) {
      const d = leafAt.get(ref) ?? leafAt.get(canonicalRef(dep, ref))
      if (d !== undefined && leaves[d] !== l && !l.deps.includes(d)) l.deps.push(d)
    }

  // Groups children-first: an iterative post-order from every group no other group contains.
  const groups: GroupIndex[] = []
  const done = new Set<string>()
  const onStack = new Set<string>()
  for (const root of order) {
    if (!isGroup(root) || done.has(root)) continue
    const stack: [string, number][] = [[root, 0]]
    onStack.add(root)
    while (stack.length) {
      const top = stack[stack.length - 1]!
      const kids = children.get(top[0]) ?? []
      if (top[1] < kids.length) {
        const child = order[kids[top[1]++]!]!
        if (isGroup(child) && !done.has(child) && !onStack.has(child)) {
          onStack.add(child)
          stack.push([child, 0])
        }
        continue
      }
      stack.pop()
      onStack.delete(top[0])
      done.add(top[0])
      // A child still on the stack closes a parent cycle: leave that edge out.
      groups.push({
        id: top[0],
        pos: pos.get(top[0])!,
        children: kids.filter((k) => !onStack.has(order[k]!)),
      })
    }
  }

  const indexed = (data.events ?? []).map((e, i) => ({ e, i, t: parseTime(e.time) ?? -Infinity }))
  indexed.sort((a, b) => a.t - b.t || a.i - b.i)
  const events = indexed.map((x) => x.e)
  const eventTimes = Float64Array.from(indexed, (x) => x.t)
  let firstFlux: number | undefined
  let firstComponent: number | undefined
  let firstWipe: number | undefined
  let lastWipe: number | undefined
  for (const x of indexed) {
    if (x.t === -Infinity) continue
    see(x.t)
    if (x.e.phase === 'flux-bootstrap') firstFlux ??= x.t
    else if (x.e.phase === 'component') firstComponent ??= x.t
    else if (x.e.phase === 'wipe') {
      firstWipe ??= x.t
      lastWipe = x.t
    }
  }

  const d = data.deployment
  const recordStart = parseTime(d?.startedAt)
  const recordEnd = parseTime(d?.finishedAt)
  const adoptedMs = parseTime(d?.adoptedAt)
  const phase1Finished = parseTime(d?.phase1FinishedAt)
  for (const t of [recordStart, recordEnd, adoptedMs, phase1Finished]) see(t)
  const recordStatus = d?.status || undefined
  const settle = settleOf(recordStatus, d?.phase1Outcome, phase1Finished, recordEnd)
  const wipedMs = recordStatus === 'wiped' ? (lastWipe ?? recordEnd) : undefined
  const wipingMs = recordStatus === 'wiped' || recordStatus === 'wiping' ? (firstWipe ?? wipedMs) : undefined

  const startMs = recordStart ?? (minT === Infinity ? 0 : minT)
  const asOfMs = data.asOfMs ?? (maxT === -Infinity ? startMs : maxT)
  const phase1Starts = [cbStart, firstFlux, firstComponent].filter((t): t is number => t !== undefined)
  return {
    data,
    events,
    eventTimes,
    startMs,
    asOfMs,
    order,
    leaves,
    groups,
    thresholds: {
      recordStart,
      phase1StartMs: phase1Starts.length ? Math.min(...phase1Starts) : undefined,
      settleMs: settle.at,
      settleStatus: settle.status,
      earlierSettles: earlierSettles(leaves, phase1Starts.length ? Math.min(...phase1Starts) : undefined),
      wipingMs,
      wipedMs,
      adoptedMs,
      recordStatus,
    },
  }
}

/** The job existed at t: no component event says otherwise, or the watcher had reported it, or it started. */
function seenAt(leaf: LeafIndex, t: number): boolean {
  return leaf.seenAtMs === undefined || leaf.seenAtMs <= t || (leaf.attempts[0]?.startMs ?? Infinity) <= t
}

/** A leaf's status at t from its attempts, and when its current outcome began (terminal only). */
function leafStatusAt(leaf: LeafIndex, t: number): { status: FlowStatus; since: number | undefined } {
  const ai = lastAttemptAt(leaf.attempts, t)
  if (ai < 0) return { status: 'pending', since: undefined }
  const a = leaf.attempts[ai]!
  if (a.endMs !== undefined && a.endMs <= t && a.outcome) return { status: a.outcome, since: a.endMs }
  return { status: 'running', since: undefined }
}

/**
 * Phase-1 settles that a retry re-opened. The record keeps only the last `phase1FinishedAt`, so for each
 * retry of an install we evaluate, just before it, the settle rule (every seen install terminal, or pending
 * behind a failed or blocked dependency): if it held, the deployment showed that outcome from the last
 * install's finish until the retry — `failed` when a primary install had failed, else `ready`.
 */
function earlierSettles(
  leaves: readonly LeafIndex[],
  phase1StartMs: number | undefined,
): { from: number; to: number; status: string }[] {
  if (phase1StartMs === undefined) return []
  const installs = leaves.filter((l) => l.component !== undefined)
  const retries = new Set<number>()
  for (const l of installs) for (let k = 1; k < l.attempts.length; k++) retries.add(l.attempts[k]!.startMs)
  const out: { from: number; to: number; status: string }[] = []
  for (const r of [...retries].sort((x, y) => x - y)) {
    const t = r - 1
    if (t < phase1StartMs) continue
    const state = leaves.map((l) => leafStatusAt(l, t))
    const blocked = new Map<number, boolean>()
    // Pending behind a failed or (recursively) blocked dependency; a dependency cycle is not blocked.
    const isBlocked = (i: number, visiting: Set<number>): boolean => {
      const known = blocked.get(i)
      if (known !== undefined) return known
      if (visiting.has(i)) return false
      visiting.add(i)
      const b = leaves[i]!.deps.some((d) => {
        const s = state[d]!.status
        return s === 'failed' || (s === 'pending' && isBlocked(d, visiting))
      })
      blocked.set(i, b)
      return b
    }
    let settled = true
    let from = phase1StartMs
    let primaryFailed = false
    leaves.forEach((l, i) => {
      if (!settled || l.component === undefined || !seenAt(l, t)) return
      const s = state[i]!
      if (s.status === 'running' || (s.status === 'pending' && !isBlocked(i, new Set()))) settled = false
      if (s.since !== undefined) from = Math.max(from, s.since)
      if (s.status === 'failed' && l.region === PRIMARY) primaryFailed = true
    })
    if (settled && from < r) out.push({ from, to: r, status: primaryFailed ? 'failed' : 'ready' })
  }
  return out
}

/** When Phase 1 settled and into which status, as far as the record says. */
function settleOf(
  status: string | undefined,
  outcome: string | undefined,
  phase1FinishedAt: number | undefined,
  finishedAt: number | undefined,
): { at: number | undefined; status: string | undefined } {
  const settledStatus = status === 'ready' || status === 'failed' || status === 'partial-failure'
  const at = phase1FinishedAt ?? (settledStatus ? finishedAt : undefined)
  let s: string | undefined
  if (outcome) s = outcome === 'ready' ? 'ready' : 'failed'
  else if (settledStatus) s = status
  else if (status === 'adopted') s = 'ready'
  return { at, status: at === undefined ? undefined : s }
}

/** Index of the last element ≤ t, -1 if none (times ascending). */
function lastAtOrBefore(n: number, timeAt: (i: number) => number, t: number): number {
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (timeAt(mid) <= t) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

// Specialised copies of `lastAtOrBefore` for the per-frame loop (no closure per job per frame).
function lastAttemptAt(list: readonly Attempt[], t: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]!.startMs <= t) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

function lastTransitionAt(list: readonly Transition[], t: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]!.atMs <= t) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

function lastTimeAt(times: Float64Array, t: number): number {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (times[mid]! <= t) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

function emptyReplayCounts(): ReplayCounts {
  return { ...emptyCounts(), total: 0, done: 0 }
}

function tally(c: ReplayCounts, s: FlowStatus): void {
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
    let status: FlowStatus = 'pending'
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
