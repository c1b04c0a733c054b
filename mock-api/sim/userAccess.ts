/** UserAccess records per Sovereign (contract §2.10); the owner record is created at handover. */
import { sovereignRefOf, type UserAccess } from '../../src/contracts/users.ts'
import type { z } from 'zod'
import { iso } from './derive.ts'

export type UserAccessWire = z.input<typeof UserAccess>

export function ownerRecordName(email: string): string {
  return `useraccess-owner-${email
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}`.slice(0, 253)
}

export function ownerRecord(email: string, fqdn: string, at: number): UserAccessWire {
  return {
    name: ownerRecordName(email),
    spec: {
      user: { keycloakSubject: email.toLowerCase() },
      sovereignRef: sovereignRefOf(fqdn),
      applications: [{ app: '*', role: 'admin' }],
    },
    status: { rolebindingsCreated: 1 },
    creationTimestamp: iso(at),
  }
}

/** A realistic team around the owner: an SRE group with read access and Harbor admins. */
export function seededTeam(fqdn: string, at: number): UserAccessWire[] {
  return [
    {
      name: 'sre-oncall',
      spec: {
        user: { keycloakGroups: ['sre', 'oncall'] },
        sovereignRef: sovereignRefOf(fqdn),
        applications: [
          { app: 'bp-grafana', role: 'editor' },
          { app: 'bp-loki', role: 'viewer', namespaces: ['loki'] },
        ],
      },
      status: { rolebindingsCreated: 2 },
      creationTimestamp: iso(at + 3_600_000),
    },
    {
      name: 'harbor-admins',
      spec: {
        user: { keycloakGroups: ['registry-admins'] },
        sovereignRef: sovereignRefOf(fqdn),
        applications: [{ app: 'bp-harbor', role: 'admin', namespaces: ['harbor'], vClusters: ['mgmt'] }],
      },
      status: { rolebindingsCreated: 1 },
      creationTimestamp: iso(at + 7_200_000),
    },
  ]
}

export function applyStatus(record: UserAccessWire): UserAccessWire {
  return { ...record, status: { rolebindingsCreated: record.spec.applications?.length ?? 0 } }
}

/**
 * The list body as the Go handler marshals it: a Sovereign without any UserAccess has a nil slice, which
 * encodes as `{"items": null}` (contract §7 trap 6, regression 53) — the console must render it as empty.
 */
export function userAccessListBody(list: readonly UserAccessWire[]): { items: UserAccessWire[] | null } {
  return { items: list.length > 0 ? [...list] : null }
}
