import { z } from 'zod'

export const SubdomainCheckRequest = z.object({
  subdomain: z.string().min(1).max(63),
  poolDomain: z.string().min(1),
})
export const SubdomainCheckResponse = z.object({
  available: z.boolean(),
  fqdn: z.string().optional(),
  reason: z.string().optional(),
})
export type SubdomainCheckResponse = z.infer<typeof SubdomainCheckResponse>

export const CredentialsValidateRequest = z.object({
  provider: z.string().default('hetzner'),
  token: z.string().min(1),
})
export const CredentialsValidateResponse = z.object({
  valid: z.boolean(),
  reason: z.string().optional(),
  projectName: z.string().optional(),
})
export type CredentialsValidateResponse = z.infer<typeof CredentialsValidateResponse>
