/**
 * Compare two runs: per chart and region the duration, status and attempts in each, the delta, what
 * exists in only one of them; the critical path of each; a summary (wall time, failed or retried in one
 * but not the other, slowest regressions). Sorting is the screen's business: every row has a stable key.
 *
 * Rows: a leaf job is identified by its region bucket and its chart (`install-nbg1-1:harbor` → `harbor` in
 * `nbg1-1`) or, for anything but installs, its job name. Phase-0 jobs (`tofu-*`, `cluster-bootstrap`) and
 * other jobs without a region are deployment-wide rows (bucket `none`).
 *
 * Region matching, when the runs have different regions (first rule that applies):
 *   1. `none` ↔ `none` and `primary` ↔ `primary`, whatever the primary's cloud region;
 *   2. secondaries with the same region key (`nbg1-1` ↔ `nbg1-1`);
 *   3. secondaries with the same cloud region (`nbg1-1` ↔ `nbg1-2`: a region was inserted before it);
 *   4. the remaining secondaries by position (index suffix order: `hel1-2` ↔ `sin-2`);
 *   5. whatever is left exists in one run only.
 * A matched pair's key is the region key when both sides agree, else `<a>~<b>`; row key `<pair>/<name>`.
 *
 * Durations: first start → last finish (retries and the wait between attempts included; `lastAttemptMs`
 * has the last attempt alone); a job still running counts up to its run's `asOfMs`. Attempts come from
 * executions, else component events (see `jobAttempts.ts`); a job with neither reads as one attempt.
 */
import type { CriticalPath } from './criticalPath.ts'
import { jobAttempts } from './jobAttempts.ts'
import { runCriticalPath } from './runCriticalPath.ts'
import {
  isGroupJob,
  jobChart,
  jobPhase,
  jobRegion,
  jobStatus,
  jobsById,
  parseTime,
  NO_REGION,
  PRIMARY,
  type RunData,
  type RunJob,
} from './runData.ts'
import { phaseRank } from '../contracts/jobs.ts'
import type { RunStatus } from '../contracts/runStatus.ts'

export interface CompareInput extends RunData {
  /** The deployment id (for labels and keys); any stable string. */
  id: string
}

export type RegionMatchRule =
  'deployment-wide' | 'primary' | 'same-key' | 'same-cloud-region' | 'position' | 'only-a' | 'only-b'

export interface RegionPair {
  key: string
  a: string | undefined
  b: string | undefined
  rule: RegionMatchRule
}

export interface CompareSide {
  jobId: string
  status: RunStatus
  startedAtMs: number | undefined
  finishedAtMs: number | undefined
  /** First start → last finish (or `asOfMs` while running); undefined when it never started. */
  durationMs: number | undefined
  lastAttemptMs: number | undefined
  running: boolean
  attempts: number
  retried: boolean
  onCriticalPath: boolean
}

export interface CompareRow {
  /** Stable: `<region pair key>/<name>`. */
  key: string
  /** Chart for installs, job name otherwise. */
  name: string
  label: string
  phase: string
  pair: RegionPair
  a: CompareSide | undefined
  b: CompareSide | undefined
  presence: 'both' | 'only-a' | 'only-b'
  /** B − A, when both have a duration. */
  deltaMs: number | undefined
  /** B / A, when both have a duration and A's is positive. */
  ratio: number | undefined
  statusChanged: boolean
}

export interface RunTotals {
  a: number | undefined
  b: number | undefined
  deltaMs: number | undefined
  ratio: number | undefined
}

export interface RunComparison {
  regions: RegionPair[]
  /** Region pair order, then phase order, then name. */
  rows: CompareRow[]
  critical: { a: CriticalPath; b: CriticalPath }
  summary: {
    /** Record start → finish (or the data's `asOfMs`), else first job start → last job finish. */
    wallMs: RunTotals
    /** Row keys. */
    failedOnlyInA: string[]
    failedOnlyInB: string[]
    retriedOnlyInA: string[]
    retriedOnlyInB: string[]
    onlyInA: string[]
    onlyInB: string[]
    /** Row keys of the largest positive deltas (B slower), largest first. */
    regressions: string[]
    /** Row keys of the largest negative deltas (B faster), largest gain first. */
    improvements: string[]
  }
}

export interface CompareOptions {
  /** How many regressions/improvements the summary lists (default 10). */
  top?: number
}

/** `<cloudRegion>-<index>` → index and cloud region (a key without a numeric suffix: index 0). */
function splitRegionKey(key: string): { cloud: string; index: number } {
  const m = /^(.*)-(\d+)$/.exec(key)
  return m ? { cloud: m[1]!, index: Number(m[2]) } : { cloud: key, index: 0 }
}

/** Primary first, then secondaries in wizard (index) order, deployment-wide last. */
function byIndex(x: string, y: string): number {
  const rank = (r: string) => (r === PRIMARY ? 0 : r === NO_REGION ? 2 : 1)
  return (
    rank(x) - rank(y) || splitRegionKey(x).index - splitRegionKey(y).index || (x < y ? -1 : x > y ? 1 : 0)
  )
}

/** Pairs the region buckets of two runs (rules in the module notes). */
export function matchRegions(a: readonly string[], b: readonly string[]): RegionPair[] {
  const pairs: RegionPair[] = []
  const restA = new Set(a)
  const restB = new Set(b)
  const take = (x: string | undefined, y: string | undefined, rule: RegionMatchRule) => {
    if (x !== undefined) restA.delete(x)
    if (y !== undefined) restB.delete(y)
    const key = x !== undefined && y !== undefined ? (x === y ? x : `${x}~${y}`) : (x ?? y)!
    pairs.push({ key, a: x, b: y, rule })
  }
  if (restA.has(PRIMARY) && restB.has(PRIMARY)) take(PRIMARY, PRIMARY, 'primary')
  if (restA.has(NO_REGION) && restB.has(NO_REGION)) take(NO_REGION, NO_REGION, 'deployment-wide')
  for (const x of [...restA].sort(byIndex)) if (restB.has(x)) take(x, x, 'same-key')
  for (const x of [...restA].sort(byIndex)) {
    const cloud = splitRegionKey(x).cloud
    const y = [...restB]
      .sort(byIndex)
      .find((k) => k !== PRIMARY && k !== NO_REGION && splitRegionKey(k).cloud === cloud)
    if (x !== PRIMARY && x !== NO_REGION && y !== undefined) take(x, y, 'same-cloud-region')
  }
  const leftA = [...restA].filter((k) => k !== PRIMARY && k !== NO_REGION).sort(byIndex)
  const leftB = [...restB].filter((k) => k !== PRIMARY && k !== NO_REGION).sort(byIndex)
  for (let i = 0; i < Math.min(leftA.length, leftB.length); i++) take(leftA[i], leftB[i], 'position')
  for (const x of [...restA].sort(byIndex)) take(x, undefined, 'only-a')
  for (const y of [...restB].sort(byIndex)) take(undefined, y, 'only-b')
  // Primary, then secondaries (in A's order, then those only B has), deployment-wide last.
  const kind = (p: RegionPair) => {
    const k = p.a ?? p.b!
    return k === PRIMARY ? 0 : k === NO_REGION ? 2 : 1
  }
  return pairs.sort(
    (p, q) =>
      kind(p) - kind(q) ||
      (p.a === undefined ? 1 : 0) - (q.a === undefined ? 1 : 0) ||
      byIndex(p.a ?? p.b!, q.a ?? q.b!),
  )
}

interface RunView {
  sides: Map<string, { job: RunJob; side: CompareSide; region: string; name: string }>
  regions: string[]
  critical: CriticalPath
  wallMs: number | undefined
}

function viewOf(run: CompareInput): RunView {
  const attempts = jobAttempts(run)
  let maxT = -Infinity
  let minStart = Infinity
  for (const list of attempts.values())
    for (const a of list) {
      minStart = Math.min(minStart, a.startMs)
      maxT = Math.max(maxT, a.endMs ?? a.startMs)
    }
  const asOf = run.asOfMs ?? (maxT === -Infinity ? 0 : maxT)
  const critical = runCriticalPath(run.jobs, asOf, attempts)
  const onPath = new Set(critical.ids)
  const sides = new Map<string, { job: RunJob; side: CompareSide; region: string; name: string }>()
  const regions = new Set<string>()
  let lastEnd: number | undefined
  let allDone = true
  for (const job of jobsById(run.jobs).values()) {
    if (isGroupJob(job)) continue
    const region = jobRegion(job)
    const name = jobChart(job) && job.jobName.startsWith('install-') ? jobChart(job)! : job.jobName
    const key = `${region}/${name}`
    if (sides.has(key)) continue
    regions.add(region)
    const list = attempts.get(job.id) ?? []
    const first = list[0]
    const last = list[list.length - 1]
    const status = jobStatus(job)
    const running = !!last && last.endMs === undefined
    const end = last ? (last.endMs ?? asOf) : undefined
    if (status !== 'succeeded' && status !== 'failed') allDone = false
    if (last?.endMs !== undefined) lastEnd = Math.max(lastEnd ?? -Infinity, last.endMs)
    sides.set(key, {
      job,
      region,
      name,
      side: {
        jobId: job.id,
        status,
        startedAtMs: first?.startMs,
        finishedAtMs: running ? undefined : last?.endMs,
        durationMs: first && end !== undefined ? Math.max(0, end - first.startMs) : undefined,
        lastAttemptMs: last && end !== undefined ? Math.max(0, end - last.startMs) : undefined,
        running,
        attempts: list.length,
        retried: list.length > 1,
        onCriticalPath: onPath.has(job.id),
      },
    })
  }
  const d = run.deployment
  const start = parseTime(d?.startedAt) ?? (minStart === Infinity ? undefined : minStart)
  const finish = parseTime(d?.finishedAt) ?? (allDone ? lastEnd : undefined) ?? run.asOfMs ?? lastEnd
  return {
    sides,
    regions: [...regions],
    critical,
    wallMs: start !== undefined && finish !== undefined ? Math.max(0, finish - start) : undefined,
  }
}

function totals(a: number | undefined, b: number | undefined): RunTotals {
  const both = a !== undefined && b !== undefined
  return {
    a,
    b,
    deltaMs: both ? b - a : undefined,
    ratio: both && a > 0 ? b / a : undefined,
  }
}

export function compareRuns(a: CompareInput, b: CompareInput, opts: CompareOptions = {}): RunComparison {
  const top = opts.top ?? 10
  const va = viewOf(a)
  const vb = viewOf(b)
  const regions = matchRegions(va.regions, vb.regions)
  const pairOfA = new Map<string, RegionPair>()
  const pairOfB = new Map<string, RegionPair>()
  for (const p of regions) {
    if (p.a !== undefined) pairOfA.set(p.a, p)
    if (p.b !== undefined) pairOfB.set(p.b, p)
  }

  const rows = new Map<string, CompareRow>()
  const place = (pair: RegionPair, name: string, job: RunJob) => {
    const key = `${pair.key}/${name}`
    let row = rows.get(key)
    if (!row) {
      row = {
        key,
        name,
        label: job.displayName || name,
        phase: jobPhase(job),
        pair,
        a: undefined,
        b: undefined,
        presence: 'both',
        deltaMs: undefined,
        ratio: undefined,
        statusChanged: false,
      }
      rows.set(key, row)
    }
    return row
  }
  for (const { job, side, region, name } of va.sides.values()) place(pairOfA.get(region)!, name, job).a = side
  for (const { job, side, region, name } of vb.sides.values()) place(pairOfB.get(region)!, name, job).b = side

  const pairRank = new Map(regions.map((p, i) => [p.key, i]))
  const list = [...rows.values()].sort(
    (x, y) =>
      pairRank.get(x.pair.key)! - pairRank.get(y.pair.key)! ||
      phaseRank(x.phase) - phaseRank(y.phase) ||
      (x.name < y.name ? -1 : x.name > y.name ? 1 : 0),
  )
  for (const r of list) {
    r.presence = r.a && r.b ? 'both' : r.a ? 'only-a' : 'only-b'
    const t = totals(r.a?.durationMs, r.b?.durationMs)
    r.deltaMs = t.deltaMs
    r.ratio = t.ratio
    r.statusChanged = !!r.a && !!r.b && r.a.status !== r.b.status
  }

  const keys = (pred: (r: CompareRow) => boolean) => list.filter(pred).map((r) => r.key)
  const byDelta = (sign: 1 | -1) =>
    list
      .filter((r) => r.deltaMs !== undefined && sign * r.deltaMs > 0)
      .sort((x, y) => sign * (y.deltaMs! - x.deltaMs!) || (x.key < y.key ? -1 : 1))
      .slice(0, top)
      .map((r) => r.key)

  return {
    regions,
    rows: list,
    critical: { a: va.critical, b: vb.critical },
    summary: {
      wallMs: totals(va.wallMs, vb.wallMs),
      failedOnlyInA: keys((r) => r.a?.status === 'failed' && r.b?.status !== 'failed'),
      failedOnlyInB: keys((r) => r.b?.status === 'failed' && r.a?.status !== 'failed'),
      retriedOnlyInA: keys((r) => !!r.a?.retried && !r.b?.retried),
      retriedOnlyInB: keys((r) => !!r.b?.retried && !r.a?.retried),
      onlyInA: keys((r) => r.presence === 'only-a'),
      onlyInB: keys((r) => r.presence === 'only-b'),
      regressions: byDelta(1),
      improvements: byDelta(-1),
    },
  }
}
