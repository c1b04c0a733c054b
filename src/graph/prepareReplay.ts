/**
 * Replay's one-off preparation (see `replayAt.ts` for the rules at an instant): every time parsed, the
 * attempts of each leaf job, its component transitions, the group order children-first, the deployment's
 * thresholds (record times, Phase-1 start and settles, wipe, adoption) and the events in time order.
 * O(jobs + events), once per data object; `replayAt` then answers each instant in O(jobs · log).
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
import { lastAttemptAt } from './sortedSearch.ts'
import type { RunStatus } from '../contracts/runStatus.ts'

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
export function seenAt(leaf: LeafIndex, t: number): boolean {
  return leaf.seenAtMs === undefined || leaf.seenAtMs <= t || (leaf.attempts[0]?.startMs ?? Infinity) <= t
}

/** A leaf's status at t from its attempts, and when its current outcome began (terminal only). */
function leafStatusAt(leaf: LeafIndex, t: number): { status: RunStatus; since: number | undefined } {
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
