/**
 * Executions and their log lines at `t` (planned lines, synthetic floods, log pages), out of `derive.ts`
 * (issue 14: files under ~450 lines).
 */
import { executionId, type Mutations, type PlannedJob, type Timeline } from '../timeline/index.ts'
import { frozen, iso, type ExecutionWire, type LogLineWire, type LogPageWire } from '../derive.ts'

export function floodLineCount(job: PlannedJob, t: number): number {
  const f = job.flood
  const a = job.attempts[0]
  if (!f || !a) return 0
  if (f.ratePerSec <= 0) return f.lines
  return Math.max(0, Math.min(f.lines, Math.floor(((t - a.start) * f.ratePerSec) / 1000)))
}

/** Lines of one attempt visible at `t` (all of them once it ended). */
export function attemptLines(job: PlannedJob, attempt: number, t: number, mut: Mutations): LogLineWire[] {
  const a = job.attempts[attempt]
  if (!a || a.start > t) return []
  const f = frozen(mut, t)
  const until = Math.min(f.at, a.end)
  if (job.flood) return floodLines(job, 1, floodLineCount(job, until))
  const lines: LogLineWire[] = []
  for (const l of job.lines(attempt)) {
    const at = a.start + l.offsetMs
    if (at > until) break
    lines.push({ lineNumber: lines.length + 1, timestamp: iso(at), level: l.level, message: l.text })
  }
  return lines
}

const FLOOD_WORDS = ['reconcile', 'apply', 'sync', 'watch', 'probe', 'render', 'emit', 'flush']

/** Synthetic log lines by formula, so a million-line log costs no memory until a page is read. */
export function floodLines(job: PlannedJob, from: number, to: number): LogLineWire[] {
  const f = job.flood!
  const start = job.attempts[0]?.start ?? 0
  const out: LogLineWire[] = []
  for (let n = from; n <= to; n++) {
    const level = n % 97 === 0 ? 'ERROR' : n % 13 === 0 ? 'WARN' : n % 5 === 0 ? 'DEBUG' : 'INFO'
    const word = FLOOD_WORDS[n % FLOOD_WORDS.length]
    const head = n % 10 === 0 ? `\x1b[36m[worker-${n % 8}]\x1b[0m` : `[worker-${n % 8}]`
    let msg = `${head} ${word} step ${n}: processed batch ${Math.floor(n / 100)} item ${n % 100}`
    if (f.messages) msg = f.messages[(n - 1) % f.messages.length]!
    else if (msg.length < f.lineBytes) msg += ' ' + 'x'.repeat(f.lineBytes - msg.length - 1)
    out.push({
      lineNumber: n,
      timestamp: iso(start + (f.ratePerSec > 0 ? Math.floor((n * 1000) / f.ratePerSec) : 0)),
      level,
      message: msg,
    })
  }
  return out
}

export function executionsOf(tl: Timeline, job: PlannedJob, t: number, mut: Mutations): ExecutionWire[] {
  const depId = tl.spec.id
  const f = frozen(mut, t)
  const out: ExecutionWire[] = []
  job.attempts.forEach((a, i) => {
    if (a.start > f.at) return
    const cutOff = f.cutoff !== undefined && t >= f.cutoff && a.end > f.cutoff
    const done = cutOff || a.end <= f.at
    const status = cutOff ? 'failed' : done ? (a.ok ? 'succeeded' : 'failed') : 'running'
    const lineCount = job.flood
      ? floodLineCount(job, Math.min(f.at, a.end))
      : attemptLines(job, i, t, mut).length
    out.push({
      id: executionId(depId, job.jobName, i),
      jobId: `${depId}:${job.jobName}`,
      deploymentId: depId,
      status,
      startedAt: iso(a.start),
      ...(done ? { finishedAt: iso(cutOff ? f.cutoff! : a.end) } : {}),
      lineCount,
    })
  })
  return out.reverse()
}

/** A log page (`fromLine` 1-based, `limit` ≤ 5000). */
export function logPage(
  job: PlannedJob,
  attempt: number,
  t: number,
  mut: Mutations,
  fromLine: number,
  limit: number,
): LogPageWire {
  const a = job.attempts[attempt]
  const f = frozen(mut, t)
  const finished = !!a && (a.end <= f.at || (f.cutoff !== undefined && t >= f.cutoff))
  if (job.flood) {
    const total = a ? floodLineCount(job, Math.min(f.at, a.end)) : 0
    const to = Math.min(total, fromLine + limit - 1)
    return { lines: fromLine <= to ? floodLines(job, fromLine, to) : [], total, executionFinished: finished }
  }
  const all = attemptLines(job, attempt, t, mut)
  return {
    lines: all.slice(fromLine - 1, fromLine - 1 + limit),
    total: all.length,
    executionFinished: finished,
  }
}
