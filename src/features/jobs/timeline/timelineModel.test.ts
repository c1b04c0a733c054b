import { describe, expect, it } from 'vitest'
import { Job, type JobWire } from '../../../contracts/jobs.ts'
import { deriveRows } from '../jobRows.ts'
import { fitTransform, ticks, timeExtent, timelineRows, zoomAt } from './timelineModel.ts'

const D = 'd'
const T0 = Date.parse('2026-01-01T00:00:00Z')
const at = (s: number) => new Date(T0 + s * 1000).toISOString()
const job = (name: string, extra: Partial<JobWire>) =>
  Job.parse({ id: `${D}:${name}`, deploymentId: D, jobName: name, type: 'install', dependsOn: [], ...extra })

const JOBS = [
  job('tofu-plan', {
    parentId: `${D}:provisioner`,
    status: 'succeeded',
    startedAt: at(0),
    finishedAt: at(10),
  }),
  job('tofu-apply', {
    parentId: `${D}:provisioner`,
    status: 'succeeded',
    startedAt: at(10),
    finishedAt: at(100),
    dependsOn: ['tofu-plan'],
  }),
  job('install-cilium', {
    parentId: `${D}:bootstrap-kit`,
    appId: 'cilium',
    status: 'running',
    startedAt: at(100),
    dependsOn: ['tofu-apply'],
  }),
  job('install-nbg1-1:cilium', {
    parentId: `${D}:bootstrap-kit`,
    appId: 'nbg1-1:cilium',
    region: 'nbg1-1',
    status: 'succeeded',
    startedAt: at(105),
    finishedAt: at(120),
    dependsOn: ['tofu-apply'],
  }),
  job('install-harbor', { parentId: `${D}:bootstrap-kit`, appId: 'harbor', dependsOn: ['install-cilium'] }),
]

describe('timelineRows', () => {
  const now = T0 + 400_000
  const { rows, critical } = timelineRows(deriveRows(JOBS), now)
  const shape = rows.map((r) => (r.kind === 'job' ? r.row.jobName : `${r.kind}:${r.label}`))

  it('groups by phase, then region where a phase spans several, jobs by start', () => {
    expect(shape).toEqual([
      'phase:Provision',
      'tofu-plan',
      'tofu-apply',
      'phase:Bootstrap kit',
      'region:Primary region',
      'install-cilium',
      'install-harbor',
      'region:Region nbg1-1',
      'install-nbg1-1:cilium',
    ])
  })

  it('crosses phase boundaries through the phase groups: entry jobs wait for the previous phase', () => {
    const r = deriveRows([
      JOBS[0]!,
      JOBS[1]!,
      job('install-vpa', { parentId: `${D}:bootstrap-kit`, status: 'running', startedAt: at(101) }),
    ])
    const phases = new Map([['bootstrap-kit', ['provisioner']]])
    expect(timelineRows(r, now, phases).critical).toEqual([
      `${D}:tofu-plan`,
      `${D}:tofu-apply`,
      `${D}:install-vpa`,
    ])
    // Without the phase ordering the path would stop at the phase boundary.
    expect(timelineRows(r, now).critical).toEqual([`${D}:install-vpa`])
  })

  it('ends running bars at now, leaves pending ones empty, flags the critical path', () => {
    const bar = (name: string) => rows.find((r) => r.kind === 'job' && r.row.jobName === name)
    expect(bar('install-cilium')).toMatchObject({ startMs: T0 + 100_000, endMs: now, critical: true })
    expect(bar('install-harbor')).toMatchObject({ startMs: undefined, endMs: undefined, critical: false })
    expect(critical).toEqual([`${D}:tofu-plan`, `${D}:tofu-apply`, `${D}:install-cilium`])
    expect(timeExtent(rows)).toEqual([T0, now])
  })
})

describe('time axis', () => {
  it('fits the extent to the width and zooms around the cursor', () => {
    const t = fitTransform([0, 1000], 1032)
    expect(t.pxPerMs).toBeCloseTo(1)
    const z = zoomAt(t, 2, 516)
    // The instant under the anchor stays under it.
    expect((516 - z.offsetPx) / z.pxPerMs).toBeCloseTo((516 - t.offsetPx) / t.pxPerMs)
  })

  it('places round ticks at least the minimum gap apart', () => {
    const t = { pxPerMs: 0.01, offsetPx: 0 } // 10 px per second
    const ts = ticks(t, 0, 0, 1000)
    expect(ts[0]!.stepMs).toBe(10_000)
    expect(ts.map((x) => x.px).slice(0, 3)).toEqual([0, 100, 200])
  })
})
