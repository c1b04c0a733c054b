import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The test oracle for per-region install dependencies, derived from the bootstrap-kit fixture alone (the
 * repo's copy of the shared fixture) and from its own description — "one install
 * job per chart per region: install-<chart> on the primary region, install-<regionKey>:<chart> on
 * secondaries; dependsOn names charts of the same region only; primaryOnly charts are installed on the
 * primary region only". Deliberately shares no code with the mock's planner or the console, so neither
 * can agree with itself by accident.
 */
export interface KitChart {
  chart: string
  dependsOn: string[]
  primaryOnly: boolean
  providerOnly?: string
}

export interface KitRegion {
  key: string
  primary: boolean
}

export function loadKitCharts(): KitChart[] {
  const path = fileURLToPath(new URL('../mock-api/fixtures/bootstrap-kit.json', import.meta.url))
  return (JSON.parse(readFileSync(path, 'utf8')) as { charts: KitChart[] }).charts
}

export function installJobName(region: KitRegion, chart: string): string {
  return region.primary ? `install-${chart}` : `install-${region.key}:${chart}`
}

/**
 * Every install job of a run and the install jobs it depends on, region by region: job name → sorted
 * dependency job names. A dependency on a chart the region does not install is no edge.
 */
export function expectedInstallEdges(
  charts: readonly KitChart[],
  regions: readonly KitRegion[],
  provider: string,
): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const region of regions) {
    const here = charts.filter(
      (c) => (region.primary || !c.primaryOnly) && (!c.providerOnly || c.providerOnly === provider),
    )
    const names = new Set(here.map((c) => c.chart))
    for (const c of here)
      out.set(
        installJobName(region, c.chart),
        c.dependsOn
          .filter((d) => names.has(d))
          .map((d) => installJobName(region, d))
          .sort(),
      )
  }
  return out
}

/** The region an install job name belongs to (`install-<key>:<chart>` → key; `install-<chart>` → primary). */
export function regionOfInstallJob(jobName: string, regions: readonly KitRegion[]): string | undefined {
  if (!jobName.startsWith('install-')) return undefined
  const rest = jobName.slice('install-'.length)
  const colon = rest.indexOf(':')
  if (colon < 0) return regions.find((r) => r.primary)?.key
  const key = rest.slice(0, colon)
  return regions.some((r) => r.key === key && !r.primary) ? key : undefined
}
