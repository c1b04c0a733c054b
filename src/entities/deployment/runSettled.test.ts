import { describe, expect, it } from 'vitest'
import { runSettled } from './runSettled.ts'

describe('runSettled', () => {
  it.each([
    ['phase1-watching', 'ready', 'finished'],
    ['flux-bootstrapping', 'adopted', 'finished'],
    ['tofu-applying', 'failed', 'failed'],
    ['phase1-watching', 'partial-failure', 'failed'],
    ['some-future-status', 'ready', 'finished'],
    ['provisioning', 'provisioning', null],
    ['pending', 'tofu-applying', null],
    ['ready', 'ready', null],
    ['ready', 'failed', null],
    ['wiping', 'wiped', null],
    [undefined, 'ready', null],
    ['provisioning', undefined, null],
  ] as const)('%s → %s: %s', (prev, next, want) => {
    expect(runSettled(prev, next)).toBe(want)
  })
})
