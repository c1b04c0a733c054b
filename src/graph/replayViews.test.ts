import { describe, expect, it } from 'vitest'
import type { FlowNodeData, FlowState } from './flowState.ts'
import { prepareReplay } from './prepareReplay.ts'
import { replayAt } from './replayAt.ts'
import { executionsAsOf, flowStateAsOf, jobsAsOf } from './replayViews.ts'
import type { RunData, RunJob } from './runData.ts'
import { DEP, T0, iso } from './testing/runFixtures.ts'

const S = 1000
const at = (sec: number) => T0 + sec * S

type Row = RunJob & { rawStatus?: string; extra: string }
const job = (name: string, extra: Partial<Row> = {}): Row => ({
  id: `${DEP}:${name}`,
  deploymentId: DEP,
  jobName: name,
  type: 'install',
  parentId: `${DEP}:bootstrap-kit`,
  dependsOn: [],
  status: 'pending',
  extra: 'kept',
  ...extra,
})

const jobs: Row[] = [
  job('bootstrap-kit', { type: 'group', parentId: '', status: 'succeeded' }),
  job('install-cilium', {
    appId: 'cilium',
    status: 'succeeded',
    rawStatus: 'healthy',
    startedAt: iso(at(10)),
    finishedAt: iso(at(70)),
    durationMs: 60 * S,
  }),
  job('install-harbor', {
    appId: 'harbor',
    status: 'succeeded',
    startedAt: iso(at(80)),
    finishedAt: iso(at(200)),
    durationMs: 120 * S,
  }),
]
const data: RunData = {
  jobs,
  events: [
    { time: iso(at(5)), phase: 'component', component: 'cilium', state: 'pending' },
    { time: iso(at(75)), phase: 'component', component: 'harbor', state: 'pending' },
  ],
}
const prepared = prepareReplay(data)

describe('jobsAsOf', () => {
  it('gives each job its status, times and duration so far at t, keeping other fields', () => {
    const then = jobsAsOf(jobs, replayAt(prepared, at(100)))
    const [kit, cilium, harbor] = then
    expect(cilium).toMatchObject({
      status: 'succeeded',
      rawStatus: 'succeeded',
      startedAt: iso(at(10)),
      finishedAt: iso(at(70)),
      durationMs: 60 * S,
      extra: 'kept',
    })
    expect(harbor).toMatchObject({ status: 'running', startedAt: iso(at(80)), durationMs: 20 * S })
    expect(harbor!.finishedAt).toBeUndefined()
    expect(kit!.status).toBe('running')
    // The input is untouched.
    expect(jobs[2]!.status).toBe('succeeded')
  })

  it('a job the watcher had not reported yet reads pending with no times', () => {
    const [, cilium, harbor] = jobsAsOf(jobs, replayAt(prepared, at(20)))
    expect(cilium!.status).toBe('running')
    expect(harbor).toMatchObject({ status: 'pending', startedAt: undefined, durationMs: 0 })
  })

  it('jobs the replay does not know are passed through', () => {
    const stranger = job('x', { id: 'other:x', status: 'failed' })
    expect(jobsAsOf([stranger], replayAt(prepared, at(20)))[0]).toBe(stranger)
  })
})

describe('flowStateAsOf', () => {
  const node = (id: string, status: string): FlowNodeData => ({ id, label: id, status })
  const state: FlowState = {
    flow: { id: DEP, status: 'succeeded', startedAt: at(0) },
    nodes: new Map([
      [`${DEP}:install-cilium`, node(`${DEP}:install-cilium`, 'succeeded')],
      [`${DEP}:install-harbor`, node(`${DEP}:install-harbor`, 'succeeded')],
      ['fsn1:bp-x', node('fsn1:bp-x', 'ready')],
    ]),
    rels: new Map(),
    duplicateIds: [],
  }

  it('sets statuses and times at t and keeps structure and unknown nodes', () => {
    const then = flowStateAsOf(state, replayAt(prepared, at(100)))
    expect(then.nodes.get(`${DEP}:install-cilium`)).toMatchObject({
      status: 'succeeded',
      startedAt: at(10),
      endedAt: at(70),
    })
    expect(then.nodes.get(`${DEP}:install-harbor`)).toMatchObject({ status: 'running', endedAt: undefined })
    expect(then.nodes.get('fsn1:bp-x')).toBe(state.nodes.get('fsn1:bp-x'))
    expect([...then.nodes.keys()]).toEqual([...state.nodes.keys()])
    expect(then.rels).toBe(state.rels)
    expect(state.nodes.get(`${DEP}:install-harbor`)!.status).toBe('succeeded')
  })
})

describe('executionsAsOf', () => {
  const ex = (id: string, start: number, end?: number) => ({
    id,
    jobId: `${DEP}:install-harbor`,
    status: end === undefined ? 'running' : 'failed',
    startedAt: iso(at(start)),
    finishedAt: end === undefined ? undefined : iso(at(end)),
    lineCount: 7,
  })
  const newestFirst = [ex('e2', 100, 160), ex('e1', 10, 60)]

  it('keeps those started by t, running if they ended after it', () => {
    expect(executionsAsOf(newestFirst, at(5))).toEqual([])
    expect(executionsAsOf(newestFirst, at(30))).toEqual([
      { ...newestFirst[1], status: 'running', finishedAt: undefined },
    ])
    expect(executionsAsOf(newestFirst, at(70))).toEqual([newestFirst[1]])
    const later = executionsAsOf(newestFirst, at(200))
    expect(later).toEqual(newestFirst)
    expect(later[0]).toBe(newestFirst[0])
  })
})
