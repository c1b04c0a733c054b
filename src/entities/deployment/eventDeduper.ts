/**
 * The one de-duplication of the deployment event stream (`GET /deployments/{id}/logs`, SSE) and of its
 * non-streaming twin `GET /deployments/{id}/events`.
 *
 * The stream has no sequence numbers and the server replays its whole buffer (or a capped tail of it) on
 * every (re)connect (contract §2.3.2, §7 trap 11), so duplicates can only be recognised by content: within
 * one connection the k-th occurrence of an identical event is the k-th occurrence overall. An event is new
 * only when this connection has sent it more times than we have stored. That holds for a full replay, a
 * capped replay and a backfill read alike, and keeps genuinely repeated lines (two identical "Still
 * creating…" lines in the same second stay two lines).
 */
import type { DeploymentEvent } from '../../contracts/deployments.ts'

/** Everything that tells two events apart; `dependsOn` only repeats what the phase already says. */
export function eventKey(e: DeploymentEvent): string {
  return [e.time, e.phase, e.level, e.component ?? '', e.state ?? '', e.message].join('\u241f')
}

export class EventDeduper {
  /** Key → copies already accepted (over all connections). */
  private readonly stored = new Map<string, number>()
  /** Key → copies the current connection has sent so far. */
  private connection = new Map<string, number>()

  /** Call on every (re)connect and before each backfill read, before its first event. */
  newConnection(): void {
    this.connection = new Map()
  }

  /** True when the event is new (and records it). */
  accept(e: DeploymentEvent): boolean {
    const key = eventKey(e)
    const seen = (this.connection.get(key) ?? 0) + 1
    this.connection.set(key, seen)
    const have = this.stored.get(key) ?? 0
    if (seen <= have) return false
    this.stored.set(key, have + 1)
    return true
  }
}
