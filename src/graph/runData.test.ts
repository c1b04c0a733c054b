import { describe, expect, it } from 'vitest'
import { Job } from '../contracts/jobs.ts'
import { RUN_STATUSES, WIRE_WORDS } from '../contracts/runStatus.ts'
import { jobStatus } from './runData.ts'

const WIRE = Object.keys(WIRE_WORDS)

describe('jobStatus', () => {
  it('gives the jobs table (the parsed Job) and the graph (runData) the same word for every wire status', () => {
    for (const status of [...WIRE, 'Degraded', 'queued', '']) {
      const row = Job.parse({ id: 'd1:install-cilium', jobName: 'install-cilium', status })
      expect(row.status, status).toBe(jobStatus({ status }))
      expect(RUN_STATUSES).toContain(row.status)
      expect(row.rawStatus).toBe(status)
    }
  })
})
