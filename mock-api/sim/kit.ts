import kitJson from '../fixtures/bootstrap-kit.json' with { type: 'json' }

/** One HelmRelease of the bootstrap kit (`mock-api/fixtures/bootstrap-kit.json`, copied from the shared fixture). */
export interface Chart {
  chart: string
  helmRelease: string
  slot: string
  dependsOn: string[]
  family: string
  namespace: string
  durationSec: [number, number]
  phase: 'bootstrap-kit' | 'cutover'
  primaryOnly: boolean
  providerOnly?: string
  /** Synthetic charts exist only for scale benchmarks. */
  synthetic?: boolean
}

export interface BootstrapKit {
  families: Record<string, string>
  countPrimary: number
  countSecondary: number
  charts: Chart[]
}

export const BOOTSTRAP_KIT: BootstrapKit = kitJson as unknown as BootstrapKit

/** Charts installed in one region, in dependency order (a dependency always precedes its dependents). */
export function chartsForRegion(opts: { primary: boolean; provider: string; extra: Chart[] }): Chart[] {
  const charts = BOOTSTRAP_KIT.charts.filter(
    (c) => (opts.primary || !c.primaryOnly) && (!c.providerOnly || c.providerOnly === opts.provider),
  )
  return topoSort([...charts, ...opts.extra])
}

/** Kahn's algorithm keeping fixture order among ready charts; dependencies outside the set are ignored. */
export function topoSort(charts: Chart[]): Chart[] {
  const names = new Set(charts.map((c) => c.chart))
  const done = new Set<string>()
  const out: Chart[] = []
  let pending = charts
  while (pending.length > 0) {
    const next: Chart[] = []
    for (const c of pending) {
      if (c.dependsOn.every((d) => done.has(d) || !names.has(d))) {
        out.push(c)
        done.add(c.chart)
      } else next.push(c)
    }
    if (next.length === pending.length)
      throw new Error(`dependency cycle among ${next.map((c) => c.chart).join(', ')}`)
    pending = next
  }
  return out
}

/** Synthetic charts for graph-scale benchmarks: each depends on one or two earlier charts of the same region. */
export function syntheticCharts(count: number, rand: () => number): Chart[] {
  const families = Object.keys(BOOTSTRAP_KIT.families)
  const pool = BOOTSTRAP_KIT.charts
    .filter((c) => !c.primaryOnly && c.phase === 'bootstrap-kit')
    .map((c) => c.chart)
  const out: Chart[] = []
  for (let i = 0; i < count; i++) {
    const name = `synthetic-${String(i + 1).padStart(4, '0')}`
    const deps = new Set<string>()
    const n = 1 + Math.floor(rand() * 2)
    for (let k = 0; k < n; k++) deps.add(pool[Math.floor(rand() * pool.length)] ?? 'cilium')
    out.push({
      chart: name,
      helmRelease: `bp-${name}`,
      slot: `s${i}`,
      dependsOn: [...deps],
      family: families[i % families.length] ?? 'catalyst',
      namespace: `synthetic-${i % 20}`,
      durationSec: [15, 90],
      phase: 'bootstrap-kit',
      primaryOnly: false,
      synthetic: true,
    })
    pool.push(name)
  }
  return out
}
