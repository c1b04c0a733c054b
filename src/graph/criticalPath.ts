/**
 * Critical path of a run: the longest chain of finish-to-start dependencies, weighted by how long each job
 * took after the job before it in the chain ended (running jobs count up to `nowMs`). Jobs that never started are not on it. Cycles and dangling
 * dependency ids (bad data) are ignored rather than followed, so the walk always terminates.
 *
 *   tofu-init ─▶ tofu-plan ─▶ tofu-apply ─▶ … ─▶ install-keycloak ─▶ install-grafana   ← highlighted
 *                                  └────────▶ install-cilium (short) ─┘
 */
export interface PathTask {
  id: string
  startMs: number | undefined
  endMs: number | undefined
  dependsOn: readonly string[]
}

export interface CriticalPath {
  /** Ids from the first job of the chain to the last. */
  ids: string[]
  /** Sum of the chain's durations. */
  totalMs: number
}

export function criticalPath(tasks: readonly PathTask[], nowMs: number): CriticalPath {
  const byId = new Map<string, PathTask>()
  for (const t of tasks) if (!byId.has(t.id)) byId.set(t.id, t)
  const duration = (t: PathTask) =>
    t.startMs === undefined ? undefined : Math.max(0, (t.endMs ?? nowMs) - t.startMs)

  /** Longest chain ending at each started job, and the dependency it came through. */
  const best = new Map<string, { len: number; end: number; prev: string | undefined }>()
  const state = new Map<string, 'open' | 'done'>()

  for (const root of byId.keys()) {
    if (state.has(root)) continue
    // Iterative DFS (dependency chains can be thousands long): [id, next dependency index].
    const stack: [string, number][] = [[root, 0]]
    state.set(root, 'open')
    while (stack.length) {
      const top = stack[stack.length - 1]!
      const task = byId.get(top[0])!
      const deps = task.dependsOn
      if (top[1] < deps.length) {
        const dep = deps[top[1]++]!
        if (byId.has(dep) && !state.has(dep)) {
          state.set(dep, 'open')
          stack.push([dep, 0])
        }
        continue
      }
      stack.pop()
      state.set(task.id, 'done')
      const d = duration(task)
      if (d === undefined) continue
      // The chain through a dependency counts only the part of this job that ran after the dependency
      // ended: a job that started early (its dependency was retried, or the data overlaps) must not add
      // the overlap twice — the total stays a wall-clock span, never longer than the run.
      const end = task.endMs ?? nowMs
      let prev: string | undefined
      let len = d
      let prevEnd = -Infinity
      for (const dep of deps) {
        // A dependency still 'open' here closes a cycle: ignore that edge.
        const b = state.get(dep) === 'done' ? best.get(dep) : undefined
        if (!b) continue
        const through = b.len + Math.max(0, end - Math.max(task.startMs!, b.end))
        if (
          prev === undefined
            ? through >= len
            : through > len || (through === len && (b.end > prevEnd || (b.end === prevEnd && dep < prev)))
        ) {
          prev = dep
          len = through
          prevEnd = b.end
        }
      }
      best.set(task.id, { len, end, prev })
    }
  }

  let last: string | undefined
  let lastB: { len: number; end: number } | undefined
  for (const [id, b] of best) {
    if (
      !lastB ||
      b.len > lastB.len ||
      (b.len === lastB.len && (b.end > lastB.end || (b.end === lastB.end && id < last!)))
    ) {
      last = id
      lastB = b
    }
  }
  const ids: string[] = []
  const seen = new Set<string>()
  for (let id = last; id !== undefined && !seen.has(id); id = best.get(id)?.prev) {
    seen.add(id)
    ids.push(id)
  }
  return { ids: ids.reverse(), totalMs: lastB?.len ?? 0 }
}
