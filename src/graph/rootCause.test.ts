import { describe, expect, it } from 'vitest'
import { rootCause, stronglyConnected } from './rootCause.ts'
import type { RunDeployment, RunJob } from './runData.ts'
import { DEP, T0, planEnd, planRun, planStatusAt, runDataAt } from './testing/runFixtures.ts'

const iso = (s: number) => new Date(T0 + s * 1000).toISOString()

/** `name:status@failedSec` shorthand, deps as bare names (mixed with full ids where a test says so). */
function j(name: string, status: string, deps: string[] = [], extra: Partial<RunJob> = {}): RunJob {
  const phase = name.startsWith('tofu') || name === 'cluster-bootstrap' ? 'provisioner' : 'bootstrap-kit'
  return {
    id: `${DEP}:${name}`,
    jobName: name,
    parentId: `${DEP}:${phase}`,
    dependsOn: deps,
    status,
    ...(status === 'failed' || status === 'succeeded' ? { startedAt: iso(0), finishedAt: iso(10) } : {}),
    ...(status === 'running' ? { startedAt: iso(0) } : {}),
    ...extra,
  }
}
const failedAt = (sec: number) => ({ startedAt: iso(0), finishedAt: iso(sec) })
const names = (ids: readonly string[]) => ids.map((id) => id.slice(DEP.length + 1))

describe('rootCause', () => {
  it('a Phase-0 failure: the failed step, the steps it holds back, deployment-wide', () => {
    const r = rootCause([
      { id: `${DEP}:provisioner`, jobName: 'provisioner', type: 'group', status: 'failed' },
      j('tofu-init', 'succeeded'),
      j('tofu-plan', 'succeeded', ['tofu-init']),
      j('tofu-apply', 'failed', ['tofu-plan']),
      j('tofu-output', 'pending', ['tofu-apply']),
      j('cluster-bootstrap', 'pending', [`${DEP}:tofu-output`]),
    ])
    expect(r.causes).toHaveLength(1)
    const c = r.causes[0]!
    expect([c.jobName, c.region, c.phase, c.failedAtMs]).toEqual([
      'tofu-apply',
      'none',
      'provisioner',
      T0 + 10_000,
    ])
    expect(c.explanation).toEqual({
      kind: 'provisioning',
      impact: 'deployment',
      evidence: 'job-failed',
      blockedCount: 2,
      downstreamFailedCount: 0,
    })
    expect(names(c.blockedIds)).toEqual(['tofu-output', 'cluster-bootstrap'])
    expect(c.blockedByRegion).toEqual([{ region: 'none', count: 2 }])
    expect(r.blockedTotal).toBe(2)
  })

  it.each<[string, RunJob[], string[], number[]]>([
    [
      'one chart: its pending dependents, transitively, not the running or finished ones',
      [
        j('install-cilium', 'succeeded'),
        j('install-cnpg', 'failed', ['install-cilium']),
        j('install-flux', 'running', ['install-cilium']),
        j('install-keycloak', 'pending', ['install-cnpg']),
        j('install-harbor', 'pending', ['install-cnpg', 'install-flux']),
        j('install-grafana', 'pending', ['install-keycloak']),
        j('install-loki', 'pending', ['install-flux']),
      ],
      ['install-cnpg'],
      [3],
    ],
    [
      'two independent failures, earliest first',
      [
        j('install-a', 'failed', [], failedAt(50)),
        j('install-b', 'failed', [], failedAt(20)),
        j('install-a2', 'pending', ['install-a']),
      ],
      ['install-b', 'install-a'],
      [0, 1],
    ],
    [
      'a failure downstream of another is explained by it, and what it blocks counts for the root',
      [
        j('install-a', 'failed', [], failedAt(10)),
        j('install-b', 'failed', ['install-a'], failedAt(5)),
        j('install-c', 'pending', ['install-b']),
      ],
      ['install-a'],
      [1],
    ],
    [
      'a failed-job cycle (bad data) yields one root, its earliest failure',
      [
        j('install-a', 'failed', ['install-b'], failedAt(30)),
        j('install-b', 'failed', ['install-a'], failedAt(20)),
        j('install-c', 'pending', ['install-a']),
      ],
      ['install-b'],
      [1],
    ],
    [
      'a failure downstream of a cycle of failures is not a root',
      [
        j('install-a', 'failed', ['install-b'], failedAt(30)),
        j('install-b', 'failed', ['install-a'], failedAt(20)),
        j('install-c', 'failed', ['install-b'], failedAt(5)),
      ],
      ['install-b'],
      [0],
    ],
    [
      'dangling ids, self-dependencies and duplicates are ignored',
      [
        j('install-a', 'failed', ['install-ghost', 'install-a', `${DEP}:install-ghost`]),
        j('install-b', 'pending', ['install-a', 'install-a', `${DEP}:install-a`]),
        j('install-a', 'succeeded'),
      ],
      ['install-a'],
      [1],
    ],
    [
      'a pending cycle behind a failure is blocked and the walk ends',
      [
        j('install-a', 'failed'),
        j('install-b', 'pending', ['install-a', 'install-c']),
        j('install-c', 'pending', ['install-b']),
      ],
      ['install-a'],
      [2],
    ],
    ['no failure, no cause', [j('install-a', 'succeeded'), j('install-b', 'running', ['install-a'])], [], []],
  ])('%s', (_name, jobs, roots, blocked) => {
    const r = rootCause(jobs)
    expect(names(r.causes.map((c) => c.jobId))).toEqual(roots)
    expect(r.causes.map((c) => c.explanation.blockedCount)).toEqual(blocked)
  })

  it('lists downstream failures and normalises `install-nbg1-1:x` as a bare name (regression 25)', () => {
    const r = rootCause([
      j('install-nbg1-1:cnpg', 'failed', [], { region: 'nbg1-1', appId: 'nbg1-1:cnpg' }),
      j('install-nbg1-1:keycloak', 'failed', ['install-nbg1-1:cnpg'], { region: 'nbg1-1' }),
      j('install-nbg1-1:grafana', 'pending', [`${DEP}:install-nbg1-1:keycloak`], { region: 'nbg1-1' }),
    ])
    expect(r.causes).toHaveLength(1)
    expect(names(r.causes[0]!.downstreamFailedIds)).toEqual(['install-nbg1-1:keycloak'])
    expect(r.causes[0]!.blockedByRegion).toEqual([{ region: 'nbg1-1', count: 1 }])
    expect(r.failedIds).toHaveLength(2)
  })

  it('counts blocked jobs per region, primary first, and each blocked job once overall', () => {
    const r = rootCause([
      j('install-a', 'failed', [], failedAt(1)),
      j('install-b', 'failed', [], failedAt(2)),
      j('install-nbg1-1:x', 'pending', ['install-a', 'install-b'], { region: 'nbg1-1' }),
      j('install-y', 'pending', ['install-a']),
      j('step-1', 'pending', ['install-a']),
    ])
    expect(r.causes[0]!.blockedByRegion).toEqual([
      { region: 'primary', count: 1 },
      { region: 'nbg1-1', count: 1 },
      { region: 'none', count: 1 },
    ])
    expect(r.causes.map((c) => c.explanation.blockedCount)).toEqual([3, 1])
    expect(r.blockedTotal).toBe(3)
  })

  describe('degraded secondaries', () => {
    const record: RunDeployment = {
      status: 'ready',
      secondaryDegraded: true,
      regions: [
        { region: 'fsn1', primary: true, degraded: false },
        { region: 'nbg1-1', primary: false, degraded: true },
      ],
    }

    it('names the failed chart of the degraded region, with a region-only impact', () => {
      const r = rootCause(
        [
          j('install-loki', 'succeeded'),
          j('install-nbg1-1:loki', 'failed', [], { region: 'nbg1-1', appId: 'nbg1-1:loki' }),
          j('install-nbg1-1:grafana', 'pending', ['install-nbg1-1:loki'], { region: 'nbg1-1' }),
        ],
        record,
      )
      expect(
        r.causes.map((c) => [c.label, c.region, c.chart, c.explanation.impact, c.explanation.kind]),
      ).toEqual([['loki', 'nbg1-1', 'loki', 'region', 'install']])
      expect(r.unexplained).toEqual({ failure: false, degraded: false, regions: [] })
    })

    it('finds a degraded HelmRelease whose job still reads running, from the record', () => {
      const r = rootCause(
        [j('install-nbg1-1:loki', 'running', [], { region: 'nbg1-1', appId: 'nbg1-1:loki' })],
        {
          ...record,
          componentStates: { 'nbg1-1:loki': 'degraded', loki: 'installed' },
        },
      )
      expect(r.causes.map((c) => [c.jobName, c.explanation.evidence])).toEqual([
        ['install-nbg1-1:loki', 'component-degraded'],
      ])
    })

    it('says what stays unexplained: a degraded region without a failed job, a failure without a cause', () => {
      expect(
        rootCause([j('install-nbg1-1:loki', 'succeeded', [], { region: 'nbg1-1' })], record).unexplained,
      ).toEqual({
        failure: false,
        degraded: true,
        regions: ['nbg1-1'],
      })
      expect(rootCause([j('tofu-init', 'succeeded')], { status: 'failed' }).unexplained).toEqual({
        failure: true,
        degraded: false,
        regions: [],
      })
      // A secondary failure does not explain a failed deployment.
      expect(
        rootCause([j('install-nbg1-1:x', 'failed', [], { region: 'nbg1-1' })], { status: 'failed' })
          .unexplained.failure,
      ).toBe(true)
    })
  })

  it('on a planned run with a failing primary chart: the chart, and exactly its pending dependents', () => {
    const plan = planRun({ failCharts: ['cnpg', 'nbg1-1:keycloak'] })
    const end = planEnd(plan)
    const data = runDataAt(plan, end, { bareRefs: true })
    const r = rootCause(data.jobs, data.deployment)
    expect(r.causes.map((c) => [c.jobName, c.explanation.impact])).toEqual([
      ['install-cnpg', 'deployment'],
      ['install-nbg1-1:keycloak', 'region'],
    ])
    // Ground truth: the plan's pending jobs in each region are exactly those behind the failures.
    const pendingIn = (regionKey: string) =>
      plan.jobs.filter((p) => p.regionKey === regionKey && planStatusAt(p, end) === 'pending').length
    expect(r.causes[0]!.blockedByRegion).toEqual([{ region: 'primary', count: pendingIn('fsn1') }])
    expect(r.causes[1]!.blockedByRegion).toEqual([{ region: 'nbg1-1', count: pendingIn('nbg1-1') }])
    expect(pendingIn('fsn1')).toBeGreaterThan(0)
  })

  it('walks a 20,000-long chain without overflowing the stack', () => {
    const jobs = Array.from({ length: 20_000 }, (_, i) =>
      j(`install-c${i}`, i === 0 ? 'failed' : 'pending', i ? [`install-c${i - 1}`] : []),
    )
    const r = rootCause(jobs)
    expect(r.causes[0]!.explanation.blockedCount).toBe(19_999)
  })
})

describe('stronglyConnected', () => {
  it.each<[string, number, number[][], number[][]]>([
    ['a chain', 3, [[1], [2], []], [[0], [1], [2]]],
    ['a cycle and a tail', 4, [[1], [0, 2], [3], []], [[0, 1], [2], [3]]],
    ['two sources into one sink', 3, [[2], [2], []], [[1], [0], [2]]],
    ['self loop', 2, [[0, 1], []], [[0], [1]]],
  ])('%s: components in topological order', (_name, n, edges, want) => {
    const { comp, order } = stronglyConnected(n, edges)
    const groups = order.map((c) =>
      comp
        .map((x, i) => [x, i] as const)
        .filter(([x]) => x === c)
        .map(([, i]) => i),
    )
    expect(groups).toEqual(want)
  })
})
