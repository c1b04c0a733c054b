/**
 * The timeline as plain data: one row per job grouped by phase, then by region inside phases that span
 * several, with bar extents and critical-path flags; plus the time axis (extent, zoom transform, ticks).
 */
import { phaseRank } from '../../../contracts/jobs.ts'
import { compareRegion, PRIMARY, NO_REGION, type JobRow } from '../jobRows.ts'
import { criticalPath } from '../../../graph/criticalPath.ts'

export type TimelineRow =
  | { kind: 'phase'; key: string; label: string }
  | { kind: 'region'; key: string; label: string }
  | {
      kind: 'job'
      row: JobRow
      startMs: number | undefined
      /** Finish, or now while running. */
      endMs: number | undefined
      critical: boolean
    }

export function regionHeading(region: string): string {
  if (region === PRIMARY) return 'Primary region'
  if (region === NO_REGION) return 'Deployment-wide'
  return `Region ${region}`
}

const byStart = (a: JobRow, b: JobRow) =>
  (a.startedAt ?? Infinity) - (b.startedAt ?? Infinity) || a.jobName.localeCompare(b.jobName)

/**
 * Leaf dependencies plus the phase ordering: a job with no dependency inside its phase waits for the
 * phase's predecessors (group `dependsOn`) to finish, i.e. for their last jobs — without this the critical
 * path would stop at phase boundaries (install dependencies never point into the provisioner).
 */
export function effectiveDeps(
  rows: readonly JobRow[],
  phaseDeps: ReadonlyMap<string, readonly string[]>,
): Map<string, string[]> {
  const byPhase = new Map<string, JobRow[]>()
  for (const r of rows) {
    const list = byPhase.get(r.phase)
    if (list) list.push(r)
    else byPhase.set(r.phase, [r])
  }
  const sinks = new Map<string, string[]>()
  for (const [phase, list] of byPhase) {
    const needed = new Set(list.flatMap((r) => r.deps.map((d) => d.id)))
    sinks.set(
      phase,
      list.filter((r) => !needed.has(r.id)).map((r) => r.id),
    )
  }
  const out = new Map<string, string[]>()
  for (const r of rows) {
    const inPhase = r.deps.map((d) => d.id)
    const upstream = inPhase.length ? [] : (phaseDeps.get(r.phase) ?? []).flatMap((p) => sinks.get(p) ?? [])
    out.set(r.id, [...inPhase, ...upstream])
  }
  return out
}

/** Rows in lifecycle order; `nowMs` ends running bars; `phaseDeps` is each phase group's `dependsOn`. */
export function timelineRows(
  rows: readonly JobRow[],
  nowMs: number,
  phaseDeps: ReadonlyMap<string, readonly string[]> = new Map(),
): { rows: TimelineRow[]; critical: string[] } {
  const deps = effectiveDeps(rows, phaseDeps)
  const path = criticalPath(
    rows.map((r) => ({
      id: r.id,
      startMs: r.startedAt,
      endMs: r.status === 'running' ? undefined : (r.finishedAt ?? r.startedAt),
      dependsOn: deps.get(r.id) ?? [],
    })),
    nowMs,
  )
  const onPath = new Set(path.ids)
  const phases = new Map<string, JobRow[]>()
  for (const r of rows) {
    const list = phases.get(r.phase)
    if (list) list.push(r)
    else phases.set(r.phase, [r])
  }
  const out: TimelineRow[] = []
  const job = (r: JobRow): TimelineRow => ({
    kind: 'job',
    row: r,
    startMs: r.startedAt,
    endMs:
      r.startedAt === undefined ? undefined : r.status === 'running' ? nowMs : (r.finishedAt ?? r.startedAt),
    critical: onPath.has(r.id),
  })
  for (const phase of [...phases.keys()].sort((a, b) => phaseRank(a) - phaseRank(b) || a.localeCompare(b))) {
    const list = phases.get(phase)!
    out.push({ kind: 'phase', key: phase, label: list[0]!.phaseLabel })
    const regions = [...new Set(list.map((r) => r.region))].sort(compareRegion)
    if (regions.length < 2) {
      for (const r of [...list].sort(byStart)) out.push(job(r))
      continue
    }
    for (const region of regions) {
      out.push({ kind: 'region', key: `${phase}/${region}`, label: regionHeading(region) })
      for (const r of list.filter((x) => x.region === region).sort(byStart)) out.push(job(r))
    }
  }
  return { rows: out, critical: path.ids }
}

/** Earliest start and latest end (now for running jobs); undefined when nothing started. */
export function timeExtent(rows: readonly TimelineRow[]): [number, number] | undefined {
  let lo = Infinity
  let hi = -Infinity
  for (const r of rows) {
    if (r.kind !== 'job' || r.startMs === undefined) continue
    lo = Math.min(lo, r.startMs)
    hi = Math.max(hi, r.endMs ?? r.startMs)
  }
  return Number.isFinite(lo) ? [lo, Math.max(hi, lo + 1000)] : undefined
}

/** Pixels per millisecond and the offset of the extent's start (pan). */
export interface TimeTransform {
  pxPerMs: number
  offsetPx: number
}

export function fitTransform(extent: [number, number], widthPx: number): TimeTransform {
  const pad = 16
  return { pxPerMs: Math.max(1e-9, (widthPx - 2 * pad) / (extent[1] - extent[0])), offsetPx: pad }
}

export const MIN_PX_PER_MS = 1e-6
export const MAX_PX_PER_MS = 0.5

/** Zooms by `factor` keeping the instant under `anchorPx` where it is. */
export function zoomAt(t: TimeTransform, factor: number, anchorPx: number): TimeTransform {
  const pxPerMs = Math.min(MAX_PX_PER_MS, Math.max(MIN_PX_PER_MS, t.pxPerMs * factor))
  const ratio = pxPerMs / t.pxPerMs
  return { pxPerMs, offsetPx: anchorPx - (anchorPx - t.offsetPx) * ratio }
}

const STEPS_MS = [
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
  3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000,
]

/** Tick instants every "round" step, at least `minGapPx` apart, covering [fromPx, toPx]. */
export function ticks(
  t: TimeTransform,
  originMs: number,
  fromPx: number,
  toPx: number,
  minGapPx = 90,
): { ms: number; px: number; stepMs: number }[] {
  const step = STEPS_MS.find((s) => s * t.pxPerMs >= minGapPx) ?? STEPS_MS[STEPS_MS.length - 1]!
  const startMs = originMs + (fromPx - t.offsetPx) / t.pxPerMs
  const endMs = originMs + (toPx - t.offsetPx) / t.pxPerMs
  const out: { ms: number; px: number; stepMs: number }[] = []
  for (let ms = Math.ceil(startMs / step) * step; ms <= endMs && out.length < 500; ms += step)
    out.push({ ms, px: t.offsetPx + (ms - originMs) * t.pxPerMs, stepMs: step })
  return out
}
