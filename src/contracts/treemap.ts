import { z } from 'zod'
import { looseArray } from './common.ts'

export const TREEMAP_DIMENSIONS = [
  'sovereign',
  'region',
  'cluster',
  'vcluster',
  'family',
  'namespace',
  'application',
  'organization',
] as const
export const TreemapDimension = z.enum(TREEMAP_DIMENSIONS)
export type TreemapDimension = z.infer<typeof TreemapDimension>

export const TREEMAP_COLOR_BY = ['utilization', 'health', 'age'] as const
export const TreemapColorBy = z.enum(TREEMAP_COLOR_BY)
export type TreemapColorBy = z.infer<typeof TreemapColorBy>

export const TREEMAP_SIZE_BY = [
  'cpu_request',
  'memory_request',
  'cpu_usage',
  'memory_usage',
  'cpu_limit',
  'memory_limit',
  'storage_limit',
  'replica_count',
] as const
export const TreemapSizeBy = z.enum(TREEMAP_SIZE_BY)
export type TreemapSizeBy = z.infer<typeof TreemapSizeBy>

/** Capacity metrics lock colour to utilisation (contract §5). */
export const CAPACITY_SIZE_METRICS: readonly TreemapSizeBy[] = ['cpu_limit', 'memory_limit', 'storage_limit']

export interface TreemapItem {
  id: string | null
  name: string
  count: number
  percentage: number | null
  size_value?: number | undefined
  children: TreemapItem[]
}

export const TreemapItem: z.ZodType<TreemapItem, unknown> = z.lazy(() =>
  z.object({
    id: z
      .string()
      .nullish()
      .transform((v) => v ?? null),
    name: z.string().default(''),
    count: z.number().default(0),
    percentage: z
      .number()
      .nullish()
      .transform((v) => v ?? null),
    size_value: z.number().optional(),
    children: looseArray(TreemapItem),
  }),
)

/** `GET /dashboard/treemap` and `/fleet/treemap`; `items` may be null while provisioning. */
export const TreemapResponse = z.object({
  items: looseArray(TreemapItem),
  total_count: z.number().default(0),
})
export type TreemapResponse = z.infer<typeof TreemapResponse>
