import { describe, expect, it } from 'vitest'
import { jobProgress } from './jobProgress.ts'

const leaf = (status: string, startedAt?: string) => ({ type: 'install', status: status as never, startedAt })
const group = (status: string) => ({ type: 'group', status: status as never, startedAt: undefined })

describe('jobProgress', () => {
  it.each([
    { name: 'no jobs', jobs: [], rollup: 'pending', finished: 0, total: 0, percent: 0 },
    {
      name: 'all pending, none started',
      jobs: [leaf('pending'), leaf('pending')],
      rollup: 'pending',
      finished: 0,
      total: 2,
      percent: 0,
    },
    {
      name: 'some succeeded, rest pending',
      jobs: [leaf('succeeded', '2026-05-14T10:00:00Z'), leaf('pending')],
      rollup: 'running',
      finished: 1,
      total: 2,
      percent: 50,
    },
    {
      name: 'one running',
      jobs: [leaf('running', '2026-05-14T10:00:00Z'), leaf('pending')],
      rollup: 'running',
      finished: 0,
      total: 2,
      percent: 0,
    },
    {
      name: 'a failure while others still run',
      jobs: [leaf('failed', '2026-05-14T10:00:00Z'), leaf('running', '2026-05-14T10:01:00Z')],
      rollup: 'running',
      finished: 1,
      total: 2,
      percent: 50,
    },
    {
      name: 'a failure once everything settled',
      jobs: [leaf('failed', 'x'), leaf('succeeded', 'x'), leaf('succeeded', 'x')],
      rollup: 'failed',
      finished: 3,
      total: 3,
      percent: 100,
    },
    {
      name: 'all succeeded',
      jobs: [leaf('succeeded'), leaf('succeeded')],
      rollup: 'succeeded',
      finished: 2,
      total: 2,
      percent: 100,
    },
    {
      name: 'groups are not counted',
      jobs: [group('running'), group('failed'), leaf('succeeded'), leaf('succeeded')],
      rollup: 'succeeded',
      finished: 2,
      total: 2,
      percent: 100,
    },
    {
      name: '2 of 3 rounds down',
      jobs: [leaf('succeeded'), leaf('succeeded'), leaf('running')],
      rollup: 'running',
      finished: 2,
      total: 3,
      percent: 66,
    },
  ])('$name', ({ jobs, rollup, finished, total, percent }) => {
    const p = jobProgress(jobs)
    expect([p.rollup, p.finished, p.total, p.percent]).toEqual([rollup, finished, total, percent])
  })

  it('finds the earliest start among leaves, ignoring unparsable times', () => {
    const p = jobProgress([
      leaf('succeeded', '2026-05-14T10:05:00Z'),
      leaf('succeeded', '2026-05-14T10:01:00Z'),
      leaf('running', 'not a time'),
      leaf('pending'),
    ])
    expect(p.startedAt).toBe(Date.parse('2026-05-14T10:01:00Z'))
    expect([p.succeeded, p.running, p.pending, p.failed]).toEqual([2, 1, 1, 0])
  })

  it('tolerates undefined', () => {
    expect(jobProgress(undefined).total).toBe(0)
  })
})
