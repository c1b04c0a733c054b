import { z } from 'zod'

export const appsSearch = z.object({
  q: z.string().max(200).optional().catch(undefined),
  family: z.string().max(64).optional().catch(undefined),
  status: z.string().max(64).optional().catch(undefined),
})
export type AppsSearch = z.infer<typeof appsSearch>
