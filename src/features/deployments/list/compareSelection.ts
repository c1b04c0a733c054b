/**
 * Picking two runs on the deployments list to compare (pure). The first row picked is run A (the
 * baseline), the second run B; picking a third keeps all three so the operator sees why Compare went
 * disabled instead of silently losing a pick.
 */
export function toggleSelected(selected: readonly string[], id: string): string[] {
  return selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]
}

/** Picks of rows that no longer exist (wiped, deleted) drop out. */
export function pruneSelected(selected: readonly string[], existing: ReadonlySet<string>): string[] {
  const kept = selected.filter((id) => existing.has(id))
  return kept.length === selected.length ? (selected as string[]) : kept
}

/** Why Compare is disabled, or undefined when exactly two runs are picked. */
export function compareBlockReason(selected: readonly string[]): string | undefined {
  if (selected.length === 0) return 'Select two deployments to compare'
  if (selected.length === 1) return 'Select one more deployment to compare'
  if (selected.length > 2) return `Select exactly two deployments to compare (${selected.length} selected)`
  return undefined
}
