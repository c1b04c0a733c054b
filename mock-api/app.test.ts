/**
 * The HTTP layer against a real socket: status codes and body styles of the contract, bad input, host →
 * mode, SSE framing. Every 2xx body is parsed with the shared contract schema.
 */
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { SovereignSelf, Whoami, PinIssueResponse } from '../src/contracts/auth.ts'
import { Catalog } from '../src/contracts/apps.ts'
import {
  CreateDeploymentResponse,
  DeleteResult,
  DeploymentEvents,
  DeploymentList,
  DeploymentState,
  WipeAgeGuard,
  WipeResult,
} from '../src/contracts/deployments.ts'
import { FlowMessage } from '../src/contracts/flow.ts'
import { FleetSovereigns } from '../src/contracts/fleet.ts'
import { JobDetail, JobList, LogPage, RetryResponse } from '../src/contracts/jobs.ts'
import { MockState } from '../src/contracts/mockControl.ts'
import { Infrastructure } from '../src/contracts/topology.ts'
import { TreemapResponse } from '../src/contracts/treemap.ts'
import { UserAccess, UserAccessList } from '../src/contracts/users.ts'
import {
  startMockOnSocket,
  callMock,
  type CallOptions,
  type MockOnSocket,
  type SocketResponse,
} from './mockOnSocket.ts'
import type { Simulator } from './sim/simulator.ts'

const EPOCH = Date.UTC(2026, 4, 14, 9, 0, 0)
const ESTATE = {
  adopted: 'a43364f11c10cde3',
  ready: 'b2c4d6e8f0a1b3c5',
  live: 'c1d2e3f4a5b6c7d8',
  failedChart: 'f6a7b8c9d0e1f2a3',
  solo: '2c3d4e5f6a7b8c9d',
}

let sim: Simulator
let port: number

const call = (method: string, path: string, opts: CallOptions = {}) => callMock(port, method, path, opts)

async function signIn(host?: string, tier = 'owner', email = 'operator@openova.io'): Promise<string> {
  const r = await call('POST', `/api/v1/auth/test-session?tier=${tier}&email=${encodeURIComponent(email)}`, {
    host,
  })
  const cookie = String(r.headers['set-cookie']).split(';')[0]!
  return cookie
}

/** `POST /mint-handover-token` → the path + query of its redirect URL (the Sovereign's landing). */
async function mintedPath(cookie: string, id: string): Promise<string> {
  const r = await call('POST', `/api/v1/deployments/${id}/mint-handover-token`, { cookie })
  expect(r.status).toBe(200)
  const url = new URL((r.json() as { redirectURL: string }).redirectURL)
  return url.pathname + url.search
}

function parse<S extends z.ZodType>(schema: S, r: SocketResponse): z.infer<S> {
  return schema.parse(r.json())
}

let mock: MockOnSocket
beforeAll(async () => {
  mock = await startMockOnSocket(EPOCH, (res) => {
    res.statusCode = 404
    res.end('vite fallthrough')
  })
  ;({ sim, port } = mock)
})

afterAll(() => mock.close())

beforeEach(() => sim.reset())

describe('auth and mode', () => {
  it('answers 401 JSON without a session and whoami with one', async () => {
    const anon = await call('GET', '/api/v1/whoami')
    expect(anon.status).toBe(401)
    expect(anon.json()).toEqual({ error: 'unauthenticated' })
    const cookie = await signIn()
    const me = parse(Whoami, await call('GET', '/api/v1/whoami', { cookie }))
    expect(me.email).toBe('operator@openova.io')
    expect(me.mode).toBeUndefined()
  })

  it('decides the console by host: console.<fqdn>[.localhost] is that Sovereign, anything else the mothership', async () => {
    const mothership = await call('GET', '/api/v1/sovereign/self')
    expect(mothership.status).toBe(404)
    expect(mothership.json()).toEqual({ error: 'not-a-sovereign' })
    for (const host of [`console.t126.omani.works.localhost:${port}`, 'console.t126.omani.works']) {
      const self = parse(SovereignSelf, await call('GET', '/sovereign/api/v1/sovereign/self', { host }))
      expect(self).toEqual({ deploymentId: ESTATE.adopted, sovereignFQDN: 't126.omani.works' })
    }
    expect(
      (await call('GET', '/api/v1/sovereign/self', { host: 'console.unknown.example.com' })).status,
    ).toBe(404)
  })

  it('scopes a Sovereign to its own data and its own sessions', async () => {
    const host = `console.t126.omani.works.localhost:${port}`
    const mothershipCookie = await signIn()
    expect((await call('GET', '/api/v1/whoami', { host, cookie: mothershipCookie })).status).toBe(401)
    const cookie = await signIn(host)
    const me = parse(Whoami, await call('GET', '/api/v1/whoami', { host, cookie }))
    expect(me).toMatchObject({ mode: 'sovereign', deploymentId: ESTATE.adopted })
    expect((await call('GET', `/api/v1/deployments/${ESTATE.ready}`, { host, cookie })).status).toBe(404)
    parse(DeploymentState, await call('GET', `/api/v1/deployments/${ESTATE.adopted}`, { host, cookie }))
  })

  it('runs the PIN flow: rate limit with Retry-After, attempts remaining, then a session cookie', async () => {
    const email = 'pin@example.com'
    const issued = parse(
      PinIssueResponse,
      await call('POST', '/api/v1/auth/pin/issue', { body: JSON.stringify({ email }) }),
    )
    const again = await call('POST', '/api/v1/auth/pin/issue', { body: JSON.stringify({ email }) })
    expect(again.status).toBe(429)
    expect(again.headers['retry-after']).toBe('60')
    expect(again.json()).toMatchObject({ error: 'pin-rate-limited', retryAfterSec: 60 })
    const pin = sim.auth.latestPin(email)!
    const wrong = pin === '000000' ? '111111' : '000000'
    const bad = await call('POST', '/api/v1/auth/pin/verify', {
      body: JSON.stringify({ email, pin: wrong, requestId: issued.requestId }),
    })
    expect(bad.status).toBe(401)
    expect(bad.json()).toEqual({ error: 'pin-invalid', attemptsRemaining: 2 })
    const ok = await call('POST', '/api/v1/auth/pin/verify', {
      body: JSON.stringify({ email, pin, requestId: issued.requestId }),
    })
    expect(ok.status).toBe(200)
    expect(String(ok.headers['set-cookie'])).toMatch(
      /catalyst_session=[0-9a-f]+; Path=\/; HttpOnly; SameSite=Lax/,
    )
    const reuse = await call('POST', '/api/v1/auth/pin/verify', {
      body: JSON.stringify({ email, pin, requestId: issued.requestId }),
    })
    expect(reuse.status).toBe(410)
  })

  it('lands a handover on the Sovereign, adopts it, and refuses a reused token', async () => {
    const cookie = await signIn()
    // The record still carries a re-minted link, as upstream does (the console drops it at its edge).
    const raw = (await call('GET', `/api/v1/deployments/${ESTATE.ready}`, { cookie })).json() as {
      handoverURL?: string
    }
    expect(raw.handoverURL).toMatch(
      new RegExp(`^http://console\\.acme\\.omani\\.works\\.localhost:${port}/auth/handover\\?token=`),
    )
    const path = await mintedPath(cookie, ESTATE.ready)
    const host = `console.acme.omani.works.localhost:${port}`
    const landed = await call('GET', path, { host })
    expect(landed.status).toBe(302)
    expect(landed.headers.location).toBe('/dashboard')
    const owner = String(landed.headers['set-cookie']).split(';')[0]!
    const users = parse(
      UserAccessList,
      await call('GET', '/api/v1/admin/user-access', { host, cookie: owner }),
    )
    expect(users.items.map((u) => u.name)).toContain('useraccess-owner-alice-acme-io')
    const reused = await call('GET', path, { host })
    expect(reused.headers.location).toBe('/auth/handover-error?reason=token%20already%20used')
    expect(
      parse(DeploymentState, await call('GET', `/api/v1/deployments/${ESTATE.ready}`, { cookie })).status,
    ).toBe('adopted')
    // Adopted: no new owner-granting token (stricter than upstream, which mints for `adopted` too).
    const again = await call('POST', `/api/v1/deployments/${ESTATE.ready}/mint-handover-token`, { cookie })
    expect([again.status, again.json()]).toEqual([409, { error: 'already-adopted', status: 'adopted' }])
  })

  it('refuses to mint for the seeded adopted deployment and before ready', async () => {
    const cookie = await signIn()
    const adopted = await call('POST', `/api/v1/deployments/${ESTATE.adopted}/mint-handover-token`, {
      cookie,
    })
    expect([adopted.status, adopted.json()]).toEqual([409, { error: 'already-adopted', status: 'adopted' }])
    const live = await call('POST', `/api/v1/deployments/${ESTATE.live}/mint-handover-token`, { cookie })
    expect(live.status).toBe(409)
    expect(live.json()).toMatchObject({ error: 'not-handover-ready' })
  })

  it('mints a fresh single-use token per call, each expiring after 5 minutes of the virtual clock', async () => {
    const cookie = await signIn()
    const host = `console.acme.omani.works.localhost:${port}`
    const first = await mintedPath(cookie, ESTATE.ready)
    const second = await mintedPath(cookie, ESTATE.ready)
    expect(second).not.toBe(first)
    sim.clock.set({ advanceMs: 4 * 60_000 + 59_000 })
    const late = await mintedPath(cookie, ESTATE.ready)
    sim.clock.set({ advanceMs: 2_000 })
    // 5 min 01 s after minting: expired, and the Sovereign is not adopted by it.
    const expired = await call('GET', first, { host })
    expect(expired.headers.location).toBe('/auth/handover-error?reason=token%20expired')
    expect(
      parse(DeploymentState, await call('GET', `/api/v1/deployments/${ESTATE.ready}`, { cookie })).status,
    ).toBe('ready')
    // A token minted 2 s ago still lands, once.
    expect((await call('GET', late, { host })).headers.location).toBe('/dashboard')
    const replay = await call('GET', late, { host })
    expect(replay.headers.location).toBe('/auth/handover-error?reason=token%20already%20used')
  })
})

describe('deployments', () => {
  it('lists visible rows (adopted excluded) and honours the owner filter for non-owners', async () => {
    const cookie = await signIn()
    const rows = parse(DeploymentList, await call('GET', '/api/v1/deployments', { cookie }))
    expect(rows.some((r) => r.id === ESTATE.adopted)).toBe(false)
    expect(rows.length).toBeGreaterThanOrEqual(8)
    const viewer = await signIn(undefined, 'viewer', 'alice@acme.io')
    const mine = parse(DeploymentList, await call('GET', '/api/v1/deployments', { cookie: viewer }))
    expect(mine.every((r) => r.ownerEmail === 'alice@acme.io')).toBe(true)
    expect(
      parse(
        DeploymentList,
        await call('GET', '/api/v1/deployments?owner=bob@northwind.eu', { cookie: viewer }),
      ),
    ).toEqual([])
    // Another user's deployment is a 404, not a 403.
    expect((await call('GET', `/api/v1/deployments/${ESTATE.live}`, { cookie: viewer })).status).toBe(404)
  })

  it('answers the contract codes of get, delete and wipe, including the plain-text ones', async () => {
    const cookie = await signIn()
    const unknown = await call('GET', '/api/v1/deployments/ffffffffffffffff', { cookie })
    expect([unknown.status, unknown.text.trim(), unknown.headers['content-type']]).toEqual([
      404,
      'deployment not found',
      'text/plain; charset=utf-8',
    ])
    const inflight = await call('DELETE', `/api/v1/deployments/${ESTATE.live}`, { cookie })
    expect(inflight.status).toBe(409)
    expect(parse(DeleteResult, inflight).note).toMatch(/phase1-watching/)
    expect((await call('DELETE', `/api/v1/deployments/${ESTATE.adopted}`, { cookie })).status).toBe(422)
    const deleted = await call('DELETE', `/api/v1/deployments/${ESTATE.solo}`, { cookie })
    expect(parse(DeleteResult, deleted)).toMatchObject({ storeDeleted: true, mode: 'record-only' })
    expect((await call('DELETE', `/api/v1/deployments/${ESTATE.solo}`, { cookie })).status).toBe(404)
    const noToken = await call('POST', `/api/v1/deployments/${ESTATE.ready}/wipe`, { cookie, body: '{}' })
    expect([noToken.status, noToken.text.trim()]).toEqual([400, 'hetznerToken is required'])
  })

  it('guards young wipes and reports what a forced wipe destroyed', async () => {
    const cookie = await signIn()
    const rec = sim.createMock({ scenario: 'healthy', regions: ['fsn1', 'nbg1'] })
    sim.clock.set({ advanceMs: 15 * 60_000 })
    const body = JSON.stringify({ hetznerToken: 'x'.repeat(64) })
    const guarded = await call('POST', `/api/v1/deployments/${rec.spec.id}/wipe`, { cookie, body })
    expect(guarded.status).toBe(409)
    expect(parse(WipeAgeGuard, guarded)).toMatchObject({ minLifeSec: 1800, status: 'phase1-watching' })
    const forced = await call('POST', `/api/v1/deployments/${rec.spec.id}/wipe?force=true`, { cookie, body })
    expect(forced.status).toBe(200)
    const report = parse(WipeResult, forced)
    expect(report.tofuDestroyed).toBe(true)
    expect(report.hetznerPurge.load_balancers).toBe(2)
    expect(forced.text).not.toContain('x'.repeat(64))
  }, 10_000)

  it('creates a deployment (201 + streamURL) and validates the request', async () => {
    const cookie = await signIn(undefined, 'owner', 'ops@new.example')
    const request = {
      orgName: 'New Org',
      orgEmail: 'ops@new.example',
      sovereignFQDN: 'fresh.omani.works',
      sovereignDomainMode: 'pool',
      sovereignPoolDomain: 'omani.works',
      sovereignSubdomain: 'fresh',
      provider: 'hetzner',
      hetznerToken: 'y'.repeat(64),
      hetznerProjectID: '4711',
      sshPublicKey:
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFbD9pjo37g8VfqmRx08DIxF+ahEJElOit3Vhng2hkKX catalyst',
      region: 'fsn1',
      bcpTopology: 'active-hotstandby',
      regions: [
        {
          provider: 'hetzner',
          cloudRegion: 'fsn1',
          controlPlaneSize: 'cpx42',
          workerSize: 'cpx32',
          workerCount: 3,
        },
        {
          provider: 'hetzner',
          cloudRegion: 'nbg1',
          controlPlaneSize: 'cpx42',
          workerSize: 'cpx32',
          workerCount: 2,
        },
      ],
    }
    const created = await call('POST', '/api/v1/deployments', { cookie, body: JSON.stringify(request) })
    expect(created.status).toBe(201)
    const { id, streamURL, status } = parse(CreateDeploymentResponse, created)
    expect([status, streamURL]).toEqual(['provisioning', `/api/v1/deployments/${id}/logs`])
    expect(
      (await call('POST', '/api/v1/deployments', { cookie, body: JSON.stringify(request) })).json(),
    ).toMatchObject({ error: 'subdomain-conflict' })
    // A body that does not decode is Go's plain-text 400, a wrong type included.
    const malformed = await call('POST', '/api/v1/deployments', { cookie, body: '{"orgName":' })
    expect(malformed.status).toBe(400)
    expect(malformed.headers['content-type']).toMatch(/^text\/plain/)
    expect(malformed.text).toMatch(/^invalid request body: /)
    const wrongType = await call('POST', '/api/v1/deployments', {
      cookie,
      body: JSON.stringify({ ...request, regions: 'fsn1' }),
    })
    expect(wrongType.status).toBe(400)
    expect(wrongType.text).toMatch(/^invalid request body: .*regions/)
    // The provisioner's Validate(), in its order and words, before the subdomain is reserved (the FQDN
    // is taken by now, so a reservation first would answer 409).
    const { regions, ...rest } = request
    const goErrors: [Record<string, unknown>, string][] = [
      [{ ...rest, regions: [{ ...regions[0], provider: undefined }] }, 'region[0] provider is required'],
      [{ ...request, hetznerToken: undefined }, 'hetzner token is required'],
      [{ ...request, hetznerToken: '  ' }, 'hetzner token is required'],
      [{ ...request, hetznerProjectID: undefined }, 'hetzner project ID is required'],
      [
        { ...request, sshPublicKey: '' },
        'SSH public key is required (sovereign-admin break-glass + cluster bootstrap)',
      ],
    ]
    for (const [body, error] of goErrors) {
      const r = await call('POST', '/api/v1/deployments', { cookie, body: JSON.stringify(body) })
      expect([r.status, r.json()], error).toEqual([400, { error }])
    }
    const single = await call('POST', '/api/v1/deployments', {
      cookie,
      body: JSON.stringify({
        ...request,
        sovereignFQDN: 'one.omani.works',
        bcpTopology: undefined,
        regions: request.regions.slice(0, 1),
      }),
    })
    expect(single.status).toBe(400)
    const foreign = await call('POST', '/api/v1/deployments', {
      cookie,
      body: JSON.stringify({ ...request, orgEmail: 'someone@else.example', sovereignFQDN: 'x.omani.works' }),
    })
    expect(foreign.status).toBe(403)
    expect(
      JSON.stringify(parse(DeploymentState, await call('GET', `/api/v1/deployments/${id}`, { cookie }))),
    ).not.toContain('y'.repeat(64))
  })

  it('replays the event log over SSE, then sends handover-ready and done for a settled deployment', async () => {
    const cookie = await signIn()
    const events = parse(
      DeploymentEvents,
      await call('GET', `/api/v1/deployments/${ESTATE.ready}/events`, { cookie }),
    )
    expect(events.done).toBe(true)
    const sse = await call('GET', `/api/v1/deployments/${ESTATE.ready}/logs`, { cookie })
    expect(sse.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    const frames = sse.text.split('\n\n').filter(Boolean)
    expect(frames.filter((f) => f.startsWith('data: '))).toHaveLength(events.events.length)
    expect(frames.at(-2)).toMatch(/^event: handover-ready\ndata: /)
    expect(frames.at(-1)).toMatch(/^event: done\ndata: /)
    DeploymentState.parse(JSON.parse(frames.at(-1)!.split('data: ')[1]!))
  })
})

describe('jobs, logs and flows', () => {
  it('lists jobs with the status filter validated, and finds a job by encoded bare name or full id', async () => {
    const cookie = await signIn()
    const jobs = parse(JobList, await call('GET', `/api/v1/deployments/${ESTATE.live}/jobs`, { cookie })).jobs
    expect(jobs.length).toBeGreaterThan(100)
    const started = jobs.filter((j) => j.startedAt).map((j) => Date.parse(j.startedAt!))
    expect(started).toEqual([...started].sort((a, b) => b - a))
    expect(jobs.findIndex((j) => !j.startedAt)).toBeGreaterThan(started.length - 1)
    expect(
      (await call('GET', `/api/v1/deployments/${ESTATE.live}/jobs?status=bogus`, { cookie })).json(),
    ).toMatchObject({ error: 'invalid-status' })
    const running = parse(
      JobList,
      await call('GET', `/api/v1/deployments/${ESTATE.live}/jobs?status=running`, { cookie }),
    ).jobs
    expect(running.length).toBeGreaterThan(0)
    expect(running.every((j) => j.status === 'running')).toBe(true)
    const bare = parse(
      JobDetail,
      await call('GET', `/api/v1/deployments/${ESTATE.live}/jobs/install-nbg1-1%3Acilium`, { cookie }),
    )
    expect(bare.job.id).toBe(`${ESTATE.live}:install-nbg1-1:cilium`)
    const full = parse(
      JobDetail,
      await call('GET', `/api/v1/jobs/${encodeURIComponent(`${ESTATE.live}:install-nbg1-1:cilium`)}`, {
        cookie,
      }),
    )
    expect(full.job.id).toBe(bare.job.id)
    expect(
      (await call('GET', `/api/v1/deployments/${ESTATE.live}/jobs/install-nope`, { cookie })).json(),
    ).toEqual({ error: 'job-not-found' })
  })

  it('pages execution logs with fromLine/limit (clamped like the Go store) and retries a failed job', async () => {
    const cookie = await signIn()
    const detail = parse(
      JobDetail,
      await call('GET', `/api/v1/deployments/${ESTATE.ready}/jobs/tofu-apply`, { cookie }),
    )
    const exec = detail.executions[0]!
    const page1 = parse(
      LogPage,
      await call('GET', `/api/v1/actions/executions/${exec.id}/logs?fromLine=1&limit=10`, { cookie }),
    )
    expect(page1.lines.map((l) => l.lineNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(page1.total).toBe(exec.lineCount)
    expect(page1.executionFinished).toBe(true)
    // Upstream runs tofu with -no-color: OpenTofu output carries no ANSI.
    expect(page1.lines.some((l) => l.message.includes('\x1b'))).toBe(false)
    const flood = sim.logFlood(sim.record(ESTATE.ready)!, 12_000, 0, 80)!
    const big = parse(
      LogPage,
      await call('GET', `/api/v1/actions/executions/${flood.executionId}/logs?fromLine=1&limit=99999`, {
        cookie,
      }),
    )
    expect(big.lines).toHaveLength(5000)
    // Never 400: fromLine <= 0 reads as 1, limit <= 0 as 500, non-numbers are ignored.
    const clamped = await call('GET', `/api/v1/actions/executions/${exec.id}/logs?fromLine=-3&limit=x`, {
      cookie,
    })
    expect(clamped.status).toBe(200)
    expect(parse(LogPage, clamped).lines[0]!.lineNumber).toBe(1)
    expect((await call('GET', '/api/v1/actions/executions/deadbeef/logs', { cookie })).json()).toEqual({
      error: 'execution-not-found',
    })
    expect(
      (await call('POST', `/api/v1/deployments/${ESTATE.ready}/jobs/install-cilium/retry`, { cookie }))
        .status,
    ).toBe(409)
    const retried = await call(
      'POST',
      `/api/v1/deployments/${ESTATE.failedChart}/jobs/install-harbor/retry`,
      { cookie },
    )
    expect(retried.status).toBe(202)
    expect(parse(RetryResponse, retried).status).toBe('running')
  })

  it('serves a flow snapshot in the composer shape and streams named snapshot frames', async () => {
    const cookie = await signIn()
    const snapshot = await call('GET', `/api/v1/flows/${ESTATE.live}/snapshot`, { cookie })
    const msg = parse(FlowMessage, snapshot)
    expect(msg.type).toBe('snapshot')
    // The local composer writes unix SECONDS; the schema normalises to ms.
    const raw = snapshot.json() as { flow: { startedAt: number } }
    expect(raw.flow.startedAt).toBeLessThan(1e11)
    const frame = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: `/api/v1/flows/${ESTATE.live}/stream`,
          headers: { host: `localhost:${port}`, cookie },
        },
        (res) => {
          res.once('data', (c: Buffer) => {
            resolve(c.toString('utf8'))
            req.destroy()
          })
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(frame).toMatch(/^event: snapshot\nid: 1\ndata: \{/)
  })
})

describe('dashboard, topology, apps, users, fleet', () => {
  it('validates treemap parameters (400) and answers an empty inventory with 200', async () => {
    const cookie = await signIn()
    expect((await call('GET', '/api/v1/dashboard/treemap?group_by=planet', { cookie })).json()).toMatchObject(
      { error: 'invalid-group-by' },
    )
    expect((await call('GET', '/api/v1/dashboard/treemap?color_by=vibes', { cookie })).json()).toMatchObject({
      error: 'invalid-color-by',
    })
    expect((await call('GET', '/api/v1/dashboard/treemap?size_by=mass', { cookie })).json()).toMatchObject({
      error: 'invalid-size-by',
    })
    expect(
      parse(
        TreemapResponse,
        await call('GET', '/api/v1/dashboard/treemap?deployment_id=ffffffffffffffff', { cookie }),
      ),
    ).toEqual({ items: [], total_count: 0 })
    const byCluster = parse(
      TreemapResponse,
      await call(
        'GET',
        `/api/v1/dashboard/treemap?group_by=cluster,namespace&deployment_id=${ESTATE.ready}`,
        { cookie },
      ),
    )
    expect(byCluster.items.map((i) => i.name).sort()).toEqual([
      'acme-hel (hel1-2)',
      'acme-mesh (fsn1)',
      'acme-nbg (nbg1-1)',
    ])
    expect(byCluster.items[0]!.children.length).toBeGreaterThan(5)
  })

  it('serves topology with skuCP, one LB per region and 6 vClusters on 3 regions', async () => {
    const cookie = await signIn()
    const r = await call('GET', `/api/v1/deployments/${ESTATE.ready}/infrastructure/topology`, { cookie })
    expect(r.text).toContain('"skuCP"')
    const topo = parse(Infrastructure, r)
    const clusters = topo.topology.regions.flatMap((x) => x.clusters)
    expect(topo.topology.regions).toHaveLength(3)
    expect(clusters.flatMap((c) => c.loadBalancers)).toHaveLength(3)
    expect(clusters.flatMap((c) => c.vclusters)).toHaveLength(6)
    expect(topo.topology.regions[0]!.skuCp).toBe('cpx42')
  })

  it('serves the catalog, UserAccess CRUD and the fleet', async () => {
    const cookie = await signIn()
    const catalog = parse(Catalog, await call('GET', '/api/v1/catalog', { cookie }))
    expect(catalog.items.every((b) => /^bp-(?!bp-)/.test(b.name))).toBe(true)
    expect((await call('GET', '/api/v1/catalog/bp-nope', { cookie })).json()).toMatchObject({
      error: 'blueprint_not_found',
      status: 404,
    })
    const base = `/api/v1/deployments/${ESTATE.ready}/admin/user-access`
    const body = JSON.stringify({
      name: 'dev-team',
      spec: { user: { keycloakGroups: ['dev'] }, applications: [{ app: 'bp-gitea', role: 'editor' }] },
    })
    const created = await call('POST', base, { cookie, body })
    expect(created.status).toBe(201)
    expect(parse(UserAccess, created).spec.sovereignRef).toBe('acme') // the FQDN's first label (upstream #1564)
    expect((await call('POST', base, { cookie, body })).status).toBe(409)
    expect(
      (await call('POST', base, { cookie, body: JSON.stringify({ name: 'Bad Name!', spec: {} }) })).json(),
    ).toMatchObject({ error: 'invalid-user-access' })
    const updated = await call('PUT', `${base}/dev-team`, {
      cookie,
      body: JSON.stringify({
        spec: { user: { keycloakGroups: ['dev'] }, applications: [{ app: '*', role: 'viewer' }] },
      }),
    })
    expect(parse(UserAccess, updated).spec.applications[0]).toMatchObject({ app: '*', role: 'viewer' })
    expect((await call('DELETE', `${base}/dev-team`, { cookie })).status).toBe(204)
    expect((await call('DELETE', `${base}/dev-team`, { cookie })).status).toBe(404)
    const empty = parse(
      UserAccessList,
      await call('GET', `/api/v1/deployments/${ESTATE.live}/admin/user-access`, { cookie }),
    )
    expect(empty.items).toEqual([])
    const fleet = parse(FleetSovereigns, await call('GET', '/api/v1/fleet/sovereigns', { cookie }))
    expect(fleet.total).toBeGreaterThanOrEqual(8)
  })
})

describe('control API: hostile input for security tests', () => {
  const HOSTILE = '<img src=x onerror=alert(1)>\u202Egnp.exe'

  it('log-flood keeps a given job name, display name and messages verbatim; refuses a taken name or a slash', async () => {
    const cookie = await signIn()
    const messages = ['\x1b]52;c;cHduZWQ=\x07copied', '\x1b]8;;javascript:alert(1)\x1b\\click\x1b]8;;\x1b\\']
    const created = await call('POST', '/api/__mock/log-flood', {
      body: JSON.stringify({
        deploymentId: ESTATE.ready,
        lines: 5,
        jobName: HOSTILE,
        displayName: `${HOSTILE} display`,
        messages,
      }),
    })
    expect(created.status).toBe(201)
    const flood = created.json() as { jobName: string; executionId: string; jobId: string }
    expect(flood.jobName).toBe(HOSTILE)
    expect(flood.jobId).toBe(`${ESTATE.ready}:${HOSTILE}`)
    const jobs = parse(JobList, await call('GET', `/api/v1/deployments/${ESTATE.ready}/jobs`, { cookie }))
    expect(jobs.jobs.find((j) => j.jobName === HOSTILE)?.displayName).toBe(`${HOSTILE} display`)
    const detail = parse(
      JobDetail,
      await call('GET', `/api/v1/deployments/${ESTATE.ready}/jobs/${encodeURIComponent(HOSTILE)}`, {
        cookie,
      }),
    )
    expect(detail.executions[0]!.id).toBe(flood.executionId)
    const page = parse(
      LogPage,
      await call('GET', `/api/v1/actions/executions/${flood.executionId}/logs?fromLine=1&limit=10`, {
        cookie,
      }),
    )
    expect(page.lines.map((l) => l.message)).toEqual([...messages, ...messages, messages[0]])

    const again = await call('POST', '/api/__mock/log-flood', {
      body: JSON.stringify({ deploymentId: ESTATE.ready, lines: 1, jobName: HOSTILE }),
    })
    expect(again.status).toBe(409)
    const taken = await call('POST', '/api/__mock/log-flood', {
      body: JSON.stringify({ deploymentId: ESTATE.ready, lines: 1, jobName: 'tofu-apply' }),
    })
    expect(taken.status).toBe(409)
    const slash = await call('POST', '/api/__mock/log-flood', {
      body: JSON.stringify({ deploymentId: ESTATE.ready, lines: 1, jobName: '</script>' }),
    })
    expect(slash.status).toBe(400)
    // Without the new fields nothing changed: the generated name and text.
    const plain = await call('POST', '/api/__mock/log-flood', {
      body: JSON.stringify({ deploymentId: ESTATE.ready, lines: 1 }),
    })
    expect((plain.json() as { jobName: string }).jobName).toBe('task-log-flood-2')
  })

  it('user-access stores a record whose name the real API would refuse, and refuses a duplicate', async () => {
    const cookie = await signIn()
    const body = {
      deploymentId: ESTATE.ready,
      name: HOSTILE,
      spec: {
        user: { keycloakSubject: 'javascript:alert(1)', keycloakGroups: ['<b>x</b>'] },
        applications: [],
      },
    }
    expect((await call('POST', '/api/__mock/user-access', { body: JSON.stringify(body) })).status).toBe(201)
    const list = parse(
      UserAccessList,
      await call('GET', `/api/v1/deployments/${ESTATE.ready}/admin/user-access`, { cookie }),
    )
    const rec = list.items.find((u) => u.name === HOSTILE)
    expect(rec?.spec.user.keycloakSubject).toBe('javascript:alert(1)')
    expect((await call('POST', '/api/__mock/user-access', { body: JSON.stringify(body) })).status).toBe(409)
    expect(
      (
        await call('POST', '/api/__mock/user-access', {
          body: JSON.stringify({ ...body, deploymentId: 'ffffffffffffffff' }),
        })
      ).status,
    ).toBe(404)
    expect(
      (await call('POST', '/api/__mock/user-access', { body: JSON.stringify({ ...body, name: 7 }) })).status,
    ).toBe(400)
    // The public API still refuses the same name.
    const refused = await call('POST', `/api/v1/deployments/${ESTATE.ready}/admin/user-access`, {
      cookie,
      body: JSON.stringify({ name: HOSTILE, spec: body.spec }),
    })
    expect(refused.status).toBe(400)
  })
})

describe('bad input never crashes or corrupts the simulator', () => {
  it('answers path tricks, unknown routes and oversized bodies with clear 4xx JSON', async () => {
    const cookie = await signIn()
    expect((await call('GET', '/api/v1/nope', { cookie })).json()).toEqual({ error: 'not-found' })
    expect((await call('PATCH', '/api/v1/deployments', { cookie })).status).toBe(405)
    for (const path of [
      '/api/v1/deployments/%2e%2e',
      '/api/v1/deployments/a%2Fb',
      '/api/v1/deployments/%E0%A4%A',
      '/api/v1/deployments/a%5Cb',
      `/api/v1/deployments/${'x'.repeat(600)}`,
    ]) {
      const r = await call('GET', path, { cookie })
      expect(r.status, path).toBe(400)
      expect(r.json(), path).toMatchObject({ error: 'bad-path' })
    }
    expect((await call('GET', `/api/v1/deployments?x=${'y'.repeat(9000)}`, { cookie })).status).toBe(414)
    const huge = await call('POST', '/api/v1/auth/pin/issue', { body: Buffer.alloc(1024 * 1024 + 10, 0x20) })
    expect(huge.status).toBe(413)
    expect(huge.json()).toMatchObject({ error: 'body-too-large' })
    const typed = await call('POST', '/api/v1/auth/pin/verify', {
      body: JSON.stringify({ email: 3, pin: ['1'], requestId: null }),
    })
    expect(typed.status).toBe(400)
    const text = await call('POST', '/api/v1/auth/pin/issue', {
      body: 'not json',
      headers: { 'content-type': 'text/html' },
    })
    expect(text.status).toBe(415)
    // Still serving, state intact.
    expect(
      parse(MockState, await call('GET', '/api/__mock/state')).deployments.length,
    ).toBeGreaterThanOrEqual(10)
    expect(
      parse(DeploymentList, await call('GET', '/api/v1/deployments', { cookie })).length,
    ).toBeGreaterThanOrEqual(8)
  })

  it('fuzzes every mutating endpoint with generated bodies: only 4xx, and the simulator keeps serving', async () => {
    const cookie = await signIn()
    const endpoints: [string, string][] = [
      ['POST', '/api/v1/auth/pin/issue'],
      ['POST', '/api/v1/auth/pin/verify'],
      ['POST', '/api/v1/deployments'],
      ['POST', `/api/v1/deployments/${ESTATE.ready}/wipe`],
      ['POST', `/api/v1/deployments/${ESTATE.ready}/admin/user-access`],
      ['PUT', `/api/v1/deployments/${ESTATE.ready}/admin/user-access/sre-oncall`],
      ['POST', '/api/v1/subdomains/check'],
      ['POST', '/api/v1/credentials/validate'],
      ['POST', '/api/__mock/clock'],
      ['POST', '/api/__mock/deployments'],
      ['POST', '/api/__mock/faults'],
      ['POST', '/api/__mock/log-flood'],
      ['POST', '/api/__mock/user-access'],
    ]
    let seed = 7
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff)
    const values = (): unknown => {
      const pick = Math.floor(rnd() * 9)
      return [
        null,
        -1,
        1e308,
        '',
        '<script>alert(1)</script>',
        'x'.repeat(Math.floor(rnd() * 3000)),
        [1, 'a', null],
        { nested: { deep: [] } },
        true,
      ][pick]
    }
    const keys = [
      'email',
      'pin',
      'requestId',
      'orgName',
      'orgEmail',
      'sovereignFQDN',
      'regions',
      'hetznerToken',
      'name',
      'spec',
      'subdomain',
      'poolDomain',
      'token',
      'speed',
      'advanceMs',
      'scenario',
      'errorRate',
      'latencyMs',
    ]
    // 250 generated bodies per endpoint (3,250 in all): a tenth truncated JSON, some arrays, the rest
    // objects of random keys with wrongly typed, empty, huge or hostile values.
    const PER_ENDPOINT = 250
    let n = 0
    let rejected = 0
    for (let i = 0; i < PER_ENDPOINT * endpoints.length; i++) {
      const [method, path] = endpoints[i % endpoints.length]!
      const body: Record<string, unknown> = {}
      for (const k of keys) if (rnd() < 0.4) body[k] = values()
      const kind = rnd() < 0.1 ? 'truncated' : rnd() < 0.05 ? 'array' : 'object'
      const raw =
        kind === 'truncated'
          ? '{"truncated":'
          : kind === 'array'
            ? JSON.stringify([body])
            : JSON.stringify(body)
      const r = await call(method, path, { cookie, body: raw })
      n++
      const what = `${method} ${path} ${raw.slice(0, 120)}`
      // Never a server error; malformed JSON and a non-object body are always refused as a client error.
      expect(r.status, what).toBeLessThan(500)
      if (kind !== 'object') expect(r.status, what).toBeGreaterThanOrEqual(400)
      // The subdomain check answers a well-formed body 200 with its verdict in the body (Go: "clients use
      // the body's available field, not the HTTP status"): a 200 `available:false` is a refusal too.
      if (r.status >= 400 || (r.status === 200 && /^\{"available":false/.test(r.text))) rejected++
    }
    expect(n).toBe(3250)
    // Random keys rarely form a valid request: almost everything is refused.
    expect(rejected / n).toBeGreaterThan(0.9)
    await call('POST', '/api/__mock/clock', { body: JSON.stringify({ paused: true }) })
    await call('POST', '/api/__mock/faults', {
      body: JSON.stringify({ latencyMs: 0, errorRate: 0, dropStreamsEveryMs: 0 }),
    })
    expect(
      parse(DeploymentList, await call('GET', '/api/v1/deployments', { cookie })).length,
    ).toBeGreaterThanOrEqual(8)
  }, 120_000)
})
