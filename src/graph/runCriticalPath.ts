/**
 * The critical path of a whole run from its jobs list: `criticalPath` over the leaf jobs, with the phase
 * ordering bridged in the way the jobs timeline does it — a job with no dependency of its own waits for the
 * last jobs (sinks) of the phases its phase group depends on. Without this the path would stop at the
 * Phase 0 → bootstrap-kit boundary (install dependencies never point into the provisioner).
 */
import { criticalPath, type CriticalPath, type PathTask } from './criticalPath.ts'
import type { Attempt } from './jobAttempts.ts'
import {
  canonicalRef,
  deploymentOf,
  isGroupJob,
  isTerminal,
  jobPhase,
  jobStatus,
  parseTime,
  splitJobId,
  type RunJob,
} from './runData.ts'

/**
 * `attempts` (optional, from `jobAttempts`) give each job's first start and last end; without them the
 * job's own `startedAt`/`finishedAt` are used. Running jobs count up to `nowMs`.
 */
export function runCriticalPath(
  jobs: readonly RunJob[],
  nowMs: number,
  attempts?: ReadonlyMap<string, readonly Attempt[]>,
): CriticalPath {
  const dep = jobs.length ? deploymentOf(jobs[0]!) : ''
  const ids = new Set(jobs.map((j) => j.id))
  const phaseDeps = new Map<string, string[]>()
  for (const g of jobs)
    if (isGroupJob(g))
      phaseDeps.set(
        g.jobName,
        (g.dependsOn ?? []).map((d) => splitJobId(canonicalRef(dep, d)).jobName),
      )

  const leaves = jobs.filter((j) => !isGroupJob(j))
  const ownDeps = new Map<string, string[]>()
  const byPhase = new Map<string, string[]>()
  for (const j of leaves) {
    ownDeps.set(
      j.id,
      (j.dependsOn ?? []).map((d) => canonicalRef(dep, d)).filter((d) => ids.has(d) && d !== j.id),
    )
    const phase = jobPhase(j)
    const list = byPhase.get(phase)
    if (list) list.push(j.id)
    else byPhase.set(phase, [j.id])
  }
  const sinks = new Map<string, string[]>()
  for (const [phase, list] of byPhase) {
    const needed = new Set(list.flatMap((id) => ownDeps.get(id) ?? []))
    sinks.set(
      phase,
      list.filter((id) => !needed.has(id)),
    )
  }

  const tasks: PathTask[] = leaves.map((j) => {
    const own = ownDeps.get(j.id)!
    const upstream = own.length ? [] : (phaseDeps.get(jobPhase(j)) ?? []).flatMap((p) => sinks.get(p) ?? [])
    const a = attempts?.get(j.id)
    let startMs: number | undefined
    let endMs: number | undefined
    if (a) {
      startMs = a[0]?.startMs
      endMs = a.length ? a[a.length - 1]!.endMs : undefined
    } else {
      startMs = parseTime(j.startedAt)
      const s = jobStatus(j)
      endMs = isTerminal(s) ? (parseTime(j.finishedAt) ?? startMs) : undefined
    }
    return { id: j.id, startMs, endMs, dependsOn: [...own, ...upstream] }
  })
  return criticalPath(tasks, nowMs)
}
