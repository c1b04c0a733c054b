/**
 * The k8s list (contract §2.15) over a real socket: the four kinds of the cloud lists on a converged
 * 3-region Sovereign, kubectl's names, 400 for an unknown kind, 401/404 like the other handlers, and the
 * lists growing with the lifecycle. Every 2xx body is parsed with the shared contract.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { K8sList } from '../src/contracts/k8s.ts'
import { callMock, startMockOnSocket, type MockOnSocket } from './mockOnSocket.ts'
import type { Simulator } from './sim/simulator.ts'

const EPOCH = Date.UTC(2026, 4, 14, 9, 0, 0)
const ADOPTED = 'a43364f11c10cde3'
const LIVE = 'c1d2e3f4a5b6c7d8'

let mock: MockOnSocket
let sim: Simulator
let port: number
let cookie: string

beforeAll(async () => {
  mock = await startMockOnSocket(EPOCH)
  ;({ sim, port } = mock)
})
afterAll(() => mock.close())
beforeEach(async () => {
  sim.reset()
  const r = await callMock(port, 'POST', '/api/v1/auth/test-session?tier=owner&email=ops%40omani.works')
  cookie = String(r.headers['set-cookie']).split(';')[0]!
})

const list = async (id: string, kind: string) => {
  const r = await callMock(port, 'GET', `/api/v1/sovereigns/${id}/k8s/list?kind=${kind}`, { cookie })
  expect(r.status, `${kind}: ${r.text}`).toBe(200)
  return K8sList.parse(r.json())
}

describe('GET /sovereigns/{id}/k8s/list', () => {
  it('lists services per chart per region, with the gateway as a LoadBalancer', async () => {
    const { items, count } = await list(ADOPTED, 'services')
    expect(count).toBe(items.length)
    const regions = new Set(items.map((i) => i.region))
    expect([...regions].sort()).toEqual(['fsn1', 'hel1-2', 'nbg1-1'])
    const keycloak = items.filter((i) => i.name === 'keycloak')
    expect(keycloak.length).toBe(3)
    const gw = items.filter((i) => i.kind === 'Service' && i.type === 'LoadBalancer')
    expect(gw).toHaveLength(3)
    for (const g of gw) expect(g.kind === 'Service' && g.externalIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
  })

  it('lists HTTPRoutes and Ingresses per exposed app, hosts under the region zone', async () => {
    const routes = (await list(ADOPTED, 'httproutes')).items
    const ingresses = (await list(ADOPTED, 'ingress')).items
    expect(routes.every((r) => r.kind === 'HTTPRoute')).toBe(true)
    expect(ingresses.every((r) => r.kind === 'Ingress')).toBe(true)
    const hosts = routes.flatMap((r) => (r.kind === 'HTTPRoute' ? r.hosts : []))
    expect(hosts).toContain('console.t126.omani.works')
    expect(hosts).toContain('auth.nbg1-1.t126.omani.works')
  })

  it('lists a DNS zone per FQDN and region, and StorageClasses per cluster (short names work)', async () => {
    const zones = (await list(ADOPTED, 'dnszones')).items
    expect(zones.map((z) => z.name).sort()).toEqual([
      'hel1-2.t126.omani.works',
      'nbg1-1.t126.omani.works',
      't126.omani.works',
    ])
    const sc = (await list(ADOPTED, 'sc')).items
    for (const region of ['fsn1', 'nbg1-1', 'hel1-2']) {
      const here = sc.filter((s) => s.region === region && s.kind === 'StorageClass')
      expect(here.map((s) => s.name)).toContain('hcloud-volumes')
      expect(here.filter((s) => s.kind === 'StorageClass' && s.isDefault)).toHaveLength(1)
    }
  })

  it('grows with the lifecycle: nothing before the kit installs', async () => {
    const early = (await list(LIVE, 'services')).items.length
    sim.clock.set({ advanceMs: 3 * 3600_000 })
    const later = (await list(LIVE, 'services')).items.length
    expect(later).toBeGreaterThan(early)
  })

  it('refuses an unknown kind (400), no session (401), an unknown deployment (404)', async () => {
    const bad = await callMock(port, 'GET', `/api/v1/sovereigns/${ADOPTED}/k8s/list?kind=pods`, { cookie })
    expect(bad.status).toBe(400)
    expect(bad.json()).toMatchObject({ error: 'unknown-kind' })
    expect((await callMock(port, 'GET', `/api/v1/sovereigns/${ADOPTED}/k8s/list?kind=services`)).status).toBe(
      401,
    )
    const missing = await callMock(
      port,
      'GET',
      '/api/v1/sovereigns/0000000000000000/k8s/list?kind=services',
      {
        cookie,
      },
    )
    expect(missing.status).toBe(404)
  })
})
