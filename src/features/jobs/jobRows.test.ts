import { describe, expect, it } from 'vitest'
import { Job, type JobWire } from '../../contracts/jobs.ts'
import { prepareReplay } from '../../graph/prepareReplay.ts'
import { replayAt } from '../../graph/replayAt.ts'
import { jobsAsOf } from '../../graph/replayViews.ts'
import {
  countLabel,
  deriveRows,
  filterRows,
  groupRows,
  isMultiRegion,
  nextSort,
  parseSort,
  regionBuckets,
  rowsAsOf,
  regionOf,
  rollupStatus,
  sortRows,
  summariseCounts,
  tableItems,
  type JobRow,
} from './jobRows.ts'

const D = 'c1d2e3f4a5b6c7d8'
const T0 = Date.parse('2026-01-01T00:00:00Z')
const at = (s: number) => new Date(T0 + s * 1000).toISOString()

function job(name: string, extra: Partial<JobWire> = {}): Job {
  return Job.parse({
    id: `${D}:${name}`,
    deploymentId: D,
    jobName: name,
    type: 'install',
    parentId: `${D}:bootstrap-kit`,
    dependsOn: [],
    status: 'pending',
    ...extra,
  })
}

const JOBS: Job[] = [
  job('provisioner', { type: 'group', displayName: 'Provision Hetzner', parentId: '' }),
  job('bootstrap-kit', { type: 'group', displayName: 'Bootstrap', parentId: '' }),
  job('tofu-plan', {
    kind: 'lifecycle',
    displayName: 'Terraform Plan',
    parentId: `${D}:provisioner`,
    status: 'succeeded',
    startedAt: at(0),
    finishedAt: at(30),
    durationMs: 30_000,
  }),
  job('tofu-apply', {
    kind: 'lifecycle',
    displayName: 'Terraform Apply',
    parentId: `${D}:provisioner`,
    dependsOn: ['tofu-plan'], // bare on the wire: normalised to a full id
    status: 'succeeded',
    startedAt: at(30),
    finishedAt: at(400),
    durationMs: 370_000,
  }),
  job('install-cilium', {
    kind: 'install',
    appId: 'cilium',
    status: 'running',
    startedAt: at(500),
    durationMs: 10_000,
  }),
  job('install-nbg1-1:cilium', {
    kind: 'install',
    appId: 'nbg1-1:cilium',
    region: 'nbg1-1',
    status: 'failed',
    startedAt: at(510),
    finishedAt: at(600),
    durationMs: 90_000,
  }),
  job('install-nbg1-1:cnpg', {
    kind: 'install',
    appId: 'nbg1-1:cnpg',
    region: 'nbg1-1',
    dependsOn: [`${D}:install-nbg1-1:cilium`],
  }),
  job('install-harbor', { kind: 'install', appId: 'harbor', dependsOn: ['install-cilium'] }),
  job('cutover-step-01-gitea-mirror', { kind: 'step', parentId: `${D}:cutover` }),
]

const rows = deriveRows(JOBS)
const names = (rs: readonly JobRow[]) => rs.map((r) => r.jobName)

describe('deriveRows', () => {
  it('drops group rows and keeps leaves', () => {
    expect(rows).toHaveLength(7)
    expect(names(rows)).not.toContain('bootstrap-kit')
  })

  it('takes the phase from parentId and its label from the group row (fallback when absent)', () => {
    const apply = rows.find((r) => r.jobName === 'tofu-apply')!
    expect(apply.phase).toBe('provisioner')
    expect(apply.phaseLabel).toBe('Provision Hetzner')
    expect(rows.find((r) => r.jobName.startsWith('cutover'))!.phaseLabel).toBe('Cutover')
  })

  it('turns dependencies into readable labels with full ids (bare wire refs included)', () => {
    const apply = rows.find((r) => r.jobName === 'tofu-apply')!
    expect(apply.deps).toEqual([{ id: `${D}:tofu-plan`, jobName: 'tofu-plan', label: 'Terraform Plan' }])
    const cnpg = rows.find((r) => r.jobName === 'install-nbg1-1:cnpg')!
    expect(cnpg.deps).toEqual([
      { id: `${D}:install-nbg1-1:cilium`, jobName: 'install-nbg1-1:cilium', label: 'cilium' },
    ])
  })
})

describe('regionOf', () => {
  it.each([
    [{ jobName: 'install-nbg1-1:cilium', region: 'nbg1-1' }, 'nbg1-1'],
    [{ jobName: 'install-nbg1-1:cilium', appId: 'nbg1-1:cilium' }, 'nbg1-1'],
    [{ jobName: 'install-hel1-2:cilium' }, 'hel1-2'],
    [{ jobName: 'install-cilium', appId: 'cilium', kind: 'install' }, 'primary'],
    [{ jobName: 'install-self-sovereign-cutover' }, 'primary'],
    [{ jobName: 'tofu-apply', kind: 'lifecycle' }, 'none'],
    [{ jobName: 'handover-wait-tls', kind: 'step' }, 'none'],
  ] as const)('%o → %s', (j, expected) => {
    expect(regionOf(j)).toBe(expected)
  })

  it('lists buckets primary first and decides multi-region with primary counted', () => {
    expect(regionBuckets(rows)).toEqual(['primary', 'nbg1-1'])
    expect(isMultiRegion(rows, 0)).toBe(true)
    const solo = rows.filter((r) => r.region !== 'nbg1-1')
    expect(isMultiRegion(solo, 1)).toBe(false)
    // A 2-region deployment still in Phase 0 (no installs yet) shows the column from the record.
    expect(
      isMultiRegion(
        rows.filter((r) => r.region === 'none'),
        2,
      ),
    ).toBe(true)
  })
})

describe('filterRows', () => {
  it.each([
    [{ q: 'CILIUM' }, ['install-cilium', 'install-nbg1-1:cilium', 'install-nbg1-1:cnpg', 'install-harbor']],
    [{ q: 'terraform plan' }, ['tofu-plan', 'tofu-apply']],
    [{ q: 'failed' }, ['install-nbg1-1:cilium']],
    [{ status: 'running,failed' }, ['install-cilium', 'install-nbg1-1:cilium']],
    [{ phase: 'provisioner' }, ['tofu-plan', 'tofu-apply']],
    [{ region: 'primary' }, ['install-cilium', 'install-harbor']],
    [{ region: 'none', phase: 'cutover' }, ['cutover-step-01-gitea-mirror']],
    [{ q: 'nbg1-1 cnpg' }, ['install-nbg1-1:cnpg']],
    [{ q: 'no-such-job' }, []],
  ])('%o', (f, expected) => {
    expect(names(filterRows(rows, f))).toEqual(expected)
  })
})

describe('sortRows', () => {
  it('defaults to running first, then pending, then by start (newest first)', () => {
    expect(names(sortRows(rows, parseSort(undefined, undefined)))).toEqual([
      'install-cilium',
      'install-harbor',
      'install-nbg1-1:cnpg',
      'cutover-step-01-gitea-mirror',
      'install-nbg1-1:cilium',
      'tofu-apply',
      'tofu-plan',
    ])
  })

  it('sorts by any column both ways; missing times stay last', () => {
    const started = names(sortRows(rows, parseSort('started', 'desc')))
    expect(started.slice(0, 4)).toEqual([
      'install-nbg1-1:cilium',
      'install-cilium',
      'tofu-apply',
      'tofu-plan',
    ])
    const startedAsc = names(sortRows(rows, parseSort('started', 'asc')))
    expect(startedAsc.slice(0, 4)).toEqual([
      'tofu-plan',
      'tofu-apply',
      'install-cilium',
      'install-nbg1-1:cilium',
    ])
    expect(startedAsc.slice(4).sort()).toEqual(
      ['cutover-step-01-gitea-mirror', 'install-harbor', 'install-nbg1-1:cnpg'].sort(),
    )
    expect(names(sortRows(rows, parseSort('name', 'asc')))[0]).toBe('cutover-step-01-gitea-mirror')
    expect(names(sortRows(rows, parseSort('name', 'desc')))[0]).toBe('tofu-plan')
    expect(names(sortRows(rows, parseSort('duration', 'desc')))[0]).toBe('tofu-apply')
    expect(names(sortRows(rows, parseSort('status', 'asc')))[0]).toBe('install-nbg1-1:cilium')
    expect(sortRows(rows, parseSort('region', 'asc'))[0]!.region).toBe('primary')
    expect(sortRows(rows, parseSort('phase', 'desc'))[0]!.phase).toBe('cutover')
    expect(sortRows(rows, parseSort('deps', 'desc'))[0]!.deps).toHaveLength(1)
  })

  it('ignores unknown sort keys and cycles direction on the same column', () => {
    expect(parseSort('bogus', 'desc')).toEqual({ column: undefined, desc: false })
    expect(nextSort({ column: undefined, desc: false }, 'name')).toEqual({ sort: 'name', dir: 'asc' })
    expect(nextSort({ column: undefined, desc: false }, 'started')).toEqual({ sort: 'started', dir: 'desc' })
    expect(nextSort({ column: 'name', desc: false }, 'name')).toEqual({ sort: 'name', dir: 'desc' })
    expect(nextSort({ column: 'name', desc: true }, 'name')).toEqual({ sort: 'name', dir: 'asc' })
  })
})

describe('grouping and rollup', () => {
  it.each([
    [{ pending: 0, running: 0, succeeded: 0, failed: 0 }, 'pending'],
    [{ pending: 1, running: 0, succeeded: 3, failed: 0 }, 'pending'],
    [{ pending: 1, running: 1, succeeded: 3, failed: 0 }, 'running'],
    [{ pending: 1, running: 1, succeeded: 3, failed: 1 }, 'failed'],
    [{ pending: 0, running: 0, succeeded: 3, failed: 0 }, 'succeeded'],
  ] as const)('rollup %o → %s', (counts, expected) => {
    expect(rollupStatus(counts)).toBe(expected)
  })

  it('groups by phase in lifecycle order with counts and a rolled-up status', () => {
    const groups = groupRows(sortRows(rows, parseSort(undefined, undefined)), 'phase')
    expect(groups.map((g) => [g.key, g.rows.length, g.status])).toEqual([
      ['provisioner', 2, 'succeeded'],
      ['bootstrap-kit', 4, 'failed'],
      ['cutover', 1, 'pending'],
    ])
    expect(summariseCounts(groups[1]!.counts)).toBe('4 jobs · 1 running · 1 failed · 2 pending')
  })

  it('groups by region, primary first and deployment-wide last', () => {
    expect(groupRows(rows, 'region').map((g) => g.label)).toEqual([
      'Primary region',
      'Region nbg1-1',
      'Deployment-wide',
    ])
  })

  it('hides the rows of collapsed groups but keeps their header', () => {
    const items = tableItems(rows, 'phase', new Set(['bootstrap-kit']))
    expect(items.map((i) => (i.kind === 'group' ? `# ${i.group.key}` : i.row.jobName))).toEqual([
      '# provisioner',
      'tofu-plan',
      'tofu-apply',
      '# bootstrap-kit',
      '# cutover',
      'cutover-step-01-gitea-mirror',
    ])
    expect(tableItems(rows, undefined, new Set())).toHaveLength(rows.length)
  })

  it('says what the count counts', () => {
    expect(countLabel(56, 133)).toBe('Showing 56 of 133 jobs')
    expect(countLabel(133, 133)).toBe('133 jobs')
    expect(countLabel(1, 1)).toBe('1 job')
  })
})

describe('rowsAsOf', () => {
  const prepared = prepareReplay({ jobs: JOBS, asOfMs: T0 + 700_000 })
  it.each([0, 15, 200, 505, 550, 800])('equals deriveRows(jobsAsOf) at +%is', (sec) => {
    const snap = replayAt(prepared, T0 + sec * 1000)
    expect(rowsAsOf(rows, snap)).toEqual(deriveRows(jobsAsOf(JOBS, snap)))
  })

  it('keeps unchanged rows as they are and rows the replay does not know', () => {
    expect(rowsAsOf(rows, undefined)).toBe(rows)
    const end = rowsAsOf(rows, replayAt(prepared, T0 + 700_000))
    const plan = rows.find((r) => r.jobName === 'tofu-plan')!
    expect(end.find((r) => r.jobName === 'tofu-plan')).toBe(plan)
    const stranger = { ...plan, id: `${D}:not-in-replay`, jobName: 'not-in-replay' }
    const early = rowsAsOf([...rows, stranger], replayAt(prepared, T0))
    expect(early.at(-1)).toBe(stranger)
  })

  it('searches the replayed status, not the live one', () => {
    const snap = replayAt(prepared, T0 + 100_000)
    expect(names(filterRows(rowsAsOf(rows, snap), { q: 'running' }))).toEqual(['tofu-apply'])
    expect(names(filterRows(rows, { q: 'running' }))).toEqual(['install-cilium'])
  })
})
