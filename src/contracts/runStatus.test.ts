import { describe, expect, it } from 'vitest'
import { Job } from './jobs.ts'
import { RUN_STATUSES, WIRE_WORDS, normaliseRunStatus, rollupStatus, statusFromCounts } from './runStatus.ts'

const WIRE = Object.keys(WIRE_WORDS)

describe('the one run status vocabulary', () => {
  it('maps every wire word onto the four run statuses, any case, unknown to pending', () => {
    expect(WIRE.map(normaliseRunStatus)).toEqual([
      'pending',
      'running',
      'succeeded',
      'failed',
      'succeeded',
      'succeeded',
      'succeeded',
      'failed',
      'failed',
      'running',
    ])
    expect(normaliseRunStatus('Installing')).toBe('running')
    expect(normaliseRunStatus('constructor')).toBe('pending')
    expect(normaliseRunStatus('queued')).toBe('pending')
    expect(normaliseRunStatus(undefined)).toBe('pending')
  })

  it('is what a parsed job carries, next to the raw wire word', () => {
    // The word that once disagreed: pending in the jobs table, running in the graph.
    const job = Job.parse({ id: 'd1:install-cilium', jobName: 'install-cilium', status: 'installing' })
    expect(job.status).toBe('running')
    expect(job.rawStatus).toBe('installing')
    expect(RUN_STATUSES).toContain(Job.parse({ id: 'd1:x', jobName: 'x', status: 'Degraded' }).status)
  })

  it('rolls up with one precedence from statuses and from counts', () => {
    expect(rollupStatus(['succeeded', 'pending', 'running'])).toBe('running')
    expect(rollupStatus(['succeeded', 'failed', 'running'])).toBe('failed')
    expect(rollupStatus([])).toBeUndefined()
    expect(statusFromCounts({ pending: 1, running: 0, succeeded: 3, failed: 0 })).toBe('pending')
    expect(statusFromCounts({ pending: 0, running: 0, succeeded: 0, failed: 0 })).toBeUndefined()
  })
})
