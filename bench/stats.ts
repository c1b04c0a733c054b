/** Percentiles by nearest rank over a copy (the input is left unsorted). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

export interface Metric {
  /** Scenario group, e.g. "Flow canvas 2,000 nodes". */
  scenario: string
  /** What was measured, e.g. "pan/zoom frame time". */
  metric: string
  unit: 'ms' | 'fps' | 'kB' | 'count' | 'MB' | 'events/s'
  p50: number
  p95: number
  samples: number
  /** Same measurement for the named baseline, in the same run. */
  baseline?: { name: string; p50: number; p95: number } | undefined
  /** The target, as text (e.g. "≤ 20 ms p95"), and whether it was met. */
  target?: string | undefined
  met?: boolean | undefined
  note?: string | undefined
  /**
   * When the metric was measured (ISO). Set by the reporter: a run of some specs only keeps the other
   * scenarios' rows from the earlier run, with that run's date.
   */
  measuredAt?: string | undefined
}

export function summarise(
  scenario: string,
  metric: string,
  unit: Metric['unit'],
  values: readonly number[],
  extra: Partial<Metric> = {},
): Metric {
  return {
    scenario,
    metric,
    unit,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    samples: values.length,
    ...extra,
  }
}
