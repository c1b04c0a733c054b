import { z } from 'zod'
import { OptionalTimestamp, looseArray } from './common.ts'

export const USER_ROLES = ['admin', 'editor', 'viewer'] as const
export const UserRole = z.enum(USER_ROLES)

export const AppGrant = z.object({
  app: z.string().min(1).max(253),
  role: UserRole,
  namespaces: looseArray(z.string().min(1).max(63)),
  vClusters: looseArray(z.string().min(1).max(63)),
})
export type AppGrant = z.infer<typeof AppGrant>

export const UserAccessSpec = z.object({
  user: z.object({
    keycloakSubject: z.string().optional(),
    keycloakGroups: looseArray(z.string()),
  }),
  sovereignRef: z.string().default(''),
  applications: looseArray(AppGrant),
})
export type UserAccessSpec = z.infer<typeof UserAccessSpec>

/** Kubernetes object name (DNS-1123 subdomain). */
export const UserAccessName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be lowercase letters, digits, "-" or "."')

/**
 * A UserAccess's `sovereignRef`: the Sovereign's name as the upstream operator knows it, the FQDN's first
 * label (`acme` for `acme.omani.works`) — never the whole FQDN (upstream #1564).
 */
export function sovereignRefOf(fqdn: string): string {
  return fqdn.split('.')[0] ?? fqdn
}

export const UserAccess = z.object({
  name: z.string(),
  spec: UserAccessSpec,
  status: z
    .object({ rolebindingsCreated: z.number().int().default(0), providerConfigRef: z.string().optional() })
    .optional(),
  creationTimestamp: OptionalTimestamp,
})
export type UserAccess = z.infer<typeof UserAccess>

/** `{items: null}` is an empty list (regression 53). */
export const UserAccessList = z.object({ items: looseArray(UserAccess) })

/** POST body: full `{name, spec}` or the ergonomic `{email, tier}`. */
export const UserAccessCreate = z.union([
  z.object({ name: UserAccessName, spec: UserAccessSpec }),
  z.object({ email: z.email(), tier: z.string().min(1) }),
])
export type UserAccessCreate = z.input<typeof UserAccessCreate>

export const UserAccessUpdate = z.object({ spec: UserAccessSpec })
export type UserAccessUpdate = z.input<typeof UserAccessUpdate>
