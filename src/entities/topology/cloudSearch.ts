import { z } from 'zod'

/**
 * Cloud page state in the URL: `?view=graph|list`, `?kind=` (list kind; aliases resolve), `?q=` (graph
 * search), `?selected=` (details panel), `?hide=` (node types hidden in the graph), `?sort=&dir=` (list column
 * and direction, the one sort codec of every table), `?region=` (list region filter), `?density=` (graph density, percent),
 * `?focus=` (graph focus mode: a node id).
 */
export const cloudSearch = z.object({
  view: z.enum(['graph', 'list']).optional().catch(undefined),
  kind: z.string().max(64).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  selected: z.string().max(400).optional().catch(undefined),
  hide: z.string().max(400).optional().catch(undefined),
  sort: z.string().max(64).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  region: z.string().max(64).optional().catch(undefined),
  density: z.coerce.number().int().min(0).max(100).optional().catch(undefined),
  focus: z.string().max(400).optional().catch(undefined),
})
export type CloudSearch = z.infer<typeof cloudSearch>
