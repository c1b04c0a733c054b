/**
 * The global log: the deployment's event stream (`GET /deployments/{id}/logs`, SSE) as log lines, each
 * prefixed with the job it belongs to. Duplicates never get here: `DeploymentEventStream`
 * (`entities/deployment`) delivers only new events.
 */
import type { DeploymentEvent } from '../../../contracts/deployments.ts'
import type { LogLevel } from '../../../contracts/jobs.ts'
import type { IncomingLine } from './logBuffer.ts'

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
