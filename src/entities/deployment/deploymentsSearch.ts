import { z } from 'zod'

export const DEPLOYMENT_SORT_KEYS = ['fqdn', 'status', 'regions', 'started', 'finished', 'owner'] as const
export const deploymentsSearch = z.object({
  sort: z.enum(DEPLOYMENT_SORT_KEYS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  status: z.string().max(64).optional().catch(undefined),
})
export type DeploymentsSearch = z.infer<typeof deploymentsSearch>
