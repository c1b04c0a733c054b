/**
 * Writing a Day-2 claim and its audit record, out of `day2.ts` (issue 14: files under ~450 lines).
 */
import { rfc3339Nano } from '../goTime.ts'
import type { Claim, Day2Mutation } from '../timeline/index.ts'
import { mutationJobName } from '../xrc.ts'
import type { Day2Plan } from '../day2.ts'
import type { CascadeImpact } from './cascadeFor.ts'

/**
 * Writes the claim (or refuses a name already taken) and returns the audit record and the 202 / 409 body.
 * `claims` is not modified; the caller stores `nextClaims`.
 */
export function submitDay2(
  plan: Extract<Day2Plan, { ok: true }>,
  depId: string,
  now: number,
  claims: ReadonlyMap<string, Claim>,
  cascade: CascadeImpact[] | undefined,
): {
  mutation: Day2Mutation
  nextClaims: Map<string, Claim>
  status: number
  body: Record<string, unknown>
} {
  const nextClaims = new Map(claims)
  const exists = claims.has(plan.xrcName)
  const jobName = mutationJobName(plan.verb, plan.kind, plan.slug)
  const base = {
    at: now,
    jobName,
    kind: plan.kind,
    action: plan.action,
    diff: plan.diff,
    xrcKind: plan.xrcKind,
    xrcName: plan.xrcName,
  }
  const accepted = (status: string, note: string) => ({
    mutation: { ...base, ok: true, note },
    nextClaims,
    status: 202,
    body: {
      jobId: `${depId}:${jobName}`,
      xrcKind: plan.xrcKind,
      xrcName: plan.xrcName,
      status,
      submittedAt: rfc3339Nano(now),
      ...(cascade && cascade.length ? { cascade } : {}),
    },
  })
  if (plan.remove) {
    nextClaims.delete(plan.xrcName)
    return accepted(
      exists ? 'submitted-pending-composition' : 'already-absent',
      `deletionPolicy=Delete; cascade rows: ${cascade?.length ?? 0}`,
    )
  }
  if (exists && !plan.patch) {
    return {
      mutation: { ...base, ok: false, note: `xrc name conflict: ${plan.xrcName}` },
      nextClaims,
      status: 409,
      body: { error: 'xrc-name-conflict', detail: `an XRC with name ${plan.xrcName} already exists` },
    }
  }
  const prev = claims.get(plan.xrcName)
  nextClaims.set(plan.xrcName, {
    xrcKind: plan.xrcKind,
    spec: { ...(prev?.spec ?? {}), ...plan.spec },
    at: now,
  })
  return accepted(
    'submitted-pending-composition',
    exists ? 'existing claim updated in place' : 'awaiting Crossplane Composition reconciliation',
  )
}
