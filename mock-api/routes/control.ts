import {
  MockClockRequest,
  MockCreateDeploymentRequest,
  MockFaultsRequest,
  MockLogFloodRequest,
  MockResetRequest,
  MockRestartRequest,
  MockUserAccessRequest,
  SCENARIOS,
} from '../../src/contracts/mockControl.ts'
import type { RequestFaults } from '../requestFaults.ts'
import type { ApiRouter } from './types.ts'

export interface Faults {
  latencyMs: number
  errorRate: number
  dropStreamsEveryMs: number
  /** Real-time instant until which the "restarted" API refuses connections. */
  downUntil: number
}

/**
 * `/api/__mock/*`: the only way tests and benchmarks drive the mock (documented in mock-api/README.md).
 * Never subject to fault injection.
 */
export function controlRoutes(
  r: ApiRouter,
  faults: Faults,
  requestFaults: RequestFaults,
  closeAllStreams: () => void,
): void {
  r.add('GET', 'state', (ctx) => {
    ctx.json(200, {
      clock: ctx.sim.clock.snapshot(),
      scenarios: [...SCENARIOS],
      deployments: ctx.sim.liveRecords().map((rec) => ({
        id: rec.spec.id,
        sovereignFQDN: rec.spec.request.sovereignFQDN,
        ownerEmail: rec.spec.ownerEmail,
        status: ctx.sim.status(rec),
        regions: rec.spec.regions.map((x) => x.key),
        scenario: rec.spec.scenario,
      })),
    })
  })

  r.add('POST', 'reset', async (ctx) => {
    const body = await ctx.body(MockResetRequest)
    if (!body) return
    closeAllStreams()
    Object.assign(faults, { latencyMs: 0, errorRate: 0, dropStreamsEveryMs: 0, downUntil: 0 })
    requestFaults.clear()
    ctx.sim.reset(body.scenario)
    ctx.json(200, { ok: true, clock: ctx.sim.clock.snapshot() })
  })

  r.add('POST', 'clock', async (ctx) => {
    const body = await ctx.body(MockClockRequest)
    if (!body) return
    ctx.sim.clock.set(body)
    ctx.json(200, ctx.sim.clock.snapshot())
  })

  r.add('GET', 'pin', (ctx) => {
    const pin = ctx.sim.auth.latestPin(ctx.query.get('email') ?? '')
    if (!pin) return ctx.json(404, { error: 'no-pin', detail: 'no PIN was issued to that email' })
    ctx.json(200, { pin })
  })

  /** The cloud-init bearer of one region (the real one lives only in the node's user data). */
  r.add('GET', 'kubeconfig-bearer', (ctx) => {
    const rec = ctx.sim.record(ctx.query.get('deploymentId') ?? '')
    const region = ctx.query.get('region') || rec?.spec.regions[0]!.key
    const bearer = rec && region ? ctx.sim.kubeconfigBearer(rec, region) : undefined
    if (!bearer) return ctx.json(404, { error: 'not-found', detail: 'no such deployment or region' })
    ctx.json(200, { bearer })
  })

  r.add('POST', 'deployments', async (ctx) => {
    const body = await ctx.body(MockCreateDeploymentRequest)
    if (!body) return
    const created = body.count ? ctx.sim.createMany(body, body.count) : [ctx.sim.createMock(body)]
    const rec = created[0]!
    ctx.json(201, {
      id: rec.spec.id,
      sovereignFQDN: rec.spec.request.sovereignFQDN,
      regions: rec.spec.regions.map((x) => x.key),
      status: ctx.sim.status(rec),
      ...(body.count ? { count: created.length } : {}),
    })
  })

  r.add('POST', 'faults', async (ctx) => {
    const body = await ctx.body(MockFaultsRequest)
    if (!body) return
    if (body.latencyMs !== undefined) faults.latencyMs = body.latencyMs
    if (body.errorRate !== undefined) faults.errorRate = body.errorRate
    if (body.dropStreamsEveryMs !== undefined) faults.dropStreamsEveryMs = body.dropStreamsEveryMs
    requestFaults.set({
      ...(body.dropResponseAfterMutation
        ? { dropResponseAfterMutation: body.dropResponseAfterMutation }
        : {}),
      ...(body.hang ? { hang: body.hang } : {}),
    })
    ctx.json(200, {
      latencyMs: faults.latencyMs,
      errorRate: faults.errorRate,
      dropStreamsEveryMs: faults.dropStreamsEveryMs,
      ...requestFaults.snapshot(),
    })
  })

  r.add('POST', 'log-flood', async (ctx) => {
    const body = await ctx.body(MockLogFloodRequest)
    if (!body) return
    const rec = ctx.sim.record(body.deploymentId)
    if (!rec) return ctx.json(404, { error: 'deployment-not-found' })
    const out = ctx.sim.logFlood(rec, body.lines, body.ratePerSec, body.lineBytes, {
      ...(body.jobName !== undefined ? { jobName: body.jobName } : {}),
      ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
      ...(body.messages !== undefined ? { messages: body.messages } : {}),
    })
    if (!out) return ctx.json(409, { error: 'job-name-taken' })
    ctx.json(201, {
      jobId: `${rec.spec.id}:${out.jobName}`,
      jobName: out.jobName,
      executionId: out.executionId,
    })
  })

  r.add('POST', 'user-access', async (ctx) => {
    const body = await ctx.body(MockUserAccessRequest)
    if (!body) return
    const rec = ctx.sim.record(body.deploymentId)
    if (!rec) return ctx.json(404, { error: 'deployment-not-found' })
    const out = ctx.sim.saveUserAccess(rec.spec.id, { name: body.name, spec: body.spec }, 'create')
    if (out.ok) ctx.json(201, out.value)
    else ctx.refuse(out)
  })

  r.add('POST', 'restart', async (ctx) => {
    const body = await ctx.body(MockRestartRequest)
    if (!body) return
    closeAllStreams()
    faults.downUntil = Date.now() + body.downMs
    ctx.json(200, { downMs: body.downMs })
  })

  r.add('POST', 'expire-sessions', (ctx) => {
    ctx.sim.auth.expireAll()
    ctx.json(200, { ok: true })
  })
}
