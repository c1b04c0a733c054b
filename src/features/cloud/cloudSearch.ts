import { z } from 'zod'

export const cloudSearch = z.object({
  view: z.enum(['graph', 'list']).optional().catch(undefined),
  kind: z.string().max(64).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  selected: z.string().max(400).optional().catch(undefined),
})
export type CloudSearch = z.infer<typeof cloudSearch>
