/**
 * Who may do what (contract §1.2): the ONE rule table the mock enforces (`mock-api/context.ts`
 * `requireTier`) and the console respects (`src/entities/session/permissions.ts`). Upstream's Go handlers
 * check no roles, so the levels are ours; change them here and in contract §1.2 together.
 */

/** Session tiers, ascending. */
export const TIERS = ['viewer', 'developer', 'operator', 'admin', 'owner'] as const
export type Tier = (typeof TIERS)[number]

export function isTier(s: string | undefined): s is Tier {
  return (TIERS as readonly string[]).includes(s ?? '')
}

/** 0 for viewer … 4 for owner; an unknown tier ranks below viewer (it may do nothing). */
export function tierRank(tier: string | undefined): number {
  return (TIERS as readonly string[]).indexOf(tier ?? '')
}

/** Every write the API guards by tier, and the lowest tier allowed. */
export const ACTION_MIN = {
  'deployment.launch': 'operator',
  'deployment.delete': 'operator',
  'job.retry': 'operator',
  'infrastructure.change': 'operator',
  'handover.mint': 'operator',
  'kubeconfig.upload': 'operator',
  'watch.refresh': 'developer',
  'userAccess.write': 'admin',
  'app.publish': 'admin',
} as const satisfies Record<string, Tier>

export type Action = keyof typeof ACTION_MIN

/** Whether a session of `tier` may perform `action`. */
export function tierAllows(tier: string | undefined, action: Action): boolean {
  return tierRank(tier) >= tierRank(ACTION_MIN[action])
}

/** Nobody grants a tier above their own. */
export function canGrantTier(actor: string | undefined, granted: string): boolean {
  return isTier(granted) && tierRank(granted) <= tierRank(actor)
}

export function grantRefusalText(actor: string | undefined, granted: string): string {
  return `Your role (${actor || 'none'}) cannot grant ${granted}: nobody grants a tier above their own.`
}

/**
 * The UserAccess role of an app grant as the tier it amounts to: a grant's `admin` is an admin, `editor`
 * a developer, `viewer` a viewer.
 */
export const ROLE_TIER: Readonly<Record<string, Tier>> = {
  admin: 'admin',
  editor: 'developer',
  viewer: 'viewer',
}

/** The Sovereign owner's UserAccess record (created at handover); only an owner changes or removes it. */
export const OWNER_RECORD_PREFIX = 'useraccess-owner-'

export function isOwnerRecord(name: string): boolean {
  return name.startsWith(OWNER_RECORD_PREFIX)
}

export function ownerRecordRefusalText(actor: string | undefined): string {
  return `Your role (${actor || 'none'}) cannot change the owner's access: only the owner can.`
}
