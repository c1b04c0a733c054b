import { z } from 'zod'
import { looseArray } from './common.ts'

export const PinIssueRequest = z.object({ email: z.email() })
export type PinIssueRequest = z.infer<typeof PinIssueRequest>

export const PinIssueResponse = z.object({
  ok: z.boolean().default(true),
  sent: z.boolean().optional(),
  requestId: z.string(),
  expiresInSec: z.number().default(600),
})
export type PinIssueResponse = z.infer<typeof PinIssueResponse>

/** 429 body; the `Retry-After` header carries the same seconds. */
export const PinRateLimited = z.object({ error: z.literal('pin-rate-limited'), retryAfterSec: z.number() })

export const PinVerifyRequest = z.object({
  email: z.email(),
  pin: z.string().regex(/^\d{6}$/, 'pin must be 6 digits'),
  requestId: z.string().min(1),
})
export type PinVerifyRequest = z.infer<typeof PinVerifyRequest>

export const PinVerifyResponse = z.object({ ok: z.boolean(), kcBrokerURL: z.string().optional() })

/** 401 body of a wrong PIN. */
export const PinInvalid = z.object({ error: z.literal('pin-invalid'), attemptsRemaining: z.number().int() })

export const Whoami = z.object({
  email: z.string(),
  sub: z.string().default(''),
  verified: z.boolean().default(false),
  deploymentId: z.string().optional(),
  sovereignFQDN: z.string().optional(),
  mode: z.string().optional(),
  tier: z.string().optional(),
  org: z.string().optional(),
  realm_access: z.object({ roles: looseArray(z.string()) }).optional(),
})
export type Whoami = z.infer<typeof Whoami>

/** `GET /sovereign/self`: 404 `not-a-sovereign` on the mothership, 503 while the id is not stamped. */
export const SovereignSelf = z.object({ deploymentId: z.string(), sovereignFQDN: z.string() })
export type SovereignSelf = z.infer<typeof SovereignSelf>

/** Logout: newer builds answer JSON with a Keycloak logout URL, older ones 204. */
export const LogoutResponse = z
  .object({ ok: z.boolean().optional(), logoutURL: z.string().optional() })
  .nullish()
  .transform((v) => v ?? {})
