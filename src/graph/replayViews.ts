/**
 * A replay snapshot (`replayAt`) laid over what the screens already draw, so each screen keeps its own code
 * path and only its input changes: the jobs list the table and the timeline read, and the flow store the
 * graph reads. Pure; the inputs are never mutated.
 */
import type { FlowNodeData, FlowState } from './flowState.ts'
import type { ReplaySnapshot } from './replayAt.ts'
import { parseTime, type RunExecution, type RunJob } from './runData.ts'

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString())

/**
 * Jobs as they were at the snapshot's instant: status, first start, finish and duration so far. Jobs the
 * replay did not know are kept as they are (they cannot be placed in time); jobs not yet seen read pending.
 */
export function jobsAsOf<J extends RunJob>(jobs: readonly J[], snap: ReplaySnapshot): J[] {
  return jobs.map((j) => {
    const r = snap.jobs.get(j.id)
    if (!r) return j
    const status = r.seen ? r.status : 'pending'
    const started = r.seen ? r.startedAtMs : undefined
    const finished = r.seen ? r.finishedAtMs : undefined
    return {
      ...j,
      status,
      // The raw wire status (health kinds) is of the present; at t only the lifecycle status is known.
      ...('rawStatus' in j ? { rawStatus: status } : {}),
      startedAt: iso(started),
      finishedAt: iso(finished),
      durationMs: r.seen ? r.durationMs : 0,
    }
  })
}

/**
 * The flow store with every node the replay knows set to its status and times at t (nodes are keyed by
 * full job id). Structure — nodes and relationships — is kept, so the layout does not re-run while
 * scrubbing; the instance status is left alone (its vocabulary is the emitter's).
 */
export function flowStateAsOf(state: FlowState, snap: ReplaySnapshot): FlowState {
  const nodes = new Map<string, FlowNodeData>()
  for (const [id, n] of state.nodes) {
    const r = snap.jobs.get(id)
    if (!r) {
      nodes.set(id, n)
      continue
    }
    const status = r.seen ? r.status : 'pending'
    nodes.set(id, {
      ...n,
      status,
      startedAt: r.seen ? r.startedAtMs : undefined,
      endedAt: r.seen ? r.finishedAtMs : undefined,
    })
  }
  return { ...state, nodes }
}

/**
 * A job's executions (newest first, as the API lists them) as they stood at `atMs`: those started by then,
 * an execution that finished later reads running with no finish yet.
 */
export function executionsAsOf<E extends RunExecution>(executions: readonly E[], atMs: number): E[] {
  const out: E[] = []
  for (const e of executions) {
    const start = parseTime(e.startedAt)
    if (start === undefined || start > atMs) continue
    const end = parseTime(e.finishedAt)
    out.push(end !== undefined && end > atMs ? { ...e, status: 'running', finishedAt: undefined } : e)
  }
  return out
}
