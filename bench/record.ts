import type { TestInfo } from '@playwright/test'
import type { Metric } from './stats.ts'

/** Attaches metrics to the running test; the bench reporter collects them into one table. */
export async function record(testInfo: TestInfo, ...metrics: Metric[]): Promise<void> {
  for (const m of metrics) {
    await testInfo.attach('bench-metric', { body: JSON.stringify(m), contentType: 'application/json' })
  }
}
