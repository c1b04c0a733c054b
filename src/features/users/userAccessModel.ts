/**
 * UserAccess records as the users pages see them: display strings, the editable draft, its validation
 * and the readable form of server refusals. Pure: no React, no fetching.
 */
import {
  USER_ROLES,
  UserAccessName,
  type AppGrant,
  type UserAccess,
  type UserAccessSpec,
} from '../../contracts/users.ts'

export type UserRole = (typeof USER_ROLES)[number]

/** `app (role)`, e.g. `bp-harbor (admin)`, `* (admin)`. */
export function formatGrant(g: Pick<AppGrant, 'app' | 'role'>): string {
  return `${g.app} (${g.role})`
}

export function formatGrants(grants: readonly Pick<AppGrant, 'app' | 'role'>[]): string {
  return grants.map(formatGrant).join(', ')
}

/** Where a grant applies beyond the app: `ns harbor · vc mgmt`, '' when app-wide. */
export function formatGrantScope(g: Pick<AppGrant, 'namespaces' | 'vClusters'>): string {
  const parts: string[] = []
  if (g.namespaces.length) parts.push(`ns ${g.namespaces.join(', ')}`)
  if (g.vClusters.length) parts.push(`vc ${g.vClusters.join(', ')}`)
  return parts.join(' · ')
}

/** Who the record is for: the Keycloak subject, else the groups. */
export function formatSubject(user: UserAccessSpec['user']): { subject: string; groups: string } {
  return { subject: user.keycloakSubject ?? '', groups: user.keycloakGroups.join(', ') }
}

// ── the editable draft ───────────────────────────────────────────────────────────────────────────────

export interface GrantDraft {
  /** Stable React key of the row (not sent). */
  key: string
  app: string
  role: UserRole | ''
  /** Free text, comma- or space-separated. */
  namespaces: string
  vClusters: string
}

export interface UserAccessDraft {
  name: string
  subject: string
  groups: string
  grants: GrantDraft[]
}

let keySeq = 0
export function newGrantDraft(partial: Partial<Omit<GrantDraft, 'key'>> = {}): GrantDraft {
  keySeq += 1
  return { key: `g${keySeq}`, app: '', role: 'viewer', namespaces: '', vClusters: '', ...partial }
}

export function emptyDraft(): UserAccessDraft {
  return { name: '', subject: '', groups: '', grants: [newGrantDraft()] }
}

export function draftFromUserAccess(ua: UserAccess): UserAccessDraft {
  return {
    name: ua.name,
    subject: ua.spec.user.keycloakSubject ?? '',
    groups: ua.spec.user.keycloakGroups.join(', '),
    grants: ua.spec.applications.map((g) =>
      newGrantDraft({
        app: g.app,
        role: g.role,
        namespaces: g.namespaces.join(', '),
        vClusters: g.vClusters.join(', '),
      }),
    ),
  }
}

/** `a, b  c` → ['a', 'b', 'c'] (commas, spaces and newlines separate; duplicates dropped). */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]
}

/** Kubernetes namespaces and vCluster names are DNS-1123 labels. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

export type FieldKey =
  | 'name'
  | 'user'
  | 'grants'
  | `grants.${number}.app`
  | `grants.${number}.role`
  | `grants.${number}.namespaces`
  | `grants.${number}.vClusters`

export type DraftErrors = Partial<Record<FieldKey, string>>

export interface ValidateOptions {
  /** Creating checks the name (and that it is free); editing keeps the stored name. */
  creating: boolean
  existingNames?: readonly string[]
}

export const NAME_RULE =
  'Use lowercase letters, digits, "-" or ".", starting and ending with a letter or digit (e.g. jane-doe).'

function labelErrors(what: string, items: readonly string[]): string | undefined {
  const bad = items.filter((s) => s.length > 63 || !DNS_LABEL.test(s))
  if (bad.length === 0) return undefined
  return `${what} must be DNS labels — lowercase letters, digits and "-", at most 63 characters: ${bad.join(', ')}`
}

/** Every problem of a draft, keyed by field, in form order (the first key is the field to focus). */
export function validateDraft(draft: UserAccessDraft, opts: ValidateOptions): DraftErrors {
  const errors: DraftErrors = {}
  if (opts.creating) {
    const name = draft.name.trim()
    if (!name) errors.name = 'Enter a name for the record.'
    else if (name.length > 253) errors.name = 'At most 253 characters.'
    else if (!UserAccessName.safeParse(name).success) errors.name = NAME_RULE
    else if (opts.existingNames?.includes(name))
      errors.name = `A record named “${name}” already exists — choose another name or edit that one.`
  }
  const groups = splitList(draft.groups)
  if (!draft.subject.trim() && groups.length === 0)
    errors.user = 'Give the user (Keycloak subject or email) or at least one group.'
  if (draft.grants.length === 0) errors.grants = 'Add at least one grant.'
  const seen = new Map<string, number>()
  draft.grants.forEach((g, i) => {
    const app = g.app.trim()
    if (!app) errors[`grants.${i}.app`] = 'Choose an app (or * for all apps).'
    if (!g.role) errors[`grants.${i}.role`] = 'Choose a role.'
    else if (!(USER_ROLES as readonly string[]).includes(g.role))
      errors[`grants.${i}.role`] = 'The role must be admin, editor or viewer.'
    if (app && g.role) {
      const k = `${app}\u0000${g.role}`
      const first = seen.get(k)
      if (first !== undefined)
        errors[`grants.${i}.app`] =
          `Duplicate grant: ${formatGrant({ app, role: g.role as UserRole })} is already grant ${first + 1}.`
      else seen.set(k, i)
    }
    const ns = labelErrors('Namespaces', splitList(g.namespaces))
    if (ns) errors[`grants.${i}.namespaces`] = ns
    const vc = labelErrors('vClusters', splitList(g.vClusters))
    if (vc) errors[`grants.${i}.vClusters`] = vc
  })
  return errors
}

/** The spec to send (only call with a draft that validated). */
export function specFromDraft(draft: UserAccessDraft, sovereignRef: string): UserAccessSpec {
  const subject = draft.subject.trim()
  return {
    user: { ...(subject ? { keycloakSubject: subject } : {}), keycloakGroups: splitList(draft.groups) },
    sovereignRef,
    applications: draft.grants.map((g) => ({
      app: g.app.trim(),
      role: g.role as UserRole,
      namespaces: splitList(g.namespaces),
      vClusters: splitList(g.vClusters),
    })),
  }
}

// ── server refusals ──────────────────────────────────────────────────────────────────────────────────

export interface RefusalLike {
  status: number
  code: string | undefined
  message: string
}

/** A server refusal (contract §2.10) in words an operator can act on. */
export function describeRefusal(e: RefusalLike, name: string): string {
  switch (e.code) {
    case 'user-access-name-conflict':
      return `A user access record named “${name}” already exists. Choose another name, or edit the existing record.`
    case 'concurrent-edit':
      return 'Someone else changed this record while you were editing it. Reload it and apply your changes again.'
    case 'user-access-not-found':
      return `The record “${name}” no longer exists — it may have been deleted meanwhile.`
    case 'invalid-user-access':
      return `The server rejected the record: ${e.message === e.code ? 'invalid fields' : e.message}`
  }
  // The API's refusal names the tier it needs (contract §1.2): say that, not a generic line.
  if (e.status === 403 && e.code === 'forbidden' && e.message !== e.code) return e.message
  if (e.status === 403) return 'You are not allowed to change user access on this Sovereign (admin needed).'
  if (e.status === 409) return `Conflict: ${e.message}`
  if (e.status === 400) return `The server rejected the record: ${e.message}`
  return e.message
}

// ── list ordering ────────────────────────────────────────────────────────────────────────────────────

export type UsersSortKey = 'name' | 'user' | 'bindings' | 'created'

/** Case-insensitive filter over name, subject, groups and grants. */
export function filterUserAccess(items: readonly UserAccess[], q: string | undefined): UserAccess[] {
  const needle = (q ?? '').trim().toLowerCase()
  if (!needle) return [...items]
  return items.filter((u) =>
    [
      u.name,
      u.spec.user.keycloakSubject ?? '',
      ...u.spec.user.keycloakGroups,
      formatGrants(u.spec.applications),
    ].some((h) => h.toLowerCase().includes(needle)),
  )
}

/** Sorted copy; empty values last ascending, first descending; ties by name. */
export function sortUserAccess(items: readonly UserAccess[], key: UsersSortKey, desc: boolean): UserAccess[] {
  const value = (u: UserAccess): string | number | undefined => {
    switch (key) {
      case 'name':
        return u.name.toLowerCase()
      case 'user': {
        const s = formatSubject(u.spec.user)
        return (s.subject || s.groups).toLowerCase() || undefined
      }
      case 'bindings':
        return u.status?.rolebindingsCreated
      case 'created': {
        const t = u.creationTimestamp ? Date.parse(u.creationTimestamp) : NaN
        return Number.isFinite(t) ? t : undefined
      }
    }
  }
  const dir = desc ? -1 : 1
  return [...items].sort((a, b) => {
    const va = value(a)
    const vb = value(b)
    if (va === undefined || vb === undefined) {
      if (va === vb) return a.name.localeCompare(b.name)
      return (va === undefined ? 1 : -1) * dir
    }
    const c = va < vb ? -1 : va > vb ? 1 : 0
    return c * dir || a.name.localeCompare(b.name)
  })
}
