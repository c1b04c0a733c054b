import { describe, expect, it } from 'vitest'
import { compareRuns, matchRegions, type CompareInput } from './compareRuns.ts'
import { runCriticalPath } from './runCriticalPath.ts'
import type { RunJob } from './runData.ts'
import {
  T0,
  planEnd,
  planRun,
  runDataAt,
  type PlanOptions,
  type RunDataOptions,
} from './testing/runFixtures.ts'

const MIN = 60_000

function run(id: string, opts: PlanOptions, dataOpts: RunDataOptions = {}, asOf?: (end: number) => number) {
  const plan = planRun({ dep: id, ...opts })
  const end = planEnd(plan)
  const input: CompareInput = { id, ...runDataAt(plan, asOf ? asOf(end) : end, dataOpts) }
  return { plan, input }
}

/** A job's planned first start and last end. */
function jobSpan(plan: ReturnType<typeof planRun>, jobName: string): { start: number; end: number } {
  const a = plan.jobs.find((j) => j.jobName === jobName)!.attempts
  return { start: a[0]!.start, end: a[a.length - 1]!.end }
}

/** The planned duration of a job (first start → last end). */
function planned(plan: ReturnType<typeof planRun>, jobName: string): number {
  const { start, end } = jobSpan(plan, jobName)
  return end - start
}

describe('matchRegions', () => {
  it.each<[string, string[], string[], [string, string | undefined, string | undefined, string][]]>([
    [
      'identical regions pair by key',
      ['primary', 'nbg1-1', 'hel1-2', 'none'],
      ['primary', 'hel1-2', 'nbg1-1', 'none'],
      [
        ['primary', 'primary', 'primary', 'primary'],
        ['nbg1-1', 'nbg1-1', 'nbg1-1', 'same-key'],
        ['hel1-2', 'hel1-2', 'hel1-2', 'same-key'],
        ['none', 'none', 'none', 'deployment-wide'],
      ],
    ],
    [
      'same key first, then by position',
      ['primary', 'nbg1-1', 'hel1-2'],
      ['primary', 'nbg1-1', 'sin-2'],
      [
        ['primary', 'primary', 'primary', 'primary'],
        ['nbg1-1', 'nbg1-1', 'nbg1-1', 'same-key'],
        ['hel1-2~sin-2', 'hel1-2', 'sin-2', 'position'],
      ],
    ],
    [
      'same cloud region when a region was inserted before it; the rest only in one run',
      ['primary', 'nbg1-1'],
      ['primary', 'hel1-1', 'nbg1-2'],
      [
        ['primary', 'primary', 'primary', 'primary'],
        ['nbg1-1~nbg1-2', 'nbg1-1', 'nbg1-2', 'same-cloud-region'],
        ['hel1-1', undefined, 'hel1-1', 'only-b'],
      ],
    ],
    [
      'more secondaries in A: the extra ones are only in A, in index order',
      ['primary', 'nbg1-1', 'hel1-2', 'sin-3', 'none'],
      ['primary', 'ash-1', 'none'],
      [
        ['primary', 'primary', 'primary', 'primary'],
        ['nbg1-1~ash-1', 'nbg1-1', 'ash-1', 'position'],
        ['hel1-2', 'hel1-2', undefined, 'only-a'],
        ['sin-3', 'sin-3', undefined, 'only-a'],
        ['none', 'none', 'none', 'deployment-wide'],
      ],
    ],
    [
      'deployment-wide last, after the secondaries only B has',
      ['primary', 'none'],
      ['primary', 'nbg1-1', 'none'],
      [
        ['primary', 'primary', 'primary', 'primary'],
        ['nbg1-1', undefined, 'nbg1-1', 'only-b'],
        ['none', 'none', 'none', 'deployment-wide'],
      ],
    ],
    [
      'a single-region run against nothing',
      ['primary', 'none'],
      [],
      [
        ['primary', 'primary', undefined, 'only-a'],
        ['none', 'none', undefined, 'only-a'],
      ],
    ],
  ])('%s', (_name, a, b, want) => {
    expect(matchRegions(a, b).map((p) => [p.key, p.a, p.b, p.rule])).toEqual(want)
  })

  it('pairs secondaries by index order, not alphabetically (hel1-10 after hel1-9)', () => {
    const a = ['primary', 'x-9', 'x-10']
    const b = ['primary', 'y-9', 'y-10']
    expect(matchRegions(a, b).map((p) => p.key)).toEqual(['primary', 'x-9~y-9', 'x-10~y-10'])
  })
})

describe('compareRuns', () => {
  it('rows per chart and region with durations, deltas and ratios from each run', () => {
    const { plan: pa, input: a } = run('aaaaaaaaaaaaaaaa', { seed: 1 })
    const { plan: pb, input: b } = run('bbbbbbbbbbbbbbbb', { seed: 2 })
    const c = compareRuns(a, b)
    const harbor = c.rows.find((r) => r.key === 'nbg1-1/harbor')!
    expect(harbor.presence).toBe('both')
    expect(harbor.a!.durationMs).toBe(planned(pa, 'install-nbg1-1:harbor'))
    expect(harbor.b!.durationMs).toBe(planned(pb, 'install-nbg1-1:harbor'))
    expect(harbor.deltaMs).toBe(harbor.b!.durationMs! - harbor.a!.durationMs!)
    expect(harbor.ratio).toBeCloseTo(harbor.b!.durationMs! / harbor.a!.durationMs!, 12)
    expect(harbor.a!.jobId).toBe('aaaaaaaaaaaaaaaa:install-nbg1-1:harbor')
    // Phase 0 is deployment-wide; the primary-only chart exists only in the primary.
    const apply = c.rows.find((r) => r.key === 'none/tofu-apply')!
    expect([apply.label, apply.phase, apply.pair.rule]).toEqual([
      'Terraform Apply',
      'provisioner',
      'deployment-wide',
    ])
    expect(c.rows.filter((r) => r.name === 'openova-flow-server').map((r) => r.key)).toEqual([
      'primary/openova-flow-server',
    ])
    // Every leaf of both runs is in exactly one row.
    const leaves = (x: CompareInput) => x.jobs.filter((j) => j.type !== 'group').length
    expect(c.rows.filter((r) => r.a).length).toBe(leaves(a))
    expect(c.rows.filter((r) => r.b).length).toBe(leaves(b))
    expect(new Set(c.rows.map((r) => r.key)).size).toBe(c.rows.length)
    // Default order: region pairs (primary first, deployment-wide last), phases in lifecycle order.
    expect(c.rows[0]!.pair.key).toBe('primary')
    expect(c.rows[c.rows.length - 1]!.pair.key).toBe('none')
    expect(c.rows.filter((r) => r.pair.key === 'none').map((r) => r.name)).toEqual([
      'cluster-bootstrap',
      'tofu-apply',
      'tofu-init',
      'tofu-output',
      'tofu-plan',
    ])
  })

  it('says what failed or was retried in one run and not the other, and what exists in one only', () => {
    const probe = planRun({ dep: 'bbbbbbbbbbbbbbbb', seed: 2, failCharts: ['nbg1-1:harbor'] })
    const failed = probe.jobs.find((j) => j.jobName === 'install-nbg1-1:harbor')!.attempts[0]!
    const { input: a } = run('aaaaaaaaaaaaaaaa', { seed: 1, regions: ['fsn1', 'nbg1', 'hel1'] })
    const { input: b } = run('bbbbbbbbbbbbbbbb', {
      seed: 2,
      regions: ['fsn1', 'nbg1'],
      failCharts: ['cnpg', 'nbg1-1:harbor'],
      retries: { 'install-nbg1-1:harbor': failed.end + 2 * MIN },
    })
    const c = compareRuns(a, b)
    expect(c.summary.failedOnlyInB).toEqual(['primary/cnpg'])
    expect(c.summary.failedOnlyInA).toEqual([])
    expect(c.summary.retriedOnlyInB).toEqual(['nbg1-1/harbor'])
    const harbor = c.rows.find((r) => r.key === 'nbg1-1/harbor')!
    expect([harbor.a!.attempts, harbor.b!.attempts, harbor.b!.retried, harbor.b!.status]).toEqual([
      1,
      2,
      true,
      'succeeded',
    ])
    expect(harbor.b!.durationMs! - harbor.b!.lastAttemptMs!).toBeGreaterThanOrEqual(2 * MIN)
    // Blocked behind cnpg in B: never started, no duration, status changed.
    const keycloak = c.rows.find((r) => r.key === 'primary/keycloak')!
    expect([keycloak.b!.status, keycloak.b!.durationMs, keycloak.deltaMs, keycloak.statusChanged]).toEqual([
      'pending',
      undefined,
      undefined,
      true,
    ])
    expect(c.summary.onlyInA.length).toBeGreaterThan(0)
    expect(c.summary.onlyInA.every((k) => k.startsWith('hel1-2/'))).toBe(true)
    expect(c.summary.onlyInB).toEqual([])
    expect(c.regions.map((p) => [p.key, p.rule])).toContainEqual(['hel1-2', 'only-a'])
  })

  it('sees retries from component events when there are no executions, and from executions alone', () => {
    const probe = planRun({ failCharts: ['cnpg'] })
    const failed = probe.jobs.find((j) => j.jobName === 'install-cnpg')!.attempts[0]!
    const opts: PlanOptions = { failCharts: ['cnpg'], retries: { 'install-cnpg': failed.end + MIN } }
    for (const dataOpts of [{}, { executions: true, noEvents: true }] as RunDataOptions[]) {
      const { input: a } = run('aaaaaaaaaaaaaaaa', {})
      const { input: b } = run('bbbbbbbbbbbbbbbb', opts, dataOpts)
      expect(compareRuns(a, b).summary.retriedOnlyInB).toEqual(['primary/cnpg'])
    }
  })

  it('lists the slowest regressions and best improvements, limited and largest first', () => {
    const { input: a } = run('aaaaaaaaaaaaaaaa', { seed: 1 })
    const { input: b } = run('bbbbbbbbbbbbbbbb', { seed: 2 })
    const c = compareRuns(a, b, { top: 5 })
    const delta = (k: string) => c.rows.find((r) => r.key === k)!.deltaMs!
    expect(c.summary.regressions).toHaveLength(5)
    const reg = c.summary.regressions.map(delta)
    expect(reg.every((d) => d > 0)).toBe(true)
    expect(reg).toEqual([...reg].sort((x, y) => y - x))
    const allPositive = c.rows.filter((r) => (r.deltaMs ?? 0) > 0).map((r) => r.deltaMs!)
    expect(reg[0]).toBe(Math.max(...allPositive))
    const imp = c.summary.improvements.map(delta)
    expect(imp.every((d) => d < 0)).toBe(true)
    expect(imp).toEqual([...imp].sort((x, y) => x - y))
  })

  it('is symmetric: swapping the runs swaps sides and negates deltas, with the same row keys', () => {
    const { input: a } = run('aaaaaaaaaaaaaaaa', { seed: 1 })
    const { input: b } = run('bbbbbbbbbbbbbbbb', { seed: 2, failCharts: ['flux'] })
    const ab = compareRuns(a, b)
    const ba = compareRuns(b, a)
    expect(ba.rows.map((r) => r.key).sort()).toEqual(ab.rows.map((r) => r.key).sort())
    for (const r of ab.rows) {
      const s = ba.rows.find((x) => x.key === r.key)!
      expect(s.deltaMs === undefined ? undefined : -s.deltaMs).toEqual(
        r.deltaMs === undefined ? undefined : r.deltaMs,
      )
    }
    expect(ba.summary.failedOnlyInA).toEqual(ab.summary.failedOnlyInB)
    expect(ba.summary.wallMs.deltaMs).toBe(-ab.summary.wallMs.deltaMs!)
  })

  it('gives each run its critical path across the Phase 0 → kit boundary, and wall times', () => {
    const { plan: pa, input: a } = run('aaaaaaaaaaaaaaaa', { seed: 1 })
    const { input: b } = run('bbbbbbbbbbbbbbbb', { seed: 2 })
    const c = compareRuns(a, b)
    const names = c.critical.a.ids.map((id) => id.slice(17))
    expect(names.slice(0, 5)).toEqual([
      'tofu-init',
      'tofu-plan',
      'tofu-apply',
      'tofu-output',
      'cluster-bootstrap',
    ])
    expect(names[5]).toMatch(/^install-/)
    // Each job on the path counts from when the job before it ended (installs start while their
    // dependency's retries still run); the total is a wall-clock span, so never longer than the run.
    let prevEnd = -Infinity
    let span = 0
    for (const id of c.critical.a.ids) {
      const at = jobSpan(pa, id.slice(17))
      span += Math.max(0, at.end - Math.max(at.start, prevEnd))
      prevEnd = at.end
    }
    expect(c.critical.a.totalMs).toBe(span)
    expect(c.critical.a.totalMs).toBeLessThanOrEqual(c.summary.wallMs.a!)
    const onPath = c.rows.filter((r) => r.a?.onCriticalPath).map((r) => r.a!.jobId)
    expect(onPath.sort()).toEqual([...c.critical.a.ids].sort())
    // Wall time from the record: start → finishedAt (the Phase-1 settle).
    const want = Date.parse(a.deployment!.finishedAt!) - T0
    expect(c.summary.wallMs.a).toBe(want)
    expect(c.summary.wallMs.ratio).toBeCloseTo(c.summary.wallMs.b! / want, 12)
  })

  it('measures a run still in flight up to its asOf', () => {
    const { input: a } = run('aaaaaaaaaaaaaaaa', {})
    const { input: b } = run('bbbbbbbbbbbbbbbb', {}, {}, () => T0 + 4 * MIN)
    const c = compareRuns(a, b)
    const apply = c.rows.find((r) => r.key === 'none/tofu-apply')!
    expect(apply.b!.running).toBe(true)
    expect(apply.b!.durationMs).toBe(T0 + 4 * MIN - apply.b!.startedAtMs!)
    expect(c.summary.wallMs.b).toBe(4 * MIN)
    expect(c.summary.onlyInA.length).toBeGreaterThan(0) // B's watchers have not seen any chart yet
  })
})

describe('runCriticalPath', () => {
  const DEP = 'cccccccccccccccc'
  const at = (s: number) => new Date(T0 + s * 1000).toISOString()
  const leaf = (
    name: string,
    phase: string,
    start: number,
    end: number | undefined,
    deps: string[] = [],
  ): RunJob => ({
    id: `${DEP}:${name}`,
    jobName: name,
    parentId: `${DEP}:${phase}`,
    dependsOn: deps,
    status: end === undefined ? 'running' : 'succeeded',
    startedAt: at(start),
    finishedAt: end === undefined ? null : at(end),
  })
  const jobs = (kitDependsOnProvisioner: boolean): RunJob[] => [
    { id: `${DEP}:provisioner`, jobName: 'provisioner', type: 'group', status: 'succeeded' },
    {
      id: `${DEP}:bootstrap-kit`,
      jobName: 'bootstrap-kit',
      type: 'group',
      status: 'running',
      dependsOn: kitDependsOnProvisioner ? ['provisioner'] : [],
    },
    leaf('tofu-init', 'provisioner', 0, 10),
    leaf('tofu-apply', 'provisioner', 10, 100, ['tofu-init']),
    leaf('install-cilium', 'bootstrap-kit', 100, 160),
    leaf('install-cert-manager', 'bootstrap-kit', 160, undefined, [`${DEP}:install-cilium`]),
  ]

  it('bridges phases through the group dependsOn and counts a running job up to now', () => {
    const p = runCriticalPath(jobs(true), T0 + 200_000)
    expect(p.ids.map((id) => id.slice(17))).toEqual([
      'tofu-init',
      'tofu-apply',
      'install-cilium',
      'install-cert-manager',
    ])
    expect(p.totalMs).toBe(200_000)
  })

  it('without the phase link the path stays inside the longer phase', () => {
    const p = runCriticalPath(jobs(false), T0 + 180_000)
    expect(p.ids.map((id) => id.slice(17))).toEqual(['tofu-init', 'tofu-apply'])
  })
})
