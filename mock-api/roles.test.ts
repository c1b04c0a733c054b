/**
 * Tiers enforced on every write route (contract §1.2, the one rule table `src/contracts/tiers.ts`): a
 * session below the action's tier gets 403 `{"error":"forbidden","detail":…}` in plain words; the tiers
 * at or above it get through to the route's own answer; nobody grants above their own tier; only an owner
 * touches the owner's UserAccess record.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { UserAccessList } from '../src/contracts/users.ts'
import { ACTION_MIN, TIERS, type Action } from '../src/contracts/tiers.ts'
import { startMockOnSocket, callMock, type CallOptions, type MockOnSocket } from './mockOnSocket.ts'
import type { Simulator } from './sim/simulator.ts'

const EPOCH = Date.UTC(2026, 4, 14, 9, 0, 0)
const LIVE = 'c1d2e3f4a5b6c7d8'
const READY = 'b2c4d6e8f0a1b3c5'

let sim: Simulator
let port: number
let mock: MockOnSocket
const call = (method: string, path: string, opts: CallOptions = {}) => callMock(port, method, path, opts)
const host = (fqdn: string) => `console.${fqdn}.localhost:${port}`
const json = (body: unknown) => ({ body: JSON.stringify(body) })

async function signIn(tier: string, h?: string): Promise<string> {
  const r = await call('POST', `/api/v1/auth/test-session?tier=${tier}&email=ops%40omani.works`, { host: h })
  return String(r.headers['set-cookie']).split(';')[0]!
}

beforeAll(async () => {
  mock = await startMockOnSocket(EPOCH)
  ;({ sim, port } = mock)
})
afterAll(() => mock.close())
beforeEach(() => sim.reset())

/** One request per guarded write route, with the action it needs. */
const ROUTES: { action: Action; method: string; path: string; body?: unknown; sovereign?: boolean }[] = [
  { action: 'deployment.launch', method: 'POST', path: '/api/v1/deployments', body: {} },
  { action: 'deployment.delete', method: 'DELETE', path: `/api/v1/deployments/${READY}` },
  { action: 'deployment.delete', method: 'POST', path: `/api/v1/deployments/${READY}/wipe`, body: {} },
  { action: 'job.retry', method: 'POST', path: `/api/v1/deployments/${LIVE}/jobs/install-cilium/retry` },
  { action: 'handover.mint', method: 'POST', path: `/api/v1/deployments/${READY}/mint-handover-token` },
  { action: 'watch.refresh', method: 'POST', path: `/api/v1/deployments/${READY}/refresh-watch` },
  {
    action: 'infrastructure.change',
    method: 'POST',
    path: `/api/v1/deployments/${READY}/infrastructure/regions`,
    body: {},
  },
  {
    action: 'infrastructure.change',
    method: 'PATCH',
    path: `/api/v1/deployments/${READY}/infrastructure/pools/x`,
    body: {},
  },
  {
    action: 'infrastructure.change',
    method: 'DELETE',
    path: `/api/v1/deployments/${READY}/infrastructure/regions/x`,
  },
  {
    action: 'userAccess.write',
    method: 'POST',
    path: '/api/v1/admin/user-access',
    body: { email: 'new@acme.io', tier: 'viewer' },
    sovereign: true,
  },
  {
    action: 'userAccess.write',
    method: 'PUT',
    path: '/api/v1/admin/user-access/sre-oncall',
    body: { spec: { user: { keycloakGroups: ['sre'] }, applications: [{ app: '*', role: 'viewer' }] } },
    sovereign: true,
  },
  {
    action: 'userAccess.write',
    method: 'DELETE',
    path: '/api/v1/admin/user-access/sre-oncall',
    sovereign: true,
  },
  {
    action: 'app.publish',
    method: 'PATCH',
    path: '/api/v1/sovereign/apps/grafana/publish',
    body: { published: false },
    sovereign: true,
  },
]

const T126 = 't126.omani.works'

describe('every guarded write route', () => {
  for (const r of ROUTES) {
    const min = ACTION_MIN[r.action]
    it(`${r.method} ${r.path}: refused below ${min}, allowed from ${min} up`, async () => {
      for (const tier of TIERS) {
        sim.reset()
        const h = r.sovereign ? host(T126) : undefined
        const cookie = await signIn(tier, h)
        const res = await call(r.method, r.path, { host: h, cookie, ...(r.body ? json(r.body) : {}) })
        if (TIERS.indexOf(tier) < TIERS.indexOf(min)) {
          expect(res.status, tier).toBe(403)
          expect(res.json()).toEqual({
            error: 'forbidden',
            detail: expect.stringContaining(`Your role (${tier}) cannot`),
          })
        } else {
          expect(res.status, tier).not.toBe(403)
          expect(res.status, tier).toBeLessThan(500)
        }
      }
    })
  }

  it('a viewer cannot grant admin nor delete the owner record (the issue as reported)', async () => {
    const h = host(T126)
    const viewer = await signIn('viewer', h)
    const grant = await call('POST', '/api/v1/admin/user-access', {
      host: h,
      cookie: viewer,
      ...json({ email: 'mallory@evil.example', tier: 'admin' }),
    })
    expect(grant.status).toBe(403)
    expect(grant.json()).toMatchObject({
      detail: 'Your role (viewer) cannot change user access: it needs an admin or above.',
    })
    const owner = await signIn('owner', h)
    const list = UserAccessList.parse(
      (await call('GET', '/api/v1/admin/user-access', { host: h, cookie: owner })).json(),
    )
    const ownerRecord = list.items.find((u) => u.name.startsWith('useraccess-owner-'))!
    expect(ownerRecord).toBeDefined()
    const del = await call('DELETE', `/api/v1/admin/user-access/${ownerRecord.name}`, {
      host: h,
      cookie: viewer,
    })
    expect(del.status).toBe(403)
  })

  it('an admin grants up to admin, never owner', async () => {
    const h = host(T126)
    const admin = await signIn('admin', h)
    const grant = (tier: string, email: string) =>
      call('POST', '/api/v1/admin/user-access', { host: h, cookie: admin, ...json({ email, tier }) })
    expect((await grant('admin', 'peer@acme.io')).status).toBe(201)
    const above = await grant('owner', 'boss@acme.io')
    expect(above.status).toBe(403)
    expect(above.json()).toEqual({
      error: 'forbidden',
      detail: 'Your role (admin) cannot grant owner: nobody grants a tier above their own.',
    })
    expect((await grant('emperor', 'x@acme.io')).status).toBe(400)
  })

  it("only an owner changes or removes the owner's record", async () => {
    const h = host(T126)
    const owner = await signIn('owner', h)
    const admin = await signIn('admin', h)
    const list = UserAccessList.parse(
      (await call('GET', '/api/v1/admin/user-access', { host: h, cookie: owner })).json(),
    )
    const name = list.items.find((u) => u.name.startsWith('useraccess-owner-'))!.name
    const spec = {
      spec: { user: { keycloakSubject: 'x@acme.io' }, applications: [{ app: '*', role: 'viewer' }] },
    }
    const put = await call('PUT', `/api/v1/admin/user-access/${name}`, {
      host: h,
      cookie: admin,
      ...json(spec),
    })
    expect(put.status).toBe(403)
    expect(put.json()).toMatchObject({
      detail: "Your role (admin) cannot change the owner's access: only the owner can.",
    })
    expect(
      (await call('DELETE', `/api/v1/admin/user-access/${name}`, { host: h, cookie: admin })).status,
    ).toBe(403)
    const forged = await call('POST', '/api/v1/admin/user-access', {
      host: h,
      cookie: admin,
      ...json({ name: 'useraccess-owner-mallory', ...spec }),
    })
    expect(forged.status).toBe(403)
    expect(
      (await call('DELETE', `/api/v1/admin/user-access/${name}`, { host: h, cookie: owner })).status,
    ).toBe(204)
  })

  it("cloud-init's kubeconfig PUT (bearer, no session) is not tier-gated; a viewer's browser session is", async () => {
    const viewer = await signIn('viewer')
    const withViewer = await call('PUT', `/api/v1/deployments/${READY}/kubeconfig`, {
      cookie: viewer,
      headers: { authorization: 'Bearer nope', 'content-type': 'application/yaml' },
      body: 'apiVersion: v1',
    })
    expect(withViewer.status).toBe(403)
    expect(withViewer.json()).toMatchObject({ error: 'forbidden' })
    const machine = await call('PUT', `/api/v1/deployments/${READY}/kubeconfig`, {
      headers: { authorization: 'Bearer nope', 'content-type': 'application/yaml' },
      body: 'apiVersion: v1',
    })
    // The bearer decides (a wrong one is refused as such), not a tier.
    expect(machine.json()).not.toMatchObject({ error: 'forbidden' })
  })
})
