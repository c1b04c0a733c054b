/**
 * The jobs list at `t` in wire shape (leaf rows, phase group rollups, batches, one job), out of `derive.ts`
 * (issue 14: files under ~450 lines); the leaf states they are built from stay there.
 */
import type { JobWire } from '../../../src/contracts/jobs.ts'
import {
  OPTIONAL_PHASES,
  PHASES,
  PHASE_DISPLAY,
  executionId,
  type Mutations,
  type Phase,
  type Timeline,
} from '../timeline/index.ts'
import { appIdOf, batchOf, iso, leafState, leafStates, rollup, type LeafState } from '../derive.ts'

function leafWire(depId: string, s: LeafState, t: number): JobWire {
  const { job } = s
  const end = s.finishedAt ?? t
  return {
    id: `${depId}:${job.jobName}`,
    deploymentId: depId,
    jobName: job.jobName,
    ...(job.displayName ? { displayName: job.displayName } : {}),
    type: 'install',
    kind: job.kind,
    appId: appIdOf(job),
    batchId: batchOf(job),
    ...(job.regionKey && !job.primaryRegion ? { region: job.regionKey } : {}),
    parentId: `${depId}:${job.phase}`,
    dependsOn: job.dependsOn.map((d) => `${depId}:${d}`),
    status: s.status,
    ...(s.startedAt !== undefined ? { startedAt: iso(s.startedAt) } : {}),
    ...(s.finishedAt !== undefined ? { finishedAt: iso(s.finishedAt) } : {}),
    durationMs: s.startedAt !== undefined ? Math.max(0, end - s.startedAt) : 0,
    ...(s.attemptCount > 0 ? { latestExecutionId: executionId(depId, job.jobName, s.attemptCount - 1) } : {}),
  }
}

function groupWire(depId: string, phase: Phase, children: LeafState[], t: number): JobWire {
  const status = rollup(children.map((c) => c.status))
  const starts = children.map((c) => c.startedAt).filter((v): v is number => v !== undefined)
  const allTerminal =
    children.length > 0 && children.every((c) => c.status === 'succeeded' || c.status === 'failed')
  const startedAt = starts.length ? Math.min(...starts) : undefined
  const finishedAt = allTerminal ? Math.max(...children.map((c) => c.finishedAt ?? 0)) : undefined
  const previous = PHASES[PHASES.indexOf(phase) - 1]
  return {
    id: `${depId}:${phase}`,
    deploymentId: depId,
    jobName: phase,
    displayName: PHASE_DISPLAY[phase],
    type: 'group',
    kind: 'group',
    appId: '',
    // A group is its batch's rollup row.
    batchId: phase,
    parentId: '',
    dependsOn: previous ? [`${depId}:${previous}`] : [],
    status,
    ...(startedAt !== undefined ? { startedAt: iso(startedAt) } : {}),
    ...(finishedAt !== undefined ? { finishedAt: iso(finishedAt) } : {}),
    durationMs: startedAt !== undefined ? Math.max(0, (finishedAt ?? t) - startedAt) : 0,
    childIds: children.map((c) => `${depId}:${c.job.jobName}`),
  }
}

/** `GET /deployments/{id}/jobs`: started DESC, never-started rows last (contract §7 trap 12). */
export function jobsAt(tl: Timeline, t: number, mut: Mutations): JobWire[] {
  const depId = tl.spec.id
  const leaves = leafStates(tl, t, mut)
  const phases = [...PHASES, ...OPTIONAL_PHASES.filter((p) => leaves.some((l) => l.job.phase === p))]
  const groups = phases.map((p) =>
    groupWire(
      depId,
      p,
      leaves.filter((l) => l.job.phase === p),
      t,
    ),
  )
  const rows = [...groups, ...leaves.map((l) => leafWire(depId, l, t))]
  const startOf = (j: JobWire) => (j.startedAt ? Date.parse(j.startedAt) : -Infinity)
  return rows.sort((a, b) => startOf(b) - startOf(a) || a.id.localeCompare(b.id))
}

export interface BatchSummaryWire {
  batchId: string
  total: number
  finished: number
  succeeded: number
  failed: number
  running: number
  pending: number
}

/**
 * `GET /deployments/{id}/jobs/batches` (Go `jobs/store.go` SummarizeBatches): one row per batch in the order
 * its first job appeared. Group rows are left out: they are rollups of the same jobs, not jobs of their own.
 */
export function batchesAt(tl: Timeline, t: number, mut: Mutations): BatchSummaryWire[] {
  const out = new Map<string, BatchSummaryWire>()
  for (const l of leafStates(tl, t, mut)) {
    const id = batchOf(l.job)
    let b = out.get(id)
    if (!b) {
      b = { batchId: id, total: 0, finished: 0, succeeded: 0, failed: 0, running: 0, pending: 0 }
      out.set(id, b)
    }
    b.total++
    b[l.status]++
    if (l.status === 'succeeded' || l.status === 'failed') b.finished++
  }
  return [...out.values()]
}

export function jobAt(tl: Timeline, jobName: string, t: number, mut: Mutations): JobWire | undefined {
  if (([...PHASES, ...OPTIONAL_PHASES] as readonly string[]).includes(jobName)) {
    return jobsAt(tl, t, mut).find((j) => j.jobName === jobName)
  }
  const job = tl.byName.get(jobName)
  const s = job && leafState(job, t, mut)
  return s ? leafWire(tl.spec.id, s, t) : undefined
}
