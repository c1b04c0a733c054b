/**
 * The UserAccess store's writes, out of `simulator.ts` (issue 14: files under ~450 lines): the bodies of
 * `Simulator.saveUserAccess` and `deleteUserAccess` over the simulator's `userAccess` map.
 */
import { applyStatus, type UserAccessWire } from '../userAccess.ts'
import type { Outcome, Simulator } from '../simulator.ts'

export function saveUserAccessRecord(
  sim: Simulator,
  depId: string,
  record: UserAccessWire,
  mode: 'create' | 'update',
): Outcome<UserAccessWire> {
  const list = sim.userAccess.get(depId) ?? []
  const i = list.findIndex((u) => u.name === record.name)
  if (mode === 'create' && i >= 0)
    return { ok: false, status: 409, json: { error: 'user-access-name-conflict' } }
  if (mode === 'update' && i < 0) return { ok: false, status: 404, json: { error: 'user-access-not-found' } }
  const saved = applyStatus({
    ...record,
    creationTimestamp: i >= 0 ? list[i]!.creationTimestamp : new Date(sim.now()).toISOString(),
  })
  if (i >= 0) list[i] = saved
  else list.push(saved)
  sim.userAccess.set(depId, list)
  return { ok: true, value: saved }
}

export function deleteUserAccessRecord(sim: Simulator, depId: string, name: string): boolean {
  const list = sim.userAccess.get(depId) ?? []
  const i = list.findIndex((u) => u.name === name)
  if (i < 0) return false
  list.splice(i, 1)
  return true
}
