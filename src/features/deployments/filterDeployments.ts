/**
 * Filtering the deployments list (pure): free text over FQDN, id, owner, regions and status, plus an
 * exact status filter. Case-insensitive; surrounding whitespace ignored.
 */
import type { DeploymentSummary } from '../../contracts/deployments.ts'
import { regionsOf } from './sortDeployments.ts'

export interface DeploymentFilter {
  q?: string | undefined
  status?: string | undefined
}

export function filterDeployments(
  rows: readonly DeploymentSummary[],
  filter: DeploymentFilter,
  /** The status words the operator sees (e.g. `Installing` for `phase1-watching`), also searchable. */
  labelOf: (status: string) => string = (s) => s,
): readonly DeploymentSummary[] {
  const q = filter.q?.trim().toLowerCase() ?? ''
  const status = filter.status?.trim() ?? ''
  if (!q && !status) return rows
  return rows.filter((row) => {
    if (status && row.status !== status) return false
    if (!q) return true
    const hay = [
      row.sovereignFQDN ?? '',
      row.id,
      row.ownerEmail ?? '',
      row.status,
      labelOf(row.status),
      ...regionsOf(row),
    ]
    return hay.some((h) => h.toLowerCase().includes(q))
  })
}

/** The statuses offered by the status filter: those present, in a stable order. */
export function statusOptions(rows: readonly DeploymentSummary[], current?: string): string[] {
  const set = new Set(rows.map((r) => r.status))
  if (current) set.add(current)
  return [...set].sort()
}
