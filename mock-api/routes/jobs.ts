import { LOG_PAGE_DEFAULT, LOG_PAGE_MAX, splitJobId } from '../../src/contracts/jobs.ts'
import { jobsAt, logPage } from '../sim/derive.ts'
import type { Ctx } from '../context.ts'
import type { DeploymentRecord } from '../sim/simulator.ts'
import type { ApiRouter } from './types.ts'

const STATUSES = ['pending', 'running', 'succeeded', 'failed']

function jobDetail(ctx: Ctx, rec: DeploymentRecord, jobName: string): void {
  const detail = ctx.sim.jobDetail(rec, jobName)
  if (!detail) return ctx.json(404, { error: 'job-not-found' })
  ctx.json(200, detail)
}

/** Positive integer query parameter, or the default; undefined when present but malformed. */
function intParam(ctx: Ctx, name: string, fallback: number): number | undefined {
  const raw = ctx.query.get(name)
  if (raw === null || raw === '') return fallback
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined
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

  // The form the console uses: the bare job name, URL-encoded (`install-nbg1-1%3Acilium`).
  r.add('GET', 'deployments/:id/jobs/:jobName', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment()
    if (rec) jobDetail(ctx, rec, ctx.params.jobName!)
  })

  r.add('POST', 'deployments/:id/jobs/:jobName/retry', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment()
    if (!rec) return
    const out = ctx.sim.retry(rec, ctx.params.jobName!)
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
    const fromLine = intParam(ctx, 'fromLine', 1)
    const limit = intParam(ctx, 'limit', LOG_PAGE_DEFAULT)
    if (fromLine === undefined || limit === undefined || fromLine < 1 || limit < 1) {
      return ctx.json(400, {
        error: 'invalid-paging',
        detail: 'fromLine and limit must be positive integers',
      })
    }
    const hit = ctx.sim.execution(ctx.params.execId!, (rec) => ctx.canSee(rec))
    if (!hit) return ctx.json(404, { error: 'execution-not-found' })
    ctx.json(
      200,
      logPage(hit.job, hit.attempt, ctx.sim.now(), hit.rec.mut, fromLine, Math.min(limit, LOG_PAGE_MAX)),
    )
  })
}
