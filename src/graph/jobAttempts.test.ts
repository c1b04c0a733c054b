import { describe, expect, it } from 'vitest'
import {
  attemptsOf,
  componentTransitions,
  executionsByJob,
  jobAttempts,
  type Transition,
} from './jobAttempts.ts'
import type { RunExecution, RunJob } from './runData.ts'

const DEP = 'a43364f11c10cde3'
const T = Date.UTC(2026, 4, 14, 9, 0, 0)
const at = (s: number) => T + s * 1000
const iso = (s: number) => new Date(at(s)).toISOString()

const job = (extra: Partial<RunJob>): RunJob => ({
  id: `${DEP}:install-harbor`,
  jobName: 'install-harbor',
  appId: 'harbor',
  status: 'pending',
  ...extra,
})
const exec = (id: string, status: string, start: number, end?: number): RunExecution => ({
  id,
  jobId: `${DEP}:install-harbor`,
  status,
  startedAt: iso(start),
  finishedAt: end === undefined ? null : iso(end),
})
const tr = (s: number, state: string): Transition => ({ atMs: at(s), state, message: state })

describe('attemptsOf from the job alone', () => {
  it.each([
    ['never started', job({}), []],
    ['pending with a stray startedAt (status wins)', job({ startedAt: iso(1) }), []],
    [
      'running',
      job({ status: 'running', startedAt: iso(1) }),
      [{ startMs: at(1), endMs: undefined, outcome: undefined }],
    ],
    [
      'running with finishedAt: null',
      job({ status: 'running', startedAt: iso(1), finishedAt: null }),
      [{ startMs: at(1), endMs: undefined, outcome: undefined }],
    ],
    [
      'succeeded',
      job({ status: 'succeeded', startedAt: iso(1), finishedAt: iso(9) }),
      [{ startMs: at(1), endMs: at(9), outcome: 'succeeded' }],
    ],
    [
      'failed without finishedAt: start + durationMs',
      job({ status: 'failed', startedAt: iso(1), durationMs: 4000 }),
      [{ startMs: at(1), endMs: at(5), outcome: 'failed' }],
    ],
    [
      'degraded health kind is a failure',
      job({ status: 'degraded', startedAt: iso(1), finishedAt: iso(2) }),
      [{ startMs: at(1), endMs: at(2), outcome: 'failed' }],
    ],
    [
      'finish before start is clamped',
      job({ status: 'succeeded', startedAt: iso(5), finishedAt: iso(2) }),
      [{ startMs: at(5), endMs: at(5), outcome: 'succeeded' }],
    ],
  ])('%s', (_name, j, want) => {
    expect(attemptsOf(j, undefined, undefined)).toEqual(want)
  })
})

describe('attemptsOf split by component transitions', () => {
  const span = job({ status: 'succeeded', startedAt: iso(0), finishedAt: iso(100) })
  it.each([
    ['no transitions: one attempt', [], [[0, 100, 'succeeded']]],
    [
      'failed then installing: a retry',
      [tr(0, 'installing'), tr(30, 'failed'), tr(60, 'installing'), tr(100, 'installed')],
      [
        [0, 30, 'failed'],
        [60, 100, 'succeeded'],
      ],
    ],
    [
      'two retries',
      [tr(10, 'failed'), tr(20, 'installing'), tr(40, 'failed'), tr(50, 'installing')],
      [
        [0, 10, 'failed'],
        [20, 40, 'failed'],
        [50, 100, 'succeeded'],
      ],
    ],
    ['a failure never followed by installing is not a retry', [tr(99, 'failed')], [[0, 100, 'succeeded']]],
    ['degraded is not a boundary', [tr(10, 'degraded'), tr(20, 'installing')], [[0, 100, 'succeeded']]],
    [
      'transitions outside the span are ignored',
      [tr(-10, 'failed'), tr(-5, 'installing'), tr(100, 'failed'), tr(120, 'installing')],
      [[0, 100, 'succeeded']],
    ],
  ])('%s', (_name, transitions, want) => {
    const got = attemptsOf(span, undefined, transitions).map((a) => [
      (a.startMs - T) / 1000,
      (a.endMs! - T) / 1000,
      a.outcome,
    ])
    expect(got).toEqual(want)
  })

  it('a job running again after a failure has an open last attempt', () => {
    const running = job({ status: 'running', startedAt: iso(0) })
    expect(attemptsOf(running, undefined, [tr(30, 'failed'), tr(60, 'installing')])).toEqual([
      { startMs: at(0), endMs: at(30), outcome: 'failed' },
      { startMs: at(60), endMs: undefined, outcome: undefined },
    ])
  })
})

describe('attemptsOf from executions', () => {
  it.each([
    [
      'sorted by start whatever the input order (newest first on the wire)',
      job({ status: 'succeeded', startedAt: iso(0), finishedAt: iso(100) }),
      [exec('b', 'succeeded', 60, 100), exec('a', 'failed', 0, 30)],
      [
        ['a', 0, 30, 'failed'],
        ['b', 60, 100, 'succeeded'],
      ],
    ],
    [
      'an earlier attempt without finish ended when the next began, failed',
      job({ status: 'running', startedAt: iso(0) }),
      [exec('a', 'running', 0), exec('b', 'running', 60)],
      [
        ['a', 0, 60, 'failed'],
        ['b', 60, undefined, undefined],
      ],
    ],
    [
      'the last attempt takes the job finish and status when it lacks its own',
      job({ status: 'failed', startedAt: iso(0), finishedAt: iso(40) }),
      [exec('a', 'running', 0)],
      [['a', 0, 40, 'failed']],
    ],
    [
      'an unparsable start is dropped',
      job({ status: 'succeeded', startedAt: iso(0), finishedAt: iso(10) }),
      [{ ...exec('x', 'failed', 0, 1), startedAt: 'garbage' }, exec('a', 'succeeded', 0, 10)],
      [['a', 0, 10, 'succeeded']],
    ],
  ])('%s', (_name, j, executions, want) => {
    const got = attemptsOf(j, executions, [tr(5, 'failed'), tr(6, 'installing')]).map((a) => [
      a.executionId,
      (a.startMs - T) / 1000,
      a.endMs === undefined ? undefined : (a.endMs - T) / 1000,
      a.outcome,
    ])
    expect(got).toEqual(want)
  })
})

describe('indexing helpers', () => {
  const jobs: RunJob[] = [
    { id: `${DEP}:bootstrap-kit`, jobName: 'bootstrap-kit', type: 'group', status: 'running' },
    job({ status: 'running', startedAt: iso(0) }),
    {
      id: `${DEP}:install-nbg1-1:harbor`,
      jobName: 'install-nbg1-1:harbor',
      status: 'running',
      startedAt: iso(0),
    },
  ]

  it('maps component events to install jobs by appId or job name, in time order', () => {
    const m = componentTransitions(jobs, [
      { time: iso(5), phase: 'component', component: 'nbg1-1:harbor', state: 'Installed', message: 'ok' },
      { time: iso(1), phase: 'component', component: 'nbg1-1:harbor', state: 'installing' },
      { time: iso(2), phase: 'component', component: 'harbor', state: 'installing' },
      { time: iso(3), phase: 'component-log', component: 'harbor', message: 'raw line' },
      { time: iso(3), phase: 'component', component: '', state: 'pending', message: 'watch-level' },
      { time: iso(3), phase: 'component', component: 'ghost', state: 'pending' },
    ])
    expect([...m.keys()].sort()).toEqual([`${DEP}:install-harbor`, `${DEP}:install-nbg1-1:harbor`])
    expect(m.get(`${DEP}:install-nbg1-1:harbor`)!.map((t) => t.state)).toEqual(['installing', 'installed'])
  })

  it('matches executions by full or bare job id and drops unknown ones', () => {
    const m = executionsByJob({
      jobs,
      executions: [
        exec('a', 'running', 0),
        { ...exec('b', 'running', 0), jobId: 'install-nbg1-1:harbor' },
        { ...exec('c', 'running', 0), jobId: 'install-ghost' },
      ],
    })
    expect([...m.entries()].map(([k, v]) => [k, v.map((e) => e.id)])).toEqual([
      [`${DEP}:install-harbor`, ['a']],
      [`${DEP}:install-nbg1-1:harbor`, ['b']],
    ])
  })

  it('jobAttempts covers every leaf and no group', () => {
    expect([...jobAttempts({ jobs }).keys()]).toEqual([
      `${DEP}:install-harbor`,
      `${DEP}:install-nbg1-1:harbor`,
    ])
  })
})
