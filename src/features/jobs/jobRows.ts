/**
 * The jobs table as plain data: contract jobs → rows (phase, region bucket, readable dependencies), then
 * filter, sort, group and roll up. No React; every function is a pure function of its inputs.
 */
import type { ReplaySnapshot } from '../../graph/replayAt.ts'
import { parseInstallJobName, phaseRank, splitJobId, type Job, type JobStatus } from '../../contracts/jobs.ts'
import { RUN_STATUSES, emptyCounts, statusFromCounts, type StatusCounts } from '../../contracts/runStatus.ts'
import { sortCodec } from '../../lib/sortCodec.ts'

const PHASE_FALLBACK_LABELS: Record<string, string> = {
  provisioner: 'Provision',
  'bootstrap-kit': 'Bootstrap kit',
  cutover: 'Cutover',
  handover: 'Handover',
  apps: 'Apps',
  'day-2-mutations': 'Day-2 mutations',
  reconcilers: 'Reconcilers',
}

/** Region bucket of a job that belongs to no region (lifecycle, cutover steps, handover). */
export const NO_REGION = 'none'
export const PRIMARY = 'primary'

export interface DepRef {
  id: string
  jobName: string
  /** Short readable label: the chart (`cnpg`), the display name (`Terraform Plan`) or the job name. */
  label: string
}

export interface JobRow {
  id: string
  jobName: string
  displayName: string | undefined
  appId: string | undefined
  phase: string
  phaseLabel: string
  /** `primary`, a region key (`nbg1-1`) or `none` for deployment-wide jobs. */
  region: string
  status: JobStatus
  startedAt: number | undefined
  finishedAt: number | undefined
  durationMs: number
  deps: DepRef[]
  /** Lower-cased haystack for the search box: everything but the status (it changes while replaying). */
  haystack: string
  /** Lower-cased status words for the search box: the status and the raw wire status. */
  statusWords: string
}

export function phaseOf(job: Pick<Job, 'parentId'>): string {
  return job.parentId ? splitJobId(job.parentId).jobName : ''
}

/**
 * Region bucket (the upstream console's rule): the job's `region` (secondaries only), else the `appId` prefix before
 * `:`, else `install-<region>:<chart>`; any other install is the primary's; everything else is deployment-wide.
 */
export function regionOf(
  job: Pick<Job, 'region' | 'jobName'> & { appId?: string | undefined; kind?: string | undefined },
): string {
  if (job.region) return job.region
  const appColon = job.appId?.indexOf(':') ?? -1
  if (job.appId && appColon > 0) return job.appId.slice(0, appColon)
  const install = parseInstallJobName(job.jobName)
  if (install) return install.regionKey ?? PRIMARY
  if (job.kind === 'install' && job.appId) return PRIMARY
  return NO_REGION
}

export function readableLabel(
  job: Pick<Job, 'jobName' | 'displayName'> | undefined,
  jobName: string,
): string {
  if (job?.displayName) return job.displayName
  const install = parseInstallJobName(jobName)
  return install ? install.chart : jobName
}

function parseMs(v: string | undefined): number | undefined {
  if (!v) return undefined
  const t = Date.parse(v)
  return Number.isFinite(t) ? t : undefined
}

/** A phase's label: its group row's display name, else ours (an older backend sends no display names). */
export function phaseLabelOf(
  phase: string,
  jobs: readonly Pick<Job, 'type' | 'jobName' | 'displayName'>[],
): string {
  const group = jobs.find((j) => j.type === 'group' && j.jobName === phase)
  return group?.displayName ?? PHASE_FALLBACK_LABELS[phase] ?? (phase || '—')
}

/** Leaf rows (groups dropped) with phase labels from the group rows and readable dependency links. */
export function deriveRows(jobs: readonly Job[]): JobRow[] {
  const byId = new Map(jobs.map((j) => [j.id, j]))
  const groupLabels = new Map<string, string>()
  // A group without a display name (older backends) gets our label, not its slug.
  for (const j of jobs) if (j.type === 'group' && j.displayName) groupLabels.set(j.jobName, j.displayName)
  const rows: JobRow[] = []
  for (const j of jobs) {
    if (j.type === 'group') continue
    const phase = phaseOf(j)
    const phaseLabel = groupLabels.get(phase) ?? PHASE_FALLBACK_LABELS[phase] ?? (phase || '—')
    const deps = j.dependsOn.map((id) => {
      const name = splitJobId(id).jobName
      return { id, jobName: name, label: readableLabel(byId.get(id), name) }
    })
    const region = regionOf(j)
    rows.push({
      id: j.id,
      jobName: j.jobName,
      displayName: j.displayName,
      appId: j.appId,
      phase,
      phaseLabel,
      region,
      status: j.status,
      startedAt: parseMs(j.startedAt),
      finishedAt: parseMs(j.finishedAt),
      durationMs: j.durationMs,
      deps,
      haystack: [
        j.jobName,
        j.displayName ?? '',
        j.appId ?? '',
        phase,
        phaseLabel,
        region,
        ...deps.flatMap((d) => [d.jobName, d.label]),
      ]
        .join('\n')
        .toLowerCase(),
      statusWords: `${j.status}\n${j.rawStatus}`.toLowerCase(),
    })
  }
  return rows
}

/**
 * Rows as they were at a replayed instant: the snapshot's status, start, finish and duration laid over the
 * live rows — the same rows `deriveRows(jobsAsOf(jobs, snap))` gives, without re-deriving names, phases,
 * regions and dependencies on every scrubbed frame. A row the instant does not change is returned as is
 * (so memoised cells skip it); jobs the replay does not know are kept; jobs not yet seen read pending.
 */
export function rowsAsOf(rows: readonly JobRow[], snap: ReplaySnapshot | undefined): readonly JobRow[] {
  if (!snap) return rows
  return rows.map((row) => {
    const r = snap.jobs.get(row.id)
    if (!r) return row
    const status = r.seen ? r.status : 'pending'
    const startedAt = r.seen ? r.startedAtMs : undefined
    const finishedAt = r.seen ? r.finishedAtMs : undefined
    const durationMs = r.seen ? r.durationMs : 0
    // At t only the lifecycle status is known: the raw wire status (health kinds) is of the present.
    const statusWords = `${status}\n${status}`
    if (
      row.statusWords === statusWords &&
      row.startedAt === startedAt &&
      row.finishedAt === finishedAt &&
      row.durationMs === durationMs
    )
      return row
    return { ...row, status, statusWords, startedAt, finishedAt, durationMs }
  })
}

/** Region buckets present among rows (deployment-wide excluded), primary first then keys A→Z. */
export function regionBuckets(rows: readonly JobRow[]): string[] {
  const set = new Set<string>()
  for (const r of rows) if (r.region !== NO_REGION) set.add(r.region)
  return [...set].sort(compareRegion)
}

export function compareRegion(a: string, b: string): number {
  const rank = (r: string) => (r === PRIMARY ? 0 : r === NO_REGION ? 2 : 1)
  return rank(a) - rank(b) || a.localeCompare(b)
}

/** The Region column and filter exist only on multi-region deployments (primary counts as a region). */
export function isMultiRegion(rows: readonly JobRow[], deploymentRegionCount: number): boolean {
  return Math.max(regionBuckets(rows).length, deploymentRegionCount) >= 2
}

// ── filter ─────────────────────────────────────────────────────────────────────────────────────────────

export interface RowFilter {
  q?: string | undefined
  /** Comma-separated lists (`running,failed`); empty = all. */
  status?: string | undefined
  phase?: string | undefined
  region?: string | undefined
}

export function splitList(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

export function isFiltered(f: RowFilter): boolean {
  return !!(
    f.q?.trim() ||
    splitList(f.status).length ||
    splitList(f.phase).length ||
    splitList(f.region).length
  )
}

/** Search words must all occur (case-insensitive) in name, app, status, phase, region or a dependency. */
export function filterRows(rows: readonly JobRow[], f: RowFilter): JobRow[] {
  const words = (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const statuses = new Set(splitList(f.status))
  const phases = new Set(splitList(f.phase))
  const regions = new Set(splitList(f.region))
  return rows.filter(
    (r) =>
      (statuses.size === 0 || statuses.has(r.status)) &&
      (phases.size === 0 || phases.has(r.phase)) &&
      (regions.size === 0 || regions.has(r.region)) &&
      words.every((w) => r.haystack.includes(w) || r.statusWords.includes(w)),
  )
}

// ── sort ───────────────────────────────────────────────────────────────────────────────────────────────

export const SORT_COLUMNS = ['name', 'phase', 'region', 'deps', 'status', 'started', 'duration'] as const
export type SortColumn = (typeof SORT_COLUMNS)[number]

export interface RowSort {
  column: SortColumn | undefined
  desc: boolean
}

/** The jobs table's `?sort=&dir=`: the one sort codec every table uses; times start newest/longest first. */
export const JOB_SORT = sortCodec(SORT_COLUMNS, { descFirst: ['started', 'duration'] })

export function parseSort(sort: string | undefined, dir: string | undefined): RowSort {
  const s = JOB_SORT.parse(sort, dir)
  return { column: s?.column, desc: s?.desc ?? false }
}

/** Clicking a header: a new column starts in its natural direction; the active one flips. */
export function nextSort(current: RowSort, column: SortColumn) {
  return JOB_SORT.toSearch(
    JOB_SORT.next(current.column && { column: current.column, desc: current.desc }, column),
  )
}

/** Status column order: what needs attention first. */
const STATUS_RANK: Record<JobStatus, number> = { failed: 0, running: 1, pending: 2, succeeded: 3 }
/** Default order: running first, then pending, then everything else by start (newest first). */
const DEFAULT_RANK: Record<JobStatus, number> = { running: 0, pending: 1, failed: 2, succeeded: 2 }

const byName = (a: JobRow, b: JobRow) => a.jobName.localeCompare(b.jobName) || a.id.localeCompare(b.id)
/** Undefined last whatever the direction. */
function cmpOptional(a: number | undefined, b: number | undefined, desc: boolean): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1
  return desc ? b - a : a - b
}

export function compareDefault(a: JobRow, b: JobRow): number {
  return (
    DEFAULT_RANK[a.status] - DEFAULT_RANK[b.status] ||
    cmpOptional(a.startedAt, b.startedAt, true) ||
    phaseRank(a.phase) - phaseRank(b.phase) ||
    byName(a, b)
  )
}

export function sortRows(rows: readonly JobRow[], sort: RowSort): JobRow[] {
  const out = [...rows]
  const { column, desc } = sort
  if (!column) return out.sort(compareDefault)
  const sign = desc ? -1 : 1
  const cmp = (a: JobRow, b: JobRow): number => {
    switch (column) {
      case 'name':
        return sign * byName(a, b)
      case 'phase':
        return sign * (phaseRank(a.phase) - phaseRank(b.phase) || a.phase.localeCompare(b.phase))
      case 'region':
        return sign * compareRegion(a.region, b.region)
      case 'deps':
        return sign * (a.deps.length - b.deps.length)
      case 'status':
        return sign * (STATUS_RANK[a.status] - STATUS_RANK[b.status])
      case 'started':
        return cmpOptional(a.startedAt, b.startedAt, desc)
      case 'duration':
        return cmpOptional(
          a.startedAt === undefined ? undefined : a.durationMs,
          b.startedAt === undefined ? undefined : b.durationMs,
          desc,
        )
    }
  }
  return out.sort((a, b) => cmp(a, b) || compareDefault(a, b))
}

// ── group ──────────────────────────────────────────────────────────────────────────────────────────────

export type GroupBy = 'phase' | 'region'

export type { StatusCounts }

/** Group rollup (contract §3.5), the graph's own: failed > running > pending > succeeded; an empty group is pending. */
export function rollupStatus(counts: StatusCounts): JobStatus {
  return statusFromCounts(counts) ?? 'pending'
}

export function countStatuses(rows: readonly JobRow[]): StatusCounts {
  const c = emptyCounts()
  for (const r of rows) c[r.status]++
  return c
}

export interface RowGroup {
  key: string
  label: string
  rows: JobRow[]
  counts: StatusCounts
  status: JobStatus
}

export type TableItem =
  | { kind: 'group'; id: string; group: RowGroup; collapsed: boolean }
  | { kind: 'job'; id: string; row: JobRow }

export function groupLabel(by: GroupBy, key: string, rows: readonly JobRow[]): string {
  if (by === 'phase') return rows[0]?.phaseLabel ?? key
  if (key === PRIMARY) return 'Primary region'
  if (key === NO_REGION) return 'Deployment-wide'
  return `Region ${key}`
}

/** Buckets already-sorted rows by phase or region (lifecycle order / primary first), keeping row order. */
export function groupRows(rows: readonly JobRow[], by: GroupBy): RowGroup[] {
  const buckets = new Map<string, JobRow[]>()
  for (const r of rows) {
    const key = by === 'phase' ? r.phase : r.region
    const list = buckets.get(key)
    if (list) list.push(r)
    else buckets.set(key, [r])
  }
  const keys = [...buckets.keys()].sort(
    by === 'phase' ? (a, b) => phaseRank(a) - phaseRank(b) || a.localeCompare(b) : compareRegion,
  )
  return keys.map((key) => {
    const list = buckets.get(key)!
    const counts = countStatuses(list)
    return { key, label: groupLabel(by, key, list), rows: list, counts, status: rollupStatus(counts) }
  })
}

/** Flat list for the virtual table: a header per group, its rows unless collapsed. */
export function tableItems(
  rows: readonly JobRow[],
  by: GroupBy | undefined,
  collapsed: ReadonlySet<string>,
): TableItem[] {
  if (!by) return rows.map((row) => ({ kind: 'job', id: row.id, row }))
  const out: TableItem[] = []
  for (const group of groupRows(rows, by)) {
    const isCollapsed = collapsed.has(group.key)
    out.push({ kind: 'group', id: `group:${group.key}`, group, collapsed: isCollapsed })
    if (!isCollapsed) for (const row of group.rows) out.push({ kind: 'job', id: row.id, row })
  }
  return out
}

/** "Showing 56 of 133 jobs" when something is filtered out, "133 jobs" otherwise. */
export function countLabel(shown: number, total: number): string {
  const noun = (n: number) => (n === 1 ? 'job' : 'jobs')
  return shown === total ? `${total} ${noun(total)}` : `Showing ${shown} of ${total} ${noun(total)}`
}

export function summariseCounts(counts: StatusCounts): string {
  const total = RUN_STATUSES.reduce((n, s) => n + counts[s], 0)
  const parts = [`${total} ${total === 1 ? 'job' : 'jobs'}`]
  for (const s of ['running', 'failed', 'pending', 'succeeded'] as const)
    if (counts[s]) parts.push(`${counts[s]} ${s}`)
  return parts.join(' · ')
}
