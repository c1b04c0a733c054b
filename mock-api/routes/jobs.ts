import { LOG_PAGE_DEFAULT, LOG_PAGE_MAX, splitJobId } from '../../src/contracts/jobs.ts'
import { batchesAt, jobsAt } from '../sim/derive/jobsAt.ts'
import { logPage } from '../sim/derive/logLines.ts'
import type { Ctx } from '../context.ts'
import type { DeploymentRecord } from '../sim/simulator.ts'
import type { ApiRouter } from './types.ts'

const STATUSES = ['pending', 'running', 'succeeded', 'failed']

function jobDetail(ctx: Ctx, rec: DeploymentRecord, jobName: string): void {
  const detail = ctx.sim.jobDetail(rec, jobName)
  if (!detail) return ctx.json(404, { error: 'job-not-found' })
  ctx.json(200, detail)
}

/**
 * An integer query parameter read like Go's `strconv.Atoi(strings.TrimSpace(q.Get(name)))` with the error
 * ignored: anything that is not a (signed, 64-bit) decimal integer reads as 0.
 */
export function atoi(raw: string | null): number {
  const s = (raw ?? '').trim()
  if (!/^[+-]?\d+$/.test(s)) return 0
  const n = BigInt(s)
  if (n > 2n ** 63n - 1n || n < -(2n ** 63n)) return 0
  // Beyond 2^53 only the sign and "huge" matter to the paging rules.
  return n > BigInt(Number.MAX_SAFE_INTEGER)
    ? Number.MAX_SAFE_INTEGER
    : n < -BigInt(Number.MAX_SAFE_INTEGER)
      ? -Number.MAX_SAFE_INTEGER
      : Number(n)
}

/** The log store's paging rules (Go `jobs/store.go` PageLogs): never an error, always clamped. */
export function clampPaging(fromLine: number, limit: number): { fromLine: number; limit: number } {
  return {
    fromLine: fromLine <= 0 ? 1 : fromLine,
    limit: limit <= 0 ? LOG_PAGE_DEFAULT : Math.min(limit, LOG_PAGE_MAX),
  }
}

/**
 * `{jobId}` of `GET /deployments/{id}/jobs/{jobId}`: the full `<depId>:<jobName>` id or the bare name (Go
 * `jobs/store.go` GetJob matches either). Only a leading `<id>:` of THIS deployment is a prefix —
 * `install-nbg1-1:cilium` is itself a bare name.
 */
export function jobNameFromParam(depId: string, raw: string): string {
  return raw.startsWith(`${depId}:`) ? raw.slice(depId.length + 1) : raw
}

export function jobRoutes(r: ApiRouter): void {
  r.add('GET', 'deployments/:id/jobs', (ctx) => {
    if (!ctx.requireSession()) return
    const status = ctx.query.get('status')
    if (status && !STATUSES.includes(status))
      return ctx.json(400, {
        error: 'invalid-status',
        detail: `status must be one of ${STATUSES.join(', ')}`,
      })
    const rec = ctx.deployment()
    if (!rec) return
    const jobs = jobsAt(ctx.sim.timeline(rec), ctx.sim.now(), rec.mut)
    ctx.json(200, { jobs: status ? jobs.filter((j) => j.status === status) : jobs })
  })

  // Registered before `jobs/:jobName`: a static segment wins, as in the Go router.
  r.add('GET', 'deployments/:id/jobs/batches', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment()
    if (rec) ctx.json(200, { batches: batchesAt(ctx.sim.timeline(rec), ctx.sim.now(), rec.mut) })
  })

  // The bare job name, URL-encoded (`install-nbg1-1%3Acilium`; the console's form), or the full id.
  r.add('GET', 'deployments/:id/jobs/:jobName', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment()
    if (rec) jobDetail(ctx, rec, jobNameFromParam(rec.spec.id, ctx.params.jobName!))
  })

  r.add('POST', 'deployments/:id/jobs/:jobName/retry', (ctx) => {
    if (!ctx.requireTier('job.retry')) return
    const rec = ctx.deployment()
    if (!rec) return
    const out = ctx.sim.retry(rec, jobNameFromParam(rec.spec.id, ctx.params.jobName!))
    if (out.ok) ctx.json(202, { execution: out.value })
    else ctx.refuse(out)
  })

  // Full `<dep>:<jobName>` id, or a bare job name on a Sovereign (its own deployment is implied).
  r.add('GET', 'jobs/:jobId', (ctx) => {
    if (!ctx.requireSession()) return
    const raw = ctx.params.jobId!
    const { deploymentId, jobName } = splitJobId(raw)
    const own = ctx.host.mode === 'sovereign' ? ctx.host.rec : undefined
    const rec = ctx.sim.record(deploymentId)
    if (rec && ctx.canSee(rec)) return jobDetail(ctx, rec, jobName)
    if (own) return jobDetail(ctx, own, raw)
    ctx.json(404, { error: 'job-not-found' })
  })

  r.add('GET', 'actions/executions/:execId/logs', (ctx) => {
    if (!ctx.requireSession()) return
    const { fromLine, limit } = clampPaging(atoi(ctx.query.get('fromLine')), atoi(ctx.query.get('limit')))
    const hit = ctx.sim.execution(ctx.params.execId!, (rec) => ctx.canSee(rec))
    if (!hit) return ctx.json(404, { error: 'execution-not-found' })
    ctx.json(200, logPage(hit.job, hit.attempt, ctx.sim.now(), hit.rec.mut, fromLine, limit))
  })
}
