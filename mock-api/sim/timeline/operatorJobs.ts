import { mutationLines } from '../logs.ts'
import type { Day2Mutation, Mutations, PlannedJob } from './types.ts'

/** Synthetic log jobs (benchmarks): lines are computed by formula from the flood, not materialised. */
export function logFloodJobs(mutations: Mutations): PlannedJob[] {
  const jobs: PlannedJob[] = []
  for (const flood of mutations.logFloods) {
    const durationMs = flood.ratePerSec > 0 ? Math.ceil((flood.lines / flood.ratePerSec) * 1000) : 0
    jobs.push({
      jobName: flood.jobName,
      displayName: flood.displayName ?? `Log flood (${flood.lines.toLocaleString('en-US')} lines)`,
      phase: 'apps',
      kind: 'task',
      primaryRegion: true,
      dependsOn: [],
      observedAt: flood.requestedAt,
      attempts: [{ start: flood.requestedAt, end: flood.requestedAt + durationMs, ok: true }],
      lines: () => [],
      flood,
    })
  }
  return jobs
}

/**
 * Day-2 mutations: one audit job per request name, one execution per request (Go upserts the job and
 * starts a new execution each time), finished before the 202 is written.
 */
export function day2Jobs(mutations: Mutations): PlannedJob[] {
  const jobs: PlannedJob[] = []
  const day2 = new Map<string, Day2Mutation[]>()
  for (const m of mutations.day2 ?? []) day2.set(m.jobName, [...(day2.get(m.jobName) ?? []), m])
  for (const [jobName, requests] of day2) {
    jobs.push({
      jobName,
      phase: 'day-2-mutations',
      kind: 'mutation',
      appId: requests[0]!.kind,
      primaryRegion: true,
      dependsOn: [],
      observedAt: requests[0]!.at,
      attempts: requests.map((m) => ({ start: m.at, end: m.at, ok: m.ok })),
      lines: (i) => (requests[i] ? mutationLines(requests[i]) : []),
    })
  }
  return jobs
}
