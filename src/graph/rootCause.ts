/**
 * Why a run failed: the root-cause jobs of a failed or degraded deployment, what each held back, and a
 * stable explanation structure the screen renders (no prose here).
 *
 *   tofu-apply ✗ ──▶ tofu-output ◌ ──▶ cluster-bootstrap ◌        root: tofu-apply, blocks 2 (deployment-wide)
 *   install-cnpg ✗ ──▶ install-keycloak ◌ ──▶ install-grafana ◌   root: cnpg, blocks 2 (primary)
 *
 * Rules:
 * - The graph is the leaf jobs' `dependsOn` (full or bare ids, contract §7 trap 8); dangling ids and
 *   self-dependencies are ignored; groups are rollups and take no part.
 * - A job is "failed" when its status is (health kinds included, contract §3.5), or when the record's
 *   `componentStates` says its HelmRelease is `failed` or `degraded` (a degraded HelmRelease keeps its job
 *   `running`, so only the record shows it).
 * - Root causes are failed jobs with no failed job upstream (transitively). Dependency cycles are
 *   condensed first (strongly connected components), so a cycle of failures yields one root: its earliest
 *   failure. Roots are ordered by failure time (unknown last), then id.
 * - A root blocks the pending jobs downstream of it, reached through pending or failed jobs (a running or
 *   finished job is not blocked); counted per region bucket. Downstream failed jobs are listed as
 *   explained by it.
 * - Impact: a secondary region's failure only degrades that region (contract §3.1.1); anything else (Phase 0, the
 *   primary, deployment-wide steps) fails the deployment.
 */
import {
  compareRegion,
  canonicalRef,
  deploymentOf,
  isGroupJob,
  jobChart,
  jobComponent,
  jobPhase,
  jobRegion,
  jobStatus,
  parseTime,
  NO_REGION,
  PRIMARY,
  type RunDeployment,
  type RunJob,
} from './runData.ts'

export type CauseKind = 'provisioning' | 'install' | 'step' | 'other'
export type CauseImpact = 'deployment' | 'region'
export type CauseEvidence = 'job-failed' | 'component-failed' | 'component-degraded'

export interface BlockedInRegion {
  region: string
  count: number
}

export interface RootCause {
  jobId: string
  jobName: string
  /** Display name, else the chart, else the job name. */
  label: string
  /** Region bucket: `primary`, a region key, or `none` (deployment-wide). */
  region: string
  chart: string | undefined
  /** Phase group (`provisioner`, `bootstrap-kit`, …). */
  phase: string
  /** When it failed (its `finishedAt`, else its start); undefined when the API gave no time. */
  failedAtMs: number | undefined
  explanation: {
    kind: CauseKind
    impact: CauseImpact
    evidence: CauseEvidence
    blockedCount: number
    downstreamFailedCount: number
  }
  /** Pending jobs it holds back, transitively, in input order. */
  blockedIds: string[]
  /** The same, per region bucket (primary first, deployment-wide last). */
  blockedByRegion: BlockedInRegion[]
  /** Failed jobs downstream of it: their failure is explained by this one. */
  downstreamFailedIds: string[]
}

export interface RootCauseReport {
  causes: RootCause[]
  /** Every failed leaf job (by the rule above), in input order. */
  failedIds: string[]
  /** Pending jobs blocked by any root, counted once. */
  blockedTotal: number
  /**
   * What the record says that no cause explains (the screen then shows the record's `error`): `failure` —
   * the deployment failed but no cause fails it; `degraded` — a secondary is degraded but no cause is in a
   * secondary; `regions` — degraded secondary region keys without a cause in them.
   */
  unexplained: { failure: boolean; degraded: boolean; regions: string[] }
}

const SETTLED_FAILED = new Set(['failed', 'partial-failure'])

export function rootCause(jobs: readonly RunJob[], deployment?: RunDeployment): RootCauseReport {
  const leaves: RunJob[] = []
  const index = new Map<string, number>()
  for (const j of jobs) {
    if (isGroupJob(j) || index.has(j.id)) continue
    index.set(j.id, leaves.length)
    leaves.push(j)
  }
  const n = leaves.length
  const dep = n ? deploymentOf(leaves[0]!) : ''

  // Dependency edges dep → dependent (downstream), deduplicated; dangling and self edges dropped.
  const down: number[][] = leaves.map(() => [])
  const up: number[][] = leaves.map(() => [])
  leaves.forEach((j, i) => {
    const seen = new Set<number>()
    for (const ref of j.dependsOn ?? []) {
      const d = index.get(ref) ?? index.get(canonicalRef(dep, ref))
      if (d === undefined || d === i || seen.has(d)) continue
      seen.add(d)
      down[d]!.push(i)
      up[i]!.push(d)
    }
  })

  const components = deployment?.componentStates ?? {}
  const evidence: (CauseEvidence | undefined)[] = leaves.map((j) => {
    if (jobStatus(j) === 'failed') return 'job-failed'
    const c = jobComponent(j)
    const state = c ? components[c]?.toLowerCase() : undefined
    if (state === 'failed') return 'component-failed'
    if (state === 'degraded') return 'component-degraded'
    return undefined
  })
  const failed = evidence.map((e) => e !== undefined)
  const failedAt = leaves.map((j) => parseTime(j.finishedAt) ?? parseTime(j.startedAt))
  const byFailure = (a: number, b: number) => {
    const ta = failedAt[a]
    const tb = failedAt[b]
    if (ta !== tb) return ta === undefined ? 1 : tb === undefined ? -1 : ta - tb
    const ia = leaves[a]!.id
    const ib = leaves[b]!.id
    return ia < ib ? -1 : ia > ib ? 1 : 0
  }

  // Roots: condense cycles, then a component is "tainted" when a failure lies strictly upstream of it.
  const { comp, order } = stronglyConnected(n, down)
  const compFailed = new Array<boolean>(order.length).fill(false)
  const compTainted = new Array<boolean>(order.length).fill(false)
  for (let i = 0; i < n; i++) if (failed[i]) compFailed[comp[i]!] = true
  const members: number[][] = order.map(() => [])
  for (let i = 0; i < n; i++) members[comp[i]!]!.push(i)
  // `order` is topological (upstream first), so each component's predecessors are final when reached.
  for (const c of order) {
    for (const i of members[c]!)
      for (const d of down[i]!) {
        const dc = comp[d]!
        if (dc !== c && (compFailed[c] || compTainted[c])) compTainted[dc] = true
      }
  }
  const roots: number[] = []
  for (const c of order) {
    if (compTainted[c] || !compFailed[c]) continue
    const first = members[c]!.filter((i) => failed[i]).sort(byFailure)[0]!
    roots.push(first)
  }
  roots.sort(byFailure)

  const status = leaves.map(jobStatus)
  const allBlocked = new Set<number>()
  const causes = roots.map((r): RootCause => {
    const blocked: number[] = []
    const downstreamFailed: number[] = []
    const visited = new Set<number>([r])
    const queue = [r]
    for (let qi = 0; qi < queue.length; qi++) {
      for (const d of down[queue[qi]!]!) {
        if (visited.has(d)) continue
        visited.add(d)
        if (failed[d]) downstreamFailed.push(d)
        else if (status[d] === 'pending') blocked.push(d)
        else continue
        queue.push(d)
      }
    }
    blocked.sort((a, b) => a - b)
    downstreamFailed.sort((a, b) => a - b)
    for (const b of blocked) allBlocked.add(b)
    const perRegion = new Map<string, number>()
    for (const b of blocked) {
      const region = jobRegion(leaves[b]!)
      perRegion.set(region, (perRegion.get(region) ?? 0) + 1)
    }
    const j = leaves[r]!
    const region = jobRegion(j)
    const chart = jobChart(j)
    const phase = jobPhase(j)
    return {
      jobId: j.id,
      jobName: j.jobName,
      label: j.displayName || chart || j.jobName,
      region,
      chart,
      phase,
      failedAtMs: failedAt[r],
      explanation: {
        kind: kindOf(j, phase),
        impact: region !== PRIMARY && region !== NO_REGION ? 'region' : 'deployment',
        evidence: evidence[r]!,
        blockedCount: blocked.length,
        downstreamFailedCount: downstreamFailed.length,
      },
      blockedIds: blocked.map((b) => leaves[b]!.id),
      blockedByRegion: [...perRegion]
        .map(([region, count]) => ({ region, count }))
        .sort((a, b) => compareRegion(a.region, b.region)),
      downstreamFailedIds: downstreamFailed.map((d) => leaves[d]!.id),
    }
  })

  return {
    causes,
    failedIds: leaves.filter((_, i) => failed[i]).map((j) => j.id),
    blockedTotal: allBlocked.size,
    unexplained: unexplainedBy(causes, deployment),
  }
}

function kindOf(j: RunJob, phase: string): CauseKind {
  if (phase === 'provisioner') return 'provisioning'
  if (j.kind === 'install' || j.jobName.startsWith('install-')) return 'install'
  if (j.kind === 'step' || /-step-\d/.test(j.jobName)) return 'step'
  return 'other'
}

function unexplainedBy(
  causes: readonly RootCause[],
  d: RunDeployment | undefined,
): RootCauseReport['unexplained'] {
  const explained = new Set(causes.map((c) => c.region))
  const regions: string[] = []
  for (const r of d?.regions ?? []) {
    if (!r.degraded || r.primary) continue
    if (!explained.has(r.region) && !regions.includes(r.region)) regions.push(r.region)
  }
  const degraded = !!d?.secondaryDegraded || (d?.regions ?? []).some((r) => r.degraded && !r.primary)
  return {
    failure:
      SETTLED_FAILED.has(d?.status ?? '') && !causes.some((c) => c.explanation.impact === 'deployment'),
    degraded: degraded && !causes.some((c) => c.explanation.impact === 'region'),
    regions: regions.sort(compareRegion),
  }
}

/**
 * Strongly connected components (iterative Tarjan) of the graph `edges` (i → edges[i]). `order` lists the
 * components in topological order of the condensation: a component comes before every one it points to.
 */
export function stronglyConnected(
  n: number,
  edges: readonly (readonly number[])[],
): { comp: number[]; order: number[] } {
  const index = new Array<number>(n).fill(-1)
  const low = new Array<number>(n).fill(0)
  const onStack = new Array<boolean>(n).fill(false)
  const comp = new Array<number>(n).fill(-1)
  const stack: number[] = []
  let next = 0
  let count = 0
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue
    const work: [number, number][] = [[s, 0]]
    index[s] = low[s] = next++
    stack.push(s)
    onStack[s] = true
    while (work.length) {
      const top = work[work.length - 1]!
      const v = top[0]
      const out = edges[v]!
      if (top[1] < out.length) {
        const w = out[top[1]++]!
        if (index[w] === -1) {
          index[w] = low[w] = next++
          stack.push(w)
          onStack[w] = true
          work.push([w, 0])
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!)
        continue
      }
      work.pop()
      if (work.length) {
        const parent = work[work.length - 1]![0]
        low[parent] = Math.min(low[parent]!, low[v]!)
      }
      if (low[v] === index[v]) {
        let w: number
        do {
          w = stack.pop()!
          onStack[w] = false
          comp[w] = count
        } while (w !== v)
        count++
      }
    }
  }
  // Tarjan completes components sinks first: reversed, that is a topological order.
  const order = Array.from({ length: count }, (_, i) => count - 1 - i)
  return { comp, order }
}
