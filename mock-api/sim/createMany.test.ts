import { describe, expect, it } from 'vitest'
import { DeploymentList } from '../../src/contracts/deployments.ts'
import { Simulator } from './simulator.ts'

const HOUR = 3600_000

describe('Simulator.createMany (control API `count`)', () => {
  it('creates that many distinct deployments, ages spread as asked, listed like any other', () => {
    const sim = new Simulator({ clockDefaults: { speed: 1, paused: true } })
    const before = sim.summaries().length
    const made = sim.createMany(
      { scenario: 'healthy', regions: ['fsn1'], ageMs: HOUR, ageSpreadMs: 48 * HOUR },
      250,
    )
    expect(made).toHaveLength(250)
    expect(new Set(made.map((r) => r.spec.id)).size).toBe(250)
    expect(new Set(made.map((r) => r.spec.request.sovereignFQDN)).size).toBe(250)
    const ages = made.map((r) => sim.now() - r.spec.createdAt)
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(HOUR)
    expect(Math.max(...ages)).toBeLessThanOrEqual(49 * HOUR)
    // Spread, not all the same instant (the list's sort needs variety).
    expect(new Set(ages).size).toBeGreaterThan(200)
    // Timelines are precomputed at creation.
    expect(made.every((r) => r.timeline?.version === r.version)).toBe(true)
    const rows = DeploymentList.parse({ deployments: sim.summaries() })
    expect(rows).toHaveLength(before + 250)
    // An hour or more old: every healthy run has finished.
    expect(rows.filter((r) => made.some((m) => m.spec.id === r.id)).every((r) => r.status === 'ready')).toBe(
      true,
    )
  })

  it('numbers a given FQDN so every deployment stays unique', () => {
    const sim = new Simulator({ clockDefaults: { speed: 1, paused: true } })
    const made = sim.createMany(
      { scenario: 'healthy', regions: ['fsn1'], sovereignFQDN: 'bulk.omani.works' },
      3,
    )
    expect(made.map((r) => r.spec.request.sovereignFQDN)).toEqual([
      '1-bulk.omani.works',
      '2-bulk.omani.works',
      '3-bulk.omani.works',
    ])
    expect(made.map((r) => sim.status(r))).toEqual(['provisioning', 'provisioning', 'provisioning'])
  })
})
