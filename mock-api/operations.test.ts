/**
 * Status codes and bodies of the endpoints issue 12 made faithful or added, over a real socket: job detail
 * by full id, log paging, batches, the wizard endpoints, the unstamped Sovereign, kubeconfig GET/PUT,
 * components/state and refresh-watch, Day-2 CRUD with its audit jobs, the publish toggle. Every 2xx body
 * is parsed with the shared contract.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SovereignApps } from '../src/contracts/apps.ts'
import { SovereignSelf, Whoami } from '../src/contracts/auth.ts'
import { ComponentsState, DeploymentState, RefreshWatchResponse } from '../src/contracts/deployments.ts'
import { JobBatches, JobDetail, JobList, LogPage } from '../src/contracts/jobs.ts'
import { MockKubeconfigBearer } from '../src/contracts/mockControl.ts'
import { MutationResponse } from '../src/contracts/topology.ts'
import { SshKeyPair } from '../src/contracts/wizard.ts'
import {
  startMockOnSocket,
  callMock,
  type CallOptions,
  type MockOnSocket,
  type SocketResponse,
} from './mockOnSocket.ts'
import type { Simulator } from './sim/simulator.ts'

const EPOCH = Date.UTC(2026, 4, 14, 9, 0, 0)
const LIVE = 'c1d2e3f4a5b6c7d8'
const READY = 'b2c4d6e8f0a1b3c5'
const ROLLOUT = 'd4e5f6a7b8c9d0e1'
const NOKUBE = '4e5f6a7b8c9d0e1f'
const OLD = '1b2c3d4e5f6a7b8c'

let sim: Simulator
let port: number
let cookie: string

const call = (method: string, path: string, opts: CallOptions = {}) => callMock(port, method, path, opts)

async function signIn(host?: string): Promise<string> {
  const r = await call('POST', '/api/v1/auth/test-session?tier=owner&email=ops%40omani.works', { host })
  return String(r.headers['set-cookie']).split(';')[0]!
}

const json = (body: unknown) => ({ body: JSON.stringify(body) })
const host = (fqdn: string) => `console.${fqdn}.localhost:${port}`

let mock: MockOnSocket
beforeAll(async () => {
  mock = await startMockOnSocket(EPOCH)
  ;({ sim, port } = mock)
})

afterAll(() => mock.close())

beforeEach(async () => {
  sim.reset()
  cookie = await signIn()
})

describe('jobs', () => {
  it('every job carries appId and batchId; installs are in bootstrap-kit, the rest in their phase', async () => {
    const { jobs } = JobList.parse((await call('GET', `/api/v1/deployments/${LIVE}/jobs`, { cookie })).json())
    const wire = (await call('GET', `/api/v1/deployments/${LIVE}/jobs`, { cookie })).json() as {
      jobs: Record<string, unknown>[]
    }
    for (const j of wire.jobs) {
      expect(typeof j.appId, String(j.id)).toBe('string')
      expect(typeof j.batchId, String(j.id)).toBe('string')
    }
    const byName = new Map(jobs.map((j) => [j.jobName, j]))
    expect(byName.get('install-cilium')).toMatchObject({ appId: 'cilium', batchId: 'bootstrap-kit' })
    expect(byName.get('install-nbg1-1:cilium')).toMatchObject({
      appId: 'nbg1-1:cilium',
      batchId: 'bootstrap-kit',
    })
    expect(byName.get('tofu-apply')).toMatchObject({ appId: '', batchId: 'provisioner' })
    expect(byName.get('install-self-sovereign-cutover')).toMatchObject({
      batchId: 'bootstrap-kit',
      parentId: `${LIVE}:cutover`,
    })
  })

  it('answers job detail by bare name or full id (raw or %3A), never treating a region key as a prefix', async () => {
    const get = (name: string) => call('GET', `/api/v1/deployments/${LIVE}/jobs/${name}`, { cookie })
    const bare = JobDetail.parse((await get('install-nbg1-1%3Acilium')).json())
    for (const form of [`${LIVE}:install-nbg1-1:cilium`, `${LIVE}%3Ainstall-nbg1-1%3Acilium`]) {
      const r = await get(form)
      expect(r.status, form).toBe(200)
      expect(JobDetail.parse(r.json()).job.id).toBe(bare.job.id)
    }
    // Another deployment's id is not a prefix of this one's jobs.
    expect((await get(`${READY}:install-cilium`)).json()).toEqual({ error: 'job-not-found' })
    expect((await get('nbg1-1:cilium')).status).toBe(404)
  })

  it('pages logs like the Go store: fromLine <= 0 → 1, limit <= 0 → 500, > 5000 → 5000, junk ignored', async () => {
    const flood = sim.logFlood(sim.record(READY)!, 7000, 0, 40)!
    const page = async (q: string) => {
      const r = await call('GET', `/api/v1/actions/executions/${flood.executionId}/logs${q}`, { cookie })
      expect(r.status, q).toBe(200)
      return LogPage.parse(r.json())
    }
    const first = (p: { lines: { lineNumber: number }[] }) => [p.lines[0]?.lineNumber, p.lines.length]
    expect(first(await page('?fromLine=0'))).toEqual([1, 500])
    expect(first(await page('?fromLine=-7&limit=-1'))).toEqual([1, 500])
    expect(first(await page('?fromLine=abc&limit=1e3'))).toEqual([1, 500])
    expect(first(await page('?fromLine=%2B10&limit=%2020%20'))).toEqual([10, 20])
    expect(first(await page('?limit=99999'))).toEqual([1, 5000])
    expect(first(await page('?fromLine=6990&limit=100'))).toEqual([6990, 11])
    expect((await page('?fromLine=9999999999999')).lines).toEqual([])
    // Beyond int64 strconv.Atoi fails, and a failed parse reads as 0 → 1.
    expect(first(await page('?fromLine=99999999999999999999'))).toEqual([1, 500])
    const p = await page('?fromLine=8000')
    expect([p.lines, p.total, p.executionFinished]).toEqual([[], 7000, true])
  })

  it('summarises batches (finished = succeeded + failed), not a job named "batches"', async () => {
    const { batches } = JobBatches.parse(
      (await call('GET', `/api/v1/deployments/f6a7b8c9d0e1f2a3/jobs/batches`, { cookie })).json(),
    )
    const kit = batches.find((b) => b.batchId === 'bootstrap-kit')!
    expect(kit.failed).toBeGreaterThan(0)
    expect(kit.finished).toBe(kit.succeeded + kit.failed)
    expect(kit.total).toBe(kit.finished + kit.running + kit.pending)
    expect(batches.map((b) => b.batchId)).toEqual(['provisioner', 'bootstrap-kit'])
    expect((await call('GET', '/api/v1/deployments/ffffffffffffffff/jobs/batches', { cookie })).status).toBe(
      404,
    )
  })
})

describe('the wizard endpoints', () => {
  it('subdomains/check: reason codes with prose in detail; malformed JSON is a 400 in the same shape', async () => {
    const check = async (subdomain: unknown, poolDomain = 'omani.works') =>
      (await call('POST', '/api/v1/subdomains/check', json({ subdomain, poolDomain }))).json()
    expect(await check('orbit')).toEqual({ available: true, fqdn: 'orbit.omani.works' })
    expect(await check('Orbit ')).toEqual({ available: true, fqdn: 'orbit.omani.works' })
    expect(await check('1abc')).toMatchObject({ available: false, reason: 'invalid-format' })
    expect(await check('www')).toMatchObject({ available: false, reason: 'reserved' })
    expect(await check('acme')).toMatchObject({
      available: false,
      reason: 'active-state',
      fqdn: 'acme.omani.works',
    })
    // In flight, not committed at PDM yet.
    expect(await check('rollout')).toMatchObject({ available: false, reason: 'reserved-state' })
    // A Phase-0 failure released the name.
    expect(await check('quota')).toEqual({ available: true, fqdn: 'quota.omani.works' })
    expect(await check('edge', 'northwind.eu')).toMatchObject({ available: false, reason: 'exists' })
    const bad = await call('POST', '/api/v1/subdomains/check', { body: '{"subdomain":' })
    expect([bad.status, bad.json()]).toEqual([
      400,
      { available: false, reason: 'invalid-format', detail: 'request body could not be parsed as JSON' },
    ])
    expect((await call('POST', '/api/v1/subdomains/check', json({ subdomain: 7 }))).status).toBe(400)
  })

  it('credentials/validate: {valid, message}; under 64 characters is 400 {valid:false}; bad JSON is text', async () => {
    const v = (token: unknown) =>
      call('POST', '/api/v1/credentials/validate', json({ provider: 'hetzner', token }))
    const ok = await v('A1'.repeat(32))
    expect([ok.status, ok.json()]).toEqual([200, { valid: true, message: 'read/write access confirmed' }])
    const refused = await v('-'.repeat(64))
    expect([refused.status, (refused.json() as { valid: boolean }).valid]).toEqual([200, false])
    const short = await v(` ${'A'.repeat(63)} `)
    expect([short.status, short.json()]).toEqual([
      400,
      { valid: false, message: 'token too short — Hetzner API tokens are at least 64 characters' },
    ])
    const text = await call('POST', '/api/v1/credentials/validate', { body: 'nope' })
    expect([text.status, text.text.trim(), text.headers['content-type']]).toEqual([
      400,
      'invalid request body',
      'text/plain; charset=utf-8',
    ])
  })

  it('sshkey/generate: a fresh ed25519 pair each call, body optional', async () => {
    const a = SshKeyPair.parse(
      (await call('POST', '/api/v1/sshkey/generate', json({ fqdn: 'nova.omani.works' }))).json(),
    )
    const b = SshKeyPair.parse((await call('POST', '/api/v1/sshkey/generate')).json())
    expect(a.publicKey).toMatch(
      /^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43} catalyst@nova\.omani\.works$/,
    )
    expect(b.publicKey.endsWith(' catalyst')).toBe(true)
    expect(a.privateKey).toMatch(
      /^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+-----END OPENSSH PRIVATE KEY-----\n$/,
    )
    expect(a.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/)
    expect(a.publicKey).not.toBe(b.publicKey)
    // Go ignores an undecodable body.
    expect((await call('POST', '/api/v1/sshkey/generate', { body: '{oops' })).status).toBe(200)
  })

  it('registrar/{r}/validate: PDM codes and statuses', async () => {
    const v = (r: string, body: unknown) => call('POST', `/api/v1/registrar/${r}/validate`, json(body))
    expect((await v('cloudflare', { domain: 'Northwind.eu', token: 'cf-0123456789abcdef' })).json()).toEqual({
      valid: true,
      registrar: 'cloudflare',
      domain: 'northwind.eu',
    })
    const cases: [string, unknown, number, string][] = [
      ['route53', { domain: 'x.eu', token: 'y' }, 404, 'unsupported-registrar'],
      ['ovh', { token: 'cf-0123456789abcdef' }, 422, 'missing-domain'],
      ['ovh', { domain: 'x.eu' }, 422, 'missing-token'],
      ['godaddy', { domain: 'x.eu', token: 'short' }, 401, 'invalid-token'],
      ['dynadot', { domain: 'lab.example', token: 'dd-0123456789abcdef' }, 403, 'domain-not-in-account'],
      ['namecheap', [1], 400, 'invalid-body'],
    ]
    for (const [r, body, status, error] of cases) {
      const res = await v(r, body)
      expect([res.status, (res.json() as { error: string }).error], `${r} ${JSON.stringify(body)}`).toEqual([
        status,
        error,
      ])
    }
  })

  it('create: validated like the provisioner before the subdomain is reserved', async () => {
    const request = {
      orgName: 'Orbit',
      orgEmail: 'ops@omani.works',
      sovereignFQDN: 'acme.omani.works',
      sovereignDomainMode: 'pool',
      sovereignPoolDomain: 'omani.works',
      sovereignSubdomain: 'acme',
      hetznerToken: 'T'.repeat(64),
      hetznerProjectID: '4711',
      sshPublicKey: 'ssh-ed25519 AAAA key',
      region: 'fsn1',
      bcpTopology: 'single-region',
      regions: [
        {
          provider: 'hetzner',
          cloudRegion: 'fsn1',
          controlPlaneSize: 'cpx42',
          workerSize: 'cpx32',
          workerCount: 3,
        },
      ],
    }
    const post = (body: unknown) => call('POST', '/api/v1/deployments', { cookie, ...json(body) })
    // Taken FQDN, but invalid: the validation error wins (no reservation was attempted).
    expect((await post({ ...request, hetznerProjectID: '' })).json()).toEqual({
      error: 'hetzner project ID is required',
    })
    expect(
      (await post({ ...request, regions: [{ ...request.regions[0], controlPlaneSize: '' }] })).json(),
    ).toEqual({
      error: 'region[0] controlPlaneSize is required',
    })
    expect((await post({ ...request, regions: [{ ...request.regions[0], workerSize: '' }] })).json()).toEqual(
      {
        error: 'region[0] workerSize is required when workerCount > 0',
      },
    )
    const conflict = await post(request)
    expect([conflict.status, (conflict.json() as { error: string }).error]).toEqual([
      409,
      'subdomain-conflict',
    ])
    // The name a Phase-0 failure released can be taken again.
    const again = await post({ ...request, sovereignFQDN: 'quota.omani.works', sovereignSubdomain: 'quota' })
    expect(again.status).toBe(201)
  })
})

describe('the unstamped Sovereign', () => {
  it('503 deployment-id-not-yet-stamped and the synthetic id until the cutover hands the record over', async () => {
    const live = host('live.omani.works')
    const c = await signIn(live)
    const self = await call('GET', '/api/v1/sovereign/self', { host: live })
    expect([self.status, self.json()]).toEqual([
      503,
      { error: 'deployment-id-not-yet-stamped', fqdn: 'live.omani.works' },
    ])
    expect(
      Whoami.parse((await call('GET', '/api/v1/whoami', { host: live, cookie: c })).json()).deploymentId,
    ).toBe('sovereign-live.omani.works')
    const synthetic = DeploymentState.parse(
      (await call('GET', '/api/v1/deployments/sovereign-live.omani.works', { host: live, cookie: c })).json(),
    )
    expect(synthetic).toMatchObject({
      id: 'sovereign-live.omani.works',
      status: 'ready',
      sovereignFQDN: 'live.omani.works',
    })
    // A stamped one answers its real id.
    const t126 = host('t126.omani.works')
    expect(
      SovereignSelf.parse((await call('GET', '/api/v1/sovereign/self', { host: t126 })).json()).deploymentId,
    ).toBe('a43364f11c10cde3')
  })
})

describe('kubeconfig', () => {
  const bearer = async (id: string, region = '') =>
    MockKubeconfigBearer.parse(
      (await call('GET', `/api/__mock/kubeconfig-bearer?deploymentId=${id}&region=${region}`)).json(),
    ).bearer

  it('GET per region: YAML named after the subdomain; 409 before the postback; 404 as text', async () => {
    const primary = await call('GET', `/api/v1/deployments/${READY}/kubeconfig`, { cookie })
    expect(primary.status).toBe(200)
    expect(primary.headers['content-type']).toBe('application/yaml')
    expect(primary.headers['content-disposition']).toBe('attachment; filename="acme.yaml"')
    // A credential: no browser or proxy may keep a copy (the console keeps none either: a plain call).
    expect(primary.headers['cache-control']).toBe('no-store')
    expect(primary.text).toMatch(/^apiVersion: v1\nkind: Config\n/)
    const secondary = await call('GET', `/api/v1/deployments/${READY}/kubeconfig?region=nbg1-1`, { cookie })
    expect(secondary.headers['content-disposition']).toBe('attachment; filename="acme-nbg1-1.yaml"')
    const early = await call('GET', `/api/v1/deployments/${ROLLOUT}/kubeconfig`, { cookie })
    expect([early.status, (early.json() as { error: string }).error]).toEqual([409, 'not-implemented'])
    const wiped = await call('GET', `/api/v1/deployments/${OLD}/kubeconfig`, { cookie })
    expect([wiped.status, (wiped.json() as { error: string }).error]).toEqual([
      409,
      'kubeconfig-file-missing',
    ])
    const missing = await call('GET', '/api/v1/deployments/ffffffffffffffff/kubeconfig', { cookie })
    expect([missing.status, missing.text]).toEqual([404, 'deployment not found\n'])
  })

  it('PUT with the cloud-init bearer: 401/403 in Go order, 422 for the body, 204 once, and it arms Phase 1', async () => {
    const put = (path: string, headers: Record<string, string>, body: string | Buffer = 'apiVersion: v1\n') =>
      call('PUT', path, { headers: { 'content-type': 'application/yaml', ...headers }, body })
    const path = `/api/v1/deployments/${NOKUBE}/kubeconfig`
    const token = await bearer(NOKUBE)
    const err = async (r: Promise<SocketResponse>) => {
      const res = await r
      return [res.status, (res.json() as { error: string }).error]
    }
    expect(await err(put(path, {}))).toEqual([401, 'missing-bearer'])
    expect(await err(put(`${path}?region=zz-9`, { authorization: `Bearer ${token}` }))).toEqual([
      403,
      'no-bearer-hash',
    ])
    expect(await err(put(path, { authorization: 'Bearer nope' }))).toEqual([403, 'invalid-bearer'])
    expect(await err(put(path, { authorization: `bearer ${token}` }, ''))).toEqual([422, 'empty-body'])
    expect(
      await err(put(path, { authorization: `Bearer ${token}` }, Buffer.alloc(1024 * 1024 + 1, 'a'))),
    ).toEqual([422, 'body-too-large'])
    // The primary of a kubeconfig-missing deployment: stored, but its watcher gave up long ago.
    expect((await put(path, { authorization: `Bearer ${token}` })).status).toBe(204)
    expect(await err(put(path, { authorization: `Bearer ${token}` }))).toEqual([403, 'already-set'])
    expect((await call('GET', path, { cookie })).status).toBe(200)
    expect((await put('/sovereign/api/v1/deployments/ffffffffffffffff/kubeconfig', {})).status).toBe(404)

    // Two fresh kubeconfig-missing deployments; a PUT while the watcher still waits arms Phase 1 of one.
    const [rescued, control] = [1, 2].map(() =>
      sim.createMock({ scenario: 'kubeconfig-missing', regions: ['fsn1'] }),
    )
    const bootstrap = async (id: string) =>
      JobDetail.parse(
        (await call('GET', `/api/v1/deployments/${id}/jobs/cluster-bootstrap`, { cookie })).json(),
      ).job.status
    while ((await bootstrap(rescued!.spec.id)) !== 'running')
      await call('POST', '/api/__mock/clock', json({ advanceMs: 60_000 }))
    const t = await bearer(rescued!.spec.id)
    const rescue = await put(`/sovereign/api/v1/deployments/${rescued!.spec.id}/kubeconfig`, {
      authorization: `Bearer ${t}`,
    })
    expect(rescue.status).toBe(204)
    await call('POST', '/api/__mock/clock', json({ advanceMs: 20 * 60_000 }))
    const state = async (id: string) =>
      DeploymentState.parse((await call('GET', `/api/v1/deployments/${id}`, { cookie })).json())
    const [a, b] = [await state(rescued!.spec.id), await state(control!.spec.id)]
    expect(a.status).toBe('phase1-watching')
    expect(Object.values(a.componentStates ?? {})).toContain('installed')
    expect([b.status, b.phase1Outcome]).toEqual(['failed', 'kubeconfig-missing'])
  })
})

describe('the Phase-1 watcher', () => {
  it('components/state: a live watcher has dependsOn as sibling app ids; without one the Go fallback', async () => {
    const live = ComponentsState.parse(
      (await call('GET', `/api/v1/deployments/${LIVE}/components/state`, { cookie })).json(),
    )
    expect(live.watching).toBe(true)
    expect(live.components.find((c) => c.appId === 'cert-manager')!.dependsOn).toEqual(['cilium'])
    expect(live.components.find((c) => c.appId === 'nbg1-1:cert-manager')!.dependsOn).toEqual([
      'nbg1-1:cilium',
    ])
    const raw = (await call('GET', `/api/v1/deployments/${LIVE}/components/state`, { cookie })).json() as {
      components: Record<string, unknown>[]
    }
    expect(raw.components.find((c) => c.appId === 'cilium')).not.toHaveProperty('dependsOn')
    const settled = ComponentsState.parse(
      (await call('GET', `/api/v1/deployments/${READY}/components/state`, { cookie })).json(),
    )
    expect(settled.watching).toBe(false)
    expect(settled.components.every((c) => c.message === '' && c.lastTransitionAt === undefined)).toBe(true)
  })

  it('refresh-watch: 409 without a kubeconfig, 200 while one runs, 202 for a new one, then watching', async () => {
    const refresh = (id: string) => call('POST', `/api/v1/deployments/${id}/refresh-watch`, { cookie })
    const none = await refresh(ROLLOUT)
    expect([none.status, (none.json() as { error: string }).error]).toEqual([409, 'watch-not-resumable'])
    expect(RefreshWatchResponse.parse((await refresh(LIVE)).json()).alreadyActive).toBe(true)
    const fresh = await refresh(READY)
    expect(fresh.status).toBe(202)
    expect(RefreshWatchResponse.parse(fresh.json()).seededAt).toMatch(/Z$/)
    expect((await refresh(READY)).status).toBe(200)
    const state = ComponentsState.parse(
      (await call('GET', `/api/v1/deployments/${READY}/components/state`, { cookie })).json(),
    )
    expect(state.watching).toBe(true)
    // The late poll ends after 10 minutes.
    await call('POST', '/api/__mock/clock', json({ advanceMs: 11 * 60_000 }))
    expect((await refresh(READY)).status).toBe(202)
    expect(
      (await call('POST', '/api/v1/deployments/ffffffffffffffff/refresh-watch', { cookie })).json(),
    ).toEqual({
      error: 'deployment-not-found',
    })
  })
})

describe('Day-2 infrastructure CRUD', () => {
  const infra = (path: string) => `/api/v1/deployments/${READY}/infrastructure/${path}`

  it('202 MutationResponse and a mutation-<verb>-<kind> job in day-2-mutations, visible in the jobs API', async () => {
    const res = await call('POST', infra('regions'), {
      cookie,
      ...json({ region: 'hel1', skuCP: 'cpx42', skuWorker: 'cpx32', workerCount: 2 }),
    })
    expect(res.status).toBe(202)
    const m = MutationResponse.parse(res.json())
    expect(m).toMatchObject({
      jobId: `${READY}:mutation-add-region-hel1`,
      xrcKind: 'RegionClaim',
      xrcName: 'b2c4d6e8-region-hel1',
      status: 'submitted-pending-composition',
      cascade: [],
    })
    const detail = JobDetail.parse(
      (await call('GET', `/api/v1/deployments/${READY}/jobs/mutation-add-region-hel1`, { cookie })).json(),
    )
    expect(detail.job).toMatchObject({
      appId: 'region',
      batchId: 'day-2-mutations',
      kind: 'mutation',
      status: 'succeeded',
      parentId: `${READY}:day-2-mutations`,
    })
    const lines = LogPage.parse(
      (await call('GET', `/api/v1/actions/executions/${detail.executions[0]!.id}/logs`, { cookie })).json(),
    ).lines.map((l) => l.message)
    expect(lines).toEqual([
      '[mutation-request] add-region region=hel1 sku=cpx42 workers=2 diff=+ region: hel1 +   skuCP: cpx42 +   skuWorker: cpx32 +   workerCount: 2',
      '[xrc-submitted] kind=RegionClaim name=b2c4d6e8-region-hel1 note=awaiting Crossplane Composition reconciliation',
    ])
    const { jobs } = JobList.parse(
      (await call('GET', `/api/v1/deployments/${READY}/jobs`, { cookie })).json(),
    )
    expect(jobs.find((j) => j.jobName === 'day-2-mutations')).toMatchObject({
      type: 'group',
      status: 'succeeded',
    })
    const { batches } = JobBatches.parse(
      (await call('GET', `/api/v1/deployments/${READY}/jobs/batches`, { cookie })).json(),
    )
    expect(batches.find((b) => b.batchId === 'day-2-mutations')).toMatchObject({ total: 1, succeeded: 1 })

    // The same claim again: 409, the audit job records the failed attempt as a second execution.
    const again = await call('POST', infra('regions'), {
      cookie,
      ...json({ region: 'hel1', skuCP: 'cpx42' }),
    })
    expect([again.status, (again.json() as { error: string }).error]).toEqual([409, 'xrc-name-conflict'])
    const twice = JobDetail.parse(
      (await call('GET', `/api/v1/deployments/${READY}/jobs/mutation-add-region-hel1`, { cookie })).json(),
    )
    expect(twice.executions.map((e) => e.status)).toEqual(['failed', 'succeeded'])
    expect(twice.job.status).toBe('failed')
  })

  it('every route, with the Go handlers’ refusals', async () => {
    const go = async (method: string, path: string, body?: unknown) => {
      const r = await call(method, infra(path), { cookie, ...(body !== undefined ? json(body) : {}) })
      return [
        r.status,
        r.status === 202
          ? MutationResponse.parse(r.json()).jobId.split(':')[1]
          : (r.json() as { error: string }).error,
      ]
    }
    expect(
      await go('POST', 'regions/region-fsn1/clusters', { name: 'edge', version: 'v1.31', ha: true }),
    ).toEqual([202, 'mutation-add-cluster-edge'])
    expect(await go('POST', 'clusters/c1/vclusters', { name: 'rtz-1', role: 'rtz' })).toEqual([
      202,
      'mutation-add-vcluster-rtz-1',
    ])
    expect(await go('POST', 'clusters/c1/pools', { name: 'gpu', sku: 'ccx33', desiredSize: 2 })).toEqual([
      202,
      'mutation-add-pool-gpu',
    ])
    expect(await go('PATCH', 'pools/pool-worker-fsn1', { desiredSize: 5 })).toEqual([
      202,
      'mutation-update-pool-pool-worker-fsn1',
    ])
    // A second PATCH updates the same claim in place.
    expect(await go('PATCH', 'pools/pool-worker-fsn1', { sku: 'cpx42' })).toEqual([
      202,
      'mutation-update-pool-pool-worker-fsn1',
    ])
    expect(await go('POST', 'loadbalancers', { name: 'api', region: 'fsn1', ports: '443' })).toEqual([
      202,
      'mutation-add-lb-api',
    ])
    expect(await go('POST', 'peerings', { name: 'p1', vpcFrom: 'vpc-fsn1', vpcTo: 'vpc-hel1-2' })).toEqual([
      202,
      'mutation-add-peering-p1',
    ])
    expect(
      await go('POST', 'firewalls/fw-1/rules', {
        direction: 'in',
        protocol: 'tcp',
        port: '22',
        sources: '10.0.0.0/8',
        action: 'accept',
      }),
    ).toEqual([202, 'mutation-add-firewall-rule-in-tcp-22'])
    expect(await go('POST', 'nodes/node-1/drain')).toEqual([202, 'mutation-drain-node-node-1'])
    expect(await go('POST', 'nodes/node-1/drain')).toEqual([409, 'xrc-name-conflict'])
    expect(await go('POST', 'nodes/node-1/reboot')).toEqual([400, 'unsupported-action'])
    expect(await go('POST', 'regions', {})).toEqual([400, 'region-required'])
    expect(await go('POST', 'regions', { region: 'hel1' })).toEqual([400, 'skuCP-required'])
    expect(await go('POST', 'regions', { region: 'hel1', skuCP: 'x', colour: 'red' })).toEqual([
      400,
      'invalid-body',
    ])
    expect(await go('POST', 'regions', { region: 7, skuCP: 'x' })).toEqual([400, 'invalid-body'])
    expect(await go('POST', 'clusters/c1/pools', { sku: 'x' })).toEqual([400, 'name-required'])
    expect(await go('PATCH', 'pools/pool-worker-fsn1', {})).toEqual([400, 'no-fields'])
    expect(await go('POST', 'firewalls/fw-1/rules', { port: '22' })).toEqual([
      400,
      'direction-protocol-required',
    ])
    expect(await go('DELETE', 'widgets/w-1')).toEqual([400, 'unknown-kind'])

    const del = await call('DELETE', infra('pool/pool-worker-fsn1'), { cookie })
    const removed = MutationResponse.parse(del.json())
    expect([del.status, removed.status]).toEqual([202, 'submitted-pending-composition'])
    expect(removed.cascade.map((c) => c.kind)).toEqual(['node', 'node', 'node'])
    const absent = MutationResponse.parse(
      (await call('DELETE', infra('regions/region-fsn1'), { cookie })).json(),
    )
    expect(absent.status).toBe('already-absent')
    expect(absent.cascade).toEqual([expect.objectContaining({ kind: 'regions', id: 'region-fsn1' })])

    const notFound = await call('POST', '/api/v1/deployments/ffffffffffffffff/infrastructure/regions', {
      cookie,
      ...json({ region: 'x', skuCP: 'y' }),
    })
    expect(notFound.json()).toEqual({
      error: 'deployment-not-found',
      detail: 'no deployment with id ffffffffffffffff',
    })
    const early = await call('POST', `/api/v1/deployments/${ROLLOUT}/infrastructure/regions`, {
      cookie,
      ...json({ region: 'x', skuCP: 'y' }),
    })
    expect([early.status, (early.json() as { error: string }).error]).toEqual([
      503,
      'sovereign-cluster-unreachable',
    ])
  })
})

describe('the marketplace publish toggle', () => {
  it('PATCH /sovereign/apps/{slug}/publish flips the flag GET /sovereign/apps reports', async () => {
    const t126 = host('t126.omani.works')
    const c = await signIn(t126)
    const flag = async () =>
      SovereignApps.parse(
        (await call('GET', '/api/v1/sovereign/apps', { host: t126, cookie: c })).json(),
      ).apps.find((a) => a.slug === 'grafana')!.marketplacePublished
    expect(await flag()).toBe(true)
    const r = await call('PATCH', '/api/v1/sovereign/apps/grafana/publish', {
      host: t126,
      cookie: c,
      ...json({ published: false }),
    })
    expect([r.status, (r.json() as { marketplacePublished: boolean }).marketplacePublished]).toEqual([
      200,
      false,
    ])
    expect(await flag()).toBe(false)
    expect(
      (
        await call('PATCH', '/api/v1/sovereign/apps/nope/publish', {
          host: t126,
          cookie: c,
          ...json({ published: true }),
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await call('PATCH', '/api/v1/sovereign/apps/grafana/publish', {
          host: t126,
          cookie: c,
          ...json({ published: 'yes' }),
        })
      ).status,
    ).toBe(400)
    expect(
      (
        await call('PATCH', '/api/v1/sovereign/apps/grafana/publish', {
          cookie,
          ...json({ published: true }),
        })
      ).json(),
    ).toEqual({
      error: 'not-a-sovereign',
    })
  })
})
