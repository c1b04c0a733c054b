import { describe, expect, it } from 'vitest'
import { logsAfterDone } from './logSource.ts'

describe('logsAfterDone', () => {
  it.each<[string, string | undefined, boolean]>([
    // Ready before the handover: DNS, ClusterMesh, cutover and handover-ready still follow `done`.
    ['ready', undefined, true],
    ['ready', '2026-05-14T09:40:00Z', false],
    ['failed', undefined, false],
    ['adopted', undefined, false],
    ['wiped', undefined, false],
  ])('%s, handover fired %j → %j', (status, handoverFiredAt, expected) => {
    expect(logsAfterDone({ status, handoverFiredAt } as Parameters<typeof logsAfterDone>[0])).toBe(expected)
  })
})
