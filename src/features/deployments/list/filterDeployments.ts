/**
 * Filtering the deployments list (pure): free text over FQDN, id, owner, regions and status, plus an
 * exact status filter. Case-insensitive; surrounding whitespace ignored.
 */
import type { DeploymentSummary } from '../../../contracts/deployments.ts'
import { regionsOf } from './sortDeployments.ts'

export interface DeploymentFilter {
  q?: string | undefined
  status?: string | undefined
}

const asIs = (status: string) => status

export function filterDeployments(
  rows: readonly DeploymentSummary[],
  filter: DeploymentFilter,
  /** The status words the operator sees (e.g. `Installing` for `phase1-watching`), also searchable. */
  labelOf: (status: string) => string = asIs,
): readonly DeploymentSummary[] {
  const q = filter.q?.trim().toLowerCase() ?? ''
  const status = filter.status?.trim() ?? ''
  if (!q && !status) return rows
  return rows.filter((row) => {
    if (status && row.status !== status) return false
    return !q || fieldsOf(row, labelOf).some((f) => f.includes(q))
  })
}

// Each row's searchable fields, lower-cased once: a keystroke over 10,000 rows then lower-cases nothing.
// Rows are immutable objects from the query cache, so a WeakMap per labeller is a safe memo (a refetch
// brings new objects and fresh entries).
const memos = new WeakMap<(status: string) => string, WeakMap<DeploymentSummary, readonly string[]>>()

function fieldsOf(row: DeploymentSummary, labelOf: (status: string) => string): readonly string[] {
  let memo = memos.get(labelOf)
  if (!memo) memos.set(labelOf, (memo = new WeakMap()))
  let fields = memo.get(row)
  if (fields === undefined) {
    fields = [
      row.sovereignFQDN ?? '',
      row.id,
      row.ownerEmail ?? '',
      row.status,
      labelOf(row.status),
      ...regionsOf(row),
    ].map((f) => f.toLowerCase())
    memo.set(row, fields)
  }
  return fields
}

/** The statuses offered by the status filter: those present, in a stable order. */
export function statusOptions(rows: readonly DeploymentSummary[], current?: string): string[] {
  const set = new Set(rows.map((r) => r.status))
  if (current) set.add(current)
  return [...set].sort()
}
