import { z } from 'zod'
import { looseArray } from './common.ts'

export const FleetSovereign = z.object({
  id: z.string(),
  fqdn: z.string().optional(),
  region: z.string().optional(),
  health: z.string().default('unknown'),
  providerType: z.string().optional(),
  createdAt: z.string().optional(),
  /** Mock extension: status and region keys so a tile can say more than its health colour. */
  status: z.string().optional(),
  regions: z.array(z.string()).optional(),
})
export type FleetSovereign = z.infer<typeof FleetSovereign>

export const FleetSovereigns = z.object({
  sovereigns: looseArray(FleetSovereign),
  total: z.number().int().default(0),
  page: z.number().int().default(1),
  pageSize: z.number().int().default(50),
})
export type FleetSovereigns = z.infer<typeof FleetSovereigns>
