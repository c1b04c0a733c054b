import { z } from 'zod'

const text = (max: number) => z.string().max(max).optional().catch(undefined)

export const COMPARE_FILTERS = ['all', 'differences', 'failed', 'retried', 'one-side', 'critical'] as const
export type CompareFilter = (typeof COMPARE_FILTERS)[number]

/** Everything about `/compare` an operator would bookmark: the two runs, the sort, the filters. */
export const compareSearch = z.object({
  a: text(64),
  b: text(64),
  sort: text(32),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  filter: z.enum(COMPARE_FILTERS).optional().catch(undefined),
  region: text(128),
  q: text(200),
})
export type CompareSearch = z.infer<typeof compareSearch>
