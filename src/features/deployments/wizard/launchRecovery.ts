/**
 * Exactly-once launch (issue 15 item 4), the pure part. A launch whose answer never arrived has an unknown
 * outcome: the deployment may exist. Retrying blindly meets its own reservation (409 "subdomain taken"),
 * and following that advice would start a second cluster. So after an unknown outcome or a 409 the wizard
 * first looks for its own deployment — same owner, same FQDN, started after the attempt began — and only
 * when there is none offers a retry (with the same Idempotency-Key, so the retry cannot create a second).
 */
import type { DeploymentSummary } from '../../../contracts/deployments.ts'
import { isApiError } from '../../../lib/http.ts'

/** One launch attempt: the key sent with every try of it, and when it began (server time, ms). */
export interface LaunchAttempt {
  key: string
  startedAt: number
}

/**
 * `unknown`: no answer (network, a cut connection, an unreadable body, a 5xx) — the deployment may exist.
 * `taken`: 409 subdomain-conflict — possibly by this very attempt. `key-reused`: the server remembers this
 * key for another request. `refused`: a definite no (validation, permissions): nothing was created.
 */
export type LaunchFailure = 'unknown' | 'taken' | 'key-reused' | 'refused'

export function classifyLaunchFailure(e: unknown): LaunchFailure {
  if (!isApiError(e)) return 'unknown'
  if (e.kind !== 'http') return 'unknown'
  if (e.status === 409 && e.code === 'subdomain-conflict') return 'taken'
  if (e.status === 422 && e.code === 'idempotency-key-reused') return 'key-reused'
  return e.status >= 500 ? 'unknown' : 'refused'
}

/** Whether the outcome needs a look at the deployments before anything else is offered. */
export function needsLookup(failure: LaunchFailure): boolean {
  return failure !== 'refused'
}

/**
 * Slack on "started after the attempt began": the record's `startedAt` has whole seconds and the server
 * clock is known from `Date` headers to a second, so allow a few seconds either way.
 */
export const START_SLACK_MS = 5_000

/** The deployment this attempt created, if the list holds one: newest first when several match. */
export function findOwnLaunch(
  rows: readonly DeploymentSummary[],
  who: { email: string; fqdn: string },
  attempt: LaunchAttempt,
): DeploymentSummary | undefined {
  const email = who.email.toLowerCase()
  const fqdn = who.fqdn.toLowerCase()
  const started = (r: DeploymentSummary) => (r.startedAt ? Date.parse(r.startedAt) : Number.NaN)
  return rows
    .filter(
      (r) =>
        r.ownerEmail?.toLowerCase() === email &&
        r.sovereignFQDN?.toLowerCase() === fqdn &&
        started(r) >= attempt.startedAt - START_SLACK_MS,
    )
    .sort((a, b) => started(b) - started(a))[0]
}

/** A fresh attempt: a new key (a UUID) and its start in server time. */
export function newLaunchAttempt(now: number, uuid: () => string = () => crypto.randomUUID()): LaunchAttempt {
  return { key: uuid(), startedAt: now }
}
