import type { PlanContext } from './planContext.ts'
import type { StatusChange } from './types.ts'

/**
 * Operator overlays: adoption and wipe add status changes (and wipe events) on top of the planned life.
 * Anything recorded after a wipe request (jobs still "running" in the plan) is cut off by it: returns the
 * visible status changes and that cut-off instant.
 */
export function applyOverlays(
  ctx: PlanContext,
  statusChanges: StatusChange[],
): { statusChanges: StatusChange[]; cutoff: number } {
  const { mutations, event, fqdn } = ctx
  const changes = [...statusChanges]
  if (mutations.adoptedAt !== undefined) changes.push({ at: mutations.adoptedAt, status: 'adopted' })
  if (mutations.wipe) {
    const { requestedAt, wipedAt } = mutations.wipe
    changes.push({ at: requestedAt, status: 'wiping' }, { at: wipedAt, status: 'wiped' })
    event({ at: requestedAt, phase: 'wipe', level: 'info', message: 'Wipe requested: running tofu destroy' })
    event({
      at: requestedAt + 1,
      phase: 'wipe',
      level: 'info',
      message: 'Purging Hetzner resources labelled for this deployment',
    })
    event({
      at: wipedAt,
      phase: 'wipe',
      level: 'info',
      message: `Wiped ${fqdn}: infrastructure destroyed, subdomain released`,
    })
  }
  changes.sort((a, b) => a.at - b.at)
  // Anything recorded after a wipe (jobs still "running" in the plan) is cut off by it.
  const cutoff = mutations.wipe?.requestedAt ?? Infinity
  const visibleChanges = changes.filter(
    (c) => c.at <= cutoff || c.status === 'wiping' || c.status === 'wiped',
  )
  return { statusChanges: visibleChanges, cutoff }
}
