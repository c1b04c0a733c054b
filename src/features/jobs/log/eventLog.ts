/**
 * The global log: the deployment's event stream (`GET /deployments/{id}/logs`, SSE) as log lines, each
 * prefixed with the job it belongs to.
 *
 * The stream has no sequence numbers and replays its whole buffer on every (re)connect, so duplicates
 * are recognised by content: within one connection the k-th occurrence of an identical event is the k-th
 * occurrence overall. An event is new only when this connection has sent it more times than we have
 * stored. That holds for any replay (full or capped) and keeps genuinely repeated lines.
 */
import type { DeploymentEvent } from '../../../contracts/deployments.ts'
import type { LogLevel } from '../../../contracts/jobs.ts'
import type { IncomingLine } from './logBuffer.ts'

export class EventDeduper {
  private readonly stored = new Map<string, number>()
  private connection = new Map<string, number>()

  /** Call on every (re)connect, before its first event. */
  newConnection(): void {
    this.connection = new Map()
  }

  /** True when the event is new (and records it). */
  accept(e: DeploymentEvent): boolean {
    const key = `${e.time}\u0000${e.phase}\u0000${e.component ?? ''}\u0000${e.state ?? ''}\u0000${e.level}\u0000${e.message}`
    const seen = (this.connection.get(key) ?? 0) + 1
    this.connection.set(key, seen)
    const have = this.stored.get(key) ?? 0
    if (seen <= have) return false
    this.stored.set(key, have + 1)
    return true
  }
}

const PHASE_JOBS: Record<string, string> = {
  'tofu-init': 'tofu-init',
  'tofu-plan': 'tofu-plan',
  'tofu-apply': 'tofu-apply',
  'tofu-output': 'tofu-output',
  'flux-bootstrap': 'cluster-bootstrap',
}

/** The job an event belongs to: its component's install job, the lifecycle job of its phase, or the phase. */
export function eventJob(e: Pick<DeploymentEvent, 'phase' | 'component'>): string {
  if (e.component) return `install-${e.component}`
  return PHASE_JOBS[e.phase] ?? (e.phase || 'deployment')
}

function eventLevel(level: string): LogLevel {
  const l = level.toLowerCase()
  if (l === 'error') return 'ERROR'
  if (l === 'warn' || l === 'warning') return 'WARN'
  if (l === 'debug') return 'DEBUG'
  return 'INFO'
}

/** An event as the `n`-th line of the global log: `[job] message`. */
export function eventLine(e: DeploymentEvent, n: number): IncomingLine {
  const state = e.state ? `${e.state}: ` : ''
  return {
    lineNumber: n,
    timestamp: e.time,
    level: eventLevel(e.level),
    message: `[${eventJob(e)}] ${state}${e.message}`,
  }
}
