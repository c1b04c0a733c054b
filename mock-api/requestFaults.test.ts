/**
 * Request faults over a real socket (a lost answer after the mutation, a request never answered, both
 * cleared by reset) and the `Idempotency-Key` of `POST /deployments` they exist to test.
 */
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CreateDeploymentResponse } from '../src/contracts/deployments.ts'
import { MockFaultsResponse, MockState } from '../src/contracts/mockControl.ts'
import { callMock, startMockOnSocket, type CallOptions, type MockOnSocket } from './mockOnSocket.ts'

const EPOCH = Date.UTC(2026, 4, 14, 9, 0, 0)
const EMAIL = 'ops@new.example'
let mock: MockOnSocket
const call = (method: string, path: string, opts: CallOptions = {}) => callMock(mock.port, method, path, opts)

beforeAll(async () => {
  mock = await startMockOnSocket(EPOCH)
})
afterAll(() => mock.close())
beforeEach(async () => {
  await call('POST', '/api/__mock/reset', { body: '{}' })
})

async function signIn(): Promise<string> {
  const r = await call('POST', `/api/v1/auth/test-session?tier=operator&email=${encodeURIComponent(EMAIL)}`)
  return String(r.headers['set-cookie']).split(';')[0]!
}

const launch = (subdomain = 'fresh') => ({
  orgName: 'New Org',
  orgEmail: EMAIL,
  sovereignFQDN: `${subdomain}.omani.works`,
  sovereignDomainMode: 'pool',
  sovereignPoolDomain: 'omani.works',
  sovereignSubdomain: subdomain,
  provider: 'hetzner',
  hetznerToken: 'y'.repeat(64),
  hetznerProjectID: '4711',
  sshPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFbD9pjo37g8VfqmRx08DIxF+ahEJElOit3Vhng2hkKX catalyst',
  region: 'fsn1',
  bcpTopology: 'active-hotstandby',
  regions: ['fsn1', 'nbg1'].map((cloudRegion) => ({
    provider: 'hetzner',
    cloudRegion,
    controlPlaneSize: 'cpx42',
    workerSize: 'cpx32',
    workerCount: 2,
  })),
})

const faults = async (body: unknown) =>
  MockFaultsResponse.parse((await call('POST', '/api/__mock/faults', { body: JSON.stringify(body) })).json())

const deploymentsFor = async (fqdn: string) =>
  MockState.parse((await call('GET', '/api/__mock/state')).json()).deployments.filter(
    (d) => d.sovereignFQDN === fqdn,
  )

/** What a client sees of one request: the status line (if any) and whether the body arrived whole. */
function rawCall(
  method: string,
  path: string,
  opts: { cookie?: string; body?: string; giveUpAfterMs?: number; key?: string } = {},
): Promise<{ status?: number; complete: boolean; timedOut: boolean; closed: boolean }> {
  return new Promise((resolve) => {
    let status: number | undefined
    let settled = false
    const done = (r: { complete: boolean; timedOut: boolean; closed: boolean }) => {
      if (settled) return
      settled = true
      resolve({ status, ...r })
    }
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: mock.port,
        method,
        path,
        headers: {
          host: `localhost:${mock.port}`,
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
          ...(opts.body ? { 'content-type': 'application/json' } : {}),
          ...(opts.key ? { 'idempotency-key': opts.key } : {}),
        },
      },
      (res) => {
        status = res.statusCode
        res.on('data', () => {})
        res.on('end', () => done({ complete: res.complete, timedOut: false, closed: false }))
        res.on('error', () => done({ complete: false, timedOut: false, closed: true }))
        res.on('close', () => done({ complete: res.complete, timedOut: false, closed: true }))
      },
    )
    req.on('error', () => done({ complete: false, timedOut: false, closed: true }))
    if (opts.giveUpAfterMs) {
      setTimeout(() => {
        if (settled) return
        done({ complete: false, timedOut: true, closed: false })
        req.destroy()
      }, opts.giveUpAfterMs)
    }
    if (opts.body) req.write(opts.body)
    req.end()
  })
}

describe('dropResponseAfterMutation', () => {
  it('runs the handler, sends the status line and headers, then cuts the connection before the body', async () => {
    const cookie = await signIn()
    const armed = await faults({ dropResponseAfterMutation: { method: 'POST', path: '/api/v1/deployments' } })
    expect(armed.dropResponseAfterMutation).toEqual([{ method: 'POST', path: '/api/v1/deployments' }])
    const lost = await rawCall('POST', '/api/v1/deployments', { cookie, body: JSON.stringify(launch()) })
    expect(lost).toMatchObject({ status: 201, complete: false })
    // The mutation happened all the same.
    expect(await deploymentsFor('fresh.omani.works')).toHaveLength(1)
  })

  it('matches the mothership prefix too, and leaves other requests alone', async () => {
    const cookie = await signIn()
    await faults({ dropResponseAfterMutation: [{ method: 'POST', path: '/api/v1/deployments' }] })
    const list = await call('GET', '/api/v1/deployments', { cookie })
    expect(list.status).toBe(200)
    const lost = await rawCall('POST', '/sovereign/api/v1/deployments', {
      cookie,
      body: JSON.stringify(launch()),
    })
    expect(lost.complete).toBe(false)
    expect(await deploymentsFor('fresh.omani.works')).toHaveLength(1)
  })

  it('refuses a path outside /api/v1/', async () => {
    const r = await call('POST', '/api/__mock/faults', {
      body: JSON.stringify({ hang: { method: 'GET', path: '/api/__mock/state' } }),
    })
    expect(r.status).toBe(400)
  })
})

describe('hang', () => {
  it('never answers and runs nothing; reset closes the held request and disarms every fault', async () => {
    const cookie = await signIn()
    await faults({ hang: { method: 'POST', path: '/api/v1/deployments' } })
    const held = rawCall('POST', '/api/v1/deployments', { cookie, body: JSON.stringify(launch()) })
    const other = await call('GET', '/api/v1/deployments', { cookie })
    expect(other.status).toBe(200)
    expect(await deploymentsFor('fresh.omani.works')).toHaveLength(0)
    await call('POST', '/api/__mock/reset', { body: '{}' })
    expect(await held).toMatchObject({ status: undefined, closed: true, timedOut: false })
    expect(await faults({})).toMatchObject({ dropResponseAfterMutation: [], hang: [] })
    const cookie2 = await signIn()
    const answered = await call('POST', '/api/v1/deployments', {
      cookie: cookie2,
      body: JSON.stringify(launch()),
    })
    expect(answered.status).toBe(201)
  })

  it('stays unanswered until the client gives up; null disarms it', async () => {
    const cookie = await signIn()
    await faults({ hang: { method: 'GET', path: '/api/v1/deployments' } })
    expect(await rawCall('GET', '/api/v1/deployments', { cookie, giveUpAfterMs: 300 })).toMatchObject({
      status: undefined,
      timedOut: true,
    })
    expect((await faults({ hang: null })).hang).toEqual([])
    expect((await call('GET', '/api/v1/deployments', { cookie })).status).toBe(200)
  })
})

describe('Idempotency-Key on POST /deployments', () => {
  const post = (cookie: string, body: unknown, key?: string) =>
    call('POST', '/api/v1/deployments', {
      cookie,
      body: JSON.stringify(body),
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    })

  it('replays the first 201 for the same key and body: one deployment, however often it is sent', async () => {
    const cookie = await signIn()
    const first = await post(cookie, launch(), 'k-1')
    expect(first.status).toBe(201)
    const again = await post(cookie, launch(), 'k-1')
    expect(again.status).toBe(201)
    expect(CreateDeploymentResponse.parse(again.json())).toEqual(CreateDeploymentResponse.parse(first.json()))
    expect(await deploymentsFor('fresh.omani.works')).toHaveLength(1)
    // Without the key the same request is a new launch, refused by the first one's reservation.
    expect((await post(cookie, launch())).status).toBe(409)
  })

  it('replays after a lost answer: the retry gets the deployment the lost request created', async () => {
    const cookie = await signIn()
    await faults({ dropResponseAfterMutation: { method: 'POST', path: '/api/v1/deployments' } })
    const body = JSON.stringify(launch())
    const lost = await rawCall('POST', '/api/v1/deployments', { cookie, body, key: 'k-lost' })
    expect(lost.complete).toBe(false)
    await faults({ dropResponseAfterMutation: null })
    const [created] = await deploymentsFor('fresh.omani.works')
    const retry = await post(cookie, launch(), 'k-lost')
    expect(retry.status).toBe(201)
    expect(CreateDeploymentResponse.parse(retry.json()).id).toBe(created!.id)
    expect(await deploymentsFor('fresh.omani.works')).toHaveLength(1)
  })

  it('answers 422 for the same key with a different body, 400 for a malformed key; a refusal is not remembered', async () => {
    const cookie = await signIn()
    expect((await post(cookie, launch(), 'k-2')).status).toBe(201)
    const reused = await post(cookie, launch('other'), 'k-2')
    expect([reused.status, reused.json()]).toEqual([
      422,
      expect.objectContaining({ error: 'idempotency-key-reused' }),
    ])
    expect(await deploymentsFor('other.omani.works')).toHaveLength(0)
    expect((await post(cookie, launch('other'), 'bad key')).status).toBe(400)
    // A 409 under a key is not replayed: the key works once the name is free.
    expect((await post(cookie, launch(), 'k-3')).status).toBe(409)
    expect((await post(cookie, launch('third'), 'k-3')).status).toBe(201)
  })
})
