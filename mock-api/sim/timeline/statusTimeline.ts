import type { Attempt, DeploymentSpec, PlannedJob, StatusChange } from './types.ts'

/** Job status at `t` from its attempts (a job never regresses to pending once it started). */
export function jobStatusAt(
  job: PlannedJob,
  t: number,
): 'pending' | 'running' | 'succeeded' | 'failed' | undefined {
  if (job.observedAt === null || t < job.observedAt) return undefined
  let current: Attempt | undefined
  for (const a of job.attempts) if (a.start <= t) current = a
  if (!current) return 'pending'
  if (t < current.end) return 'running'
  return current.ok ? 'succeeded' : 'failed'
}

/**
 * The status timeline, evaluated at every instant something can change. Phase 1 is settled when every
 * region's watcher runs and every install is succeeded, failed, or pending behind a failure; the outcome is
 * `ready` unless the primary region failed (secondary failures only degrade).
 */
export function statusTimeline(
  jobs: PlannedJob[],
  spec: DeploymentSpec,
  watchStart: Map<string, number | null>,
): StatusChange[] {
  const phase0 = jobs.filter((j) => j.phase === 'provisioner')
  const installs = jobs.filter((j) => j.kind === 'install')
  const byName = new Map(installs.map((j) => [j.jobName, j]))
  const cb = phase0.find((j) => j.jobName === 'cluster-bootstrap')
  const instants = new Set<number>([spec.createdAt])
  for (const j of [...phase0, ...installs]) for (const a of j.attempts) instants.add(a.start).add(a.end)
  for (const w of watchStart.values()) if (w !== null) instants.add(w)

  const statusAt = (t: number): StatusChange => {
    for (const j of phase0) {
      if (jobStatusAt(j, t) === 'failed') {
        const outcome =
          j.jobName === 'cluster-bootstrap'
            ? spec.scenario === 'kubeconfig-missing'
              ? 'kubeconfig-missing'
              : 'flux-not-reconciling'
            : undefined
        const error =
          j.jobName === 'tofu-apply'
            ? 'tofu apply: resource_limit_exceeded: server limit reached for project (limit: 10)'
            : outcome === 'kubeconfig-missing'
              ? 'Phase 1 could not start: the primary kubeconfig never arrived (kubeconfig-missing)'
              : 'Phase 1 watch timed out: Flux is not reconciling the bootstrap kit (flux-not-reconciling)'
        return { at: t, status: 'failed', outcome, error }
      }
    }
    if (!cb || !cb.attempts[0] || t < cb.attempts[0].start) return { at: t, status: 'provisioning' }
    for (const w of watchStart.values()) if (w === null || t < w) return { at: t, status: 'phase1-watching' }
    const settled = new Map<string, 'ok' | 'failed' | 'blocked' | 'open'>()
    const settle = (j: PlannedJob): 'ok' | 'failed' | 'blocked' | 'open' => {
      const known = settled.get(j.jobName)
      if (known) return known
      const s = jobStatusAt(j, t)
      let r: 'ok' | 'failed' | 'blocked' | 'open'
      if (s === 'succeeded') r = 'ok'
      else if (s === 'failed') r = 'failed'
      else if (s === 'running') r = 'open'
      else {
        const deps = j.dependsOn.map((d) => byName.get(d)).filter((d): d is PlannedJob => !!d)
        r = deps.some((d) => ['failed', 'blocked'].includes(settle(d))) ? 'blocked' : 'open'
      }
      settled.set(j.jobName, r)
      return r
    }
    let primaryFailed = false
    for (const j of installs) {
      const s = settle(j)
      if (s === 'open') return { at: t, status: 'phase1-watching' }
      if (s === 'failed' && j.primaryRegion) primaryFailed = true
    }
    return primaryFailed
      ? {
          at: t,
          status: 'failed',
          outcome: 'failed',
          error: 'Phase 1 failed: one or more HelmReleases failed to install',
        }
      : { at: t, status: 'ready', outcome: 'ready' }
  }

  const changes: StatusChange[] = []
  for (const t of [...instants].sort((a, b) => a - b)) {
    const s = statusAt(t)
    const last = changes[changes.length - 1]
    if (!last || last.status !== s.status) changes.push(s)
  }
  return changes
}
