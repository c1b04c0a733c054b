/**
 * Deployments this page wiped. A wipe deletes the record too, but the server keeps a `wiped` tombstone for
 * about a minute before reaping it (contract §2.3.1); the list hides those rows at once instead of showing
 * a row the operator just removed. In memory only: after a reload the server's answer is shown as is.
 */
const wiped = new Set<string>()

export function markWiped(id: string): void {
  wiped.add(id)
}

export function hiddenAfterWipe(row: { id: string; status: string }): boolean {
  return wiped.has(row.id) && (row.status === 'wiped' || row.status === 'wiping')
}
