import type { FlowModel } from '../../graph/model.ts'

/** The graph's one-line summary for its live region: jobs, regions and the non-zero status counts. */
export function summaryOf(model: FlowModel): string {
  const c = model.counts
  const parts = (
    [
      ['succeeded', c.succeeded],
      ['running', c.running],
      ['failed', c.failed],
      ['pending', c.pending],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
  const jobs = `${model.leafCount} ${model.leafCount === 1 ? 'job' : 'jobs'}`
  const regions = model.regions.length > 1 ? ` across ${model.regions.length} regions` : ''
  return `${jobs}${regions}${parts.length ? `: ${parts.join(', ')}` : ''}`
}
