import { z } from 'zod'

/** A string field the way Go's JSON decoder fills one: absent or `null` leave it `""`. */
const goString = z
  .string()
  .nullish()
  .transform((v) => v ?? '')

/** `POST /subdomains/check` body (Go `handler/subdomains.go`): decoded leniently, judged by the handler. */
export const SubdomainCheckRequest = z.object({ subdomain: goString, poolDomain: goString })

/**
 * Machine codes of an unavailable subdomain (Go `handler/subdomains.go`, PDM `allocator.go`). The console
 * never shows one: it words each itself (`subdomainReasonText` in the wizard).
 */
export const SUBDOMAIN_REASONS = [
  'invalid-format',
  'unsupported-pool',
  'reserved',
  'reserved-state',
  'active-state',
  'unknown-state',
  'exists',
  'lookup-error',
  'pdm-unavailable',
] as const
export type SubdomainReason = (typeof SUBDOMAIN_REASONS)[number]

/** Always 200 for well-formed JSON (the verdict is in the body); `reason` is a code, `detail` prose. */
export const SubdomainCheckResponse = z.object({
  available: z.boolean(),
  reason: z.string().optional(),
  detail: z.string().optional(),
  fqdn: z.string().optional(),
})
export type SubdomainCheckResponse = z.infer<typeof SubdomainCheckResponse>

export const CredentialsValidateRequest = z.object({ provider: goString, token: goString })
/**
 * `POST /credentials/validate` (Go `handler/credentials.go`): 200 `{valid, message}` with the provider's
 * verdict, 400 `{valid:false, message}` for a token shorter than 64 characters, 503 when Hetzner is out of
 * reach. `message` is the server's English; the console uses its own words.
 */
export const CredentialsValidateResponse = z.object({ valid: z.boolean(), message: z.string().default('') })
export type CredentialsValidateResponse = z.infer<typeof CredentialsValidateResponse>
export const HETZNER_TOKEN_MIN_LENGTH = 64

/** `POST /sshkey/generate` (Go `handler/sshkey.go`): the body is optional; the FQDN becomes the comment. */
export const SshKeyGenerateRequest = z.object({ fqdn: goString })
/** An ed25519 pair in OpenSSH formats; the private half exists only in this one response. */
export const SshKeyPair = z.object({
  publicKey: z.string(),
  privateKey: z.string(),
  fingerprint: z.string(),
})
export type SshKeyPair = z.infer<typeof SshKeyPair>

/** Registrar adapters the BYO path accepts (Go `handler/registrar.go` supportedRegistrars). */
export const REGISTRARS = ['cloudflare', 'namecheap', 'godaddy', 'ovh', 'dynadot'] as const
export type Registrar = (typeof REGISTRARS)[number]

/** `POST /registrar/{registrar}/validate` body; the token is a secret (forwarded, never logged). */
export const RegistrarValidateRequest = z.object({ domain: goString, token: goString })
/**
 * 200 `{valid:true, registrar, domain}`; errors (PDM's, proxied verbatim) are `{error, detail, registrar?,
 * domain?}`: 401 `invalid-token`, 403 `domain-not-in-account`, 404 `unsupported-registrar`, 422
 * `missing-domain`/`missing-token`, 429 `rate-limited`, 502 `api-unavailable`/`pdm-unreachable`.
 */
export const RegistrarValidateResponse = z.object({
  valid: z.boolean(),
  registrar: z.string().default(''),
  domain: z.string().default(''),
})
export type RegistrarValidateResponse = z.infer<typeof RegistrarValidateResponse>
