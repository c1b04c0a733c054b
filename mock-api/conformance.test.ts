/**
 * Conformance, first leg: over a real socket the mock answers every endpoint in exactly the shapes of the
 * golden wire samples (`src/contracts/golden/`, written from the upstream Go structs and the contract):
 * every object it sends has the key set and types of a sample at that place, every sample the mock is
 * meant to produce is produced, timestamps have Go's formats, and each request gets its real status code.
 * A field added, dropped or retyped on either side fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEPLOYMENTS_GOLDEN } from '../src/contracts/golden/deployments.golden.ts'
import type { GoldenTable } from '../src/contracts/golden/golden.ts'
import { INFRASTRUCTURE_GOLDEN } from '../src/contracts/golden/infrastructure.golden.ts'
import { JOBS_GOLDEN } from '../src/contracts/golden/jobs.golden.ts'
import { shapeMismatches, valuesAt } from '../src/contracts/golden/shape.ts'
import { WIZARD_GOLDEN } from '../src/contracts/golden/wizard.golden.ts'
import { JobList } from '../src/contracts/jobs.ts'
import { expectedInstallEdges, loadKitCharts, type KitRegion } from '../e2e/kitEdges.ts'
import { startMockOnSocket, callMock, type CallOptions, type MockOnSocket } from './mockOnSocket.ts'
import type { Simulator } from './sim/simulator.ts'

const EPOCH = Date.UTC(2026, 4, 14, 9, 0, 0)
const LIVE = 'c1d2e3f4a5b6c7d8'
const READY = 'b2c4d6e8f0a1b3c5'
const ADOPTED = 'a43364f11c10cde3'
const ROLLOUT = 'd4e5f6a7b8c9d0e1'
const QUOTA = 'e5f6a7b8c9d0e1f2'
const HARBOR = 'f6a7b8c9d0e1f2a3'

let sim: Simulator
let port: number

const call = (method: string, path: string, opts: CallOptions = {}) => callMock(port, method, path, opts)

async function signIn(host?: string, email = 'ops@omani.works'): Promise<string> {
  const r = await call('POST', `/api/v1/auth/test-session?tier=owner&email=${encodeURIComponent(email)}`, {
    host,
  })
  return String(r.headers['set-cookie']).split(';')[0]!
}

const sovereignHost = (fqdn: string) => `console.${fqdn}.localhost:${port}`

/** One request of the plan: what to ask, and the status the real backend answers it with. */
interface Probe {
  method: string
  path: string
  status: number
  body?: unknown
  host?: string
}

const PUBLIC = new Set(['POST /subdomains/check', 'POST /credentials/validate', 'POST /sshkey/generate'])

/** Which requests exercise each golden table (the ones that make every sample appear). */
function plan(): Record<string, Probe[]> {
  const dep = (id: string) => `/api/v1/deployments/${id}`
  const t126 = sovereignHost('t126.omani.works')
  const liveHost = sovereignHost('live.omani.works')
  return {
    'GET /deployments/{id}/jobs': [
      { method: 'GET', path: `${dep(LIVE)}/jobs`, status: 200 },
      // After the Day-2 requests below: the audit jobs and their group.
      { method: 'GET', path: `${dep(READY)}/jobs`, status: 200 },
    ],
    'GET /deployments/{id}/jobs/{jobId}': [
      { method: 'GET', path: `${dep(LIVE)}/jobs/install-cilium`, status: 200 },
      { method: 'GET', path: `${dep(LIVE)}/jobs/install-cert-manager`, status: 200 },
      { method: 'GET', path: `${dep(LIVE)}/jobs/install-nbg1-1%3Acert-manager`, status: 200 },
      // The full id, raw and %3A-encoded: the same answer.
      { method: 'GET', path: `${dep(LIVE)}/jobs/${LIVE}:install-cilium`, status: 200 },
      { method: 'GET', path: `${dep(LIVE)}/jobs/${LIVE}%3Ainstall-nbg1-1%3Acilium`, status: 200 },
      { method: 'GET', path: `${dep(LIVE)}/jobs/install-nbg1-1%3Anewapi`, status: 200 },
      { method: 'GET', path: `${dep(LIVE)}/jobs/install-catalyst-platform`, status: 200 },
    ],
    'GET /deployments/{id}/jobs/batches': [
      { method: 'GET', path: `${dep(LIVE)}/jobs/batches`, status: 200 },
      { method: 'GET', path: `${dep(HARBOR)}/jobs/batches`, status: 200 },
    ],
    'GET /actions/executions/{execId}/logs': [], // filled from the job detail at run time
    'GET /deployments/{id}': [
      { method: 'GET', path: dep(ROLLOUT), status: 200 },
      { method: 'GET', path: dep(LIVE), status: 200 },
      { method: 'GET', path: dep(READY), status: 200 },
      { method: 'GET', path: dep(ADOPTED), status: 200 },
      { method: 'GET', path: dep(QUOTA), status: 200 },
      { method: 'GET', path: dep(HARBOR), status: 200 },
      { method: 'GET', path: dep('sovereign-live.omani.works'), status: 200, host: liveHost },
    ],
    'POST /deployments': [
      {
        method: 'POST',
        path: '/api/v1/deployments',
        status: 201,
        body: {
          orgName: 'Nova Space',
          orgEmail: 'ops@omani.works',
          sovereignFQDN: 'nova.omani.works',
          sovereignDomainMode: 'pool',
          sovereignPoolDomain: 'omani.works',
          sovereignSubdomain: 'nova',
          hetznerToken: 'T'.repeat(64),
          hetznerProjectID: '4711',
          sshPublicKey:
            'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFbD9pjo37g8VfqmRx08DIxF+ahEJElOit3Vhng2hkKX catalyst',
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
        },
      },
    ],
    'GET /deployments/{id}/components/state': [
      { method: 'GET', path: `${dep(LIVE)}/components/state`, status: 200 },
      { method: 'GET', path: `${dep(HARBOR)}/components/state`, status: 200 },
    ],
    'POST /deployments/{id}/refresh-watch': [
      { method: 'POST', path: `${dep(LIVE)}/refresh-watch`, status: 200 },
      { method: 'POST', path: `${dep(ADOPTED)}/refresh-watch`, status: 202 },
    ],
    'GET /deployments/{id}/infrastructure/topology': [
      { method: 'GET', path: `${dep(READY)}/infrastructure/topology`, status: 200 },
      { method: 'GET', path: `${dep(ROLLOUT)}/infrastructure/topology`, status: 200 },
    ],
    'GET /deployments/{id}/infrastructure/compute': [
      { method: 'GET', path: `${dep(READY)}/infrastructure/compute`, status: 200 },
    ],
    'GET /deployments/{id}/infrastructure/storage': [
      { method: 'GET', path: `${dep(READY)}/infrastructure/storage`, status: 200 },
      { method: 'GET', path: `${dep(ROLLOUT)}/infrastructure/storage`, status: 200 },
    ],
    'GET /deployments/{id}/infrastructure/network': [
      { method: 'GET', path: `${dep(READY)}/infrastructure/network`, status: 200 },
      { method: 'GET', path: `${dep(ROLLOUT)}/infrastructure/network`, status: 200 },
    ],
    'POST|PATCH|DELETE /deployments/{id}/infrastructure/…': [
      {
        method: 'POST',
        path: `${dep(READY)}/infrastructure/regions`,
        status: 202,
        body: { region: 'hel1', skuCP: 'cpx42', skuWorker: 'cpx32', workerCount: 2 },
      },
      {
        method: 'PATCH',
        path: `${dep(READY)}/infrastructure/pools/pool-worker-fsn1`,
        status: 202,
        body: { desiredSize: 5 },
      },
      { method: 'DELETE', path: `${dep(READY)}/infrastructure/pool/pool-worker-fsn1`, status: 202 },
    ],
    'POST /subdomains/check': [
      {
        method: 'POST',
        path: '/api/v1/subdomains/check',
        status: 200,
        body: { subdomain: 'orbit', poolDomain: 'omani.works' },
      },
      {
        method: 'POST',
        path: '/api/v1/subdomains/check',
        status: 200,
        body: { subdomain: '1abc', poolDomain: 'omani.works' },
      },
      {
        method: 'POST',
        path: '/api/v1/subdomains/check',
        status: 200,
        body: { subdomain: 'www', poolDomain: 'omani.works' },
      },
      {
        method: 'POST',
        path: '/api/v1/subdomains/check',
        status: 200,
        body: { subdomain: 'acme', poolDomain: 'omani.works' },
      },
      {
        method: 'POST',
        path: '/api/v1/subdomains/check',
        status: 200,
        body: { subdomain: 'edge', poolDomain: 'northwind.eu' },
      },
    ],
    'POST /credentials/validate': [
      { method: 'POST', path: '/api/v1/credentials/validate', status: 200, body: { token: 'A1'.repeat(32) } },
      { method: 'POST', path: '/api/v1/credentials/validate', status: 200, body: { token: '-'.repeat(64) } },
      { method: 'POST', path: '/api/v1/credentials/validate', status: 400, body: { token: 'short' } },
    ],
    'POST /sshkey/generate': [
      { method: 'POST', path: '/api/v1/sshkey/generate', status: 200, body: { fqdn: 'nova.omani.works' } },
    ],
    'POST /registrar/{registrar}/validate': [
      {
        method: 'POST',
        path: '/api/v1/registrar/cloudflare/validate',
        status: 200,
        body: { domain: 'northwind.eu', token: 'cf-token-0123456789abcdef' },
      },
    ],
    'GET /sovereign/self': [{ method: 'GET', path: '/api/v1/sovereign/self', status: 200, host: t126 }],
    'PATCH /sovereign/apps/{slug}/publish': [
      {
        method: 'PATCH',
        path: '/api/v1/sovereign/apps/grafana/publish',
        status: 200,
        host: t126,
        body: { published: false },
      },
    ],
    'JSON error bodies': [
      { method: 'GET', path: `${dep(LIVE)}/jobs/install-nope`, status: 404 },
      { method: 'GET', path: '/api/v1/actions/executions/deadbeef/logs', status: 404 },
      { method: 'GET', path: `${dep('ffffffffffffffff')}/infrastructure/topology`, status: 404 },
      { method: 'GET', path: '/api/v1/sovereign/self', status: 503, host: liveHost },
      {
        method: 'POST',
        path: '/api/v1/registrar/cloudflare/validate',
        status: 401,
        body: { domain: 'northwind.eu', token: 'short' },
      },
      // The wiping deployment made in the test: its cluster no longer answers the new watcher.
      { method: 'POST', path: `${dep('WIPING')}/refresh-watch`, status: 504 },
    ],
  }
}

const TABLES: GoldenTable[] = [
  ...JOBS_GOLDEN,
  ...DEPLOYMENTS_GOLDEN,
  ...INFRASTRUCTURE_GOLDEN,
  ...WIZARD_GOLDEN,
]

let mock: MockOnSocket
beforeAll(async () => {
  mock = await startMockOnSocket(EPOCH)
  ;({ sim, port } = mock)
})

afterAll(() => mock.close())

describe('the mock answers in the golden shapes (real socket)', () => {
  const bodies = new Map<string, unknown[]>()

  beforeAll(async () => {
    const cookie = await signIn()
    const cookies = new Map<string | undefined, string>([[undefined, cookie]])
    // A Sovereign being wiped (for the 504 of refresh-watch).
    const wiping = sim.createMock({ scenario: 'healthy', regions: ['fsn1'], ageMs: 3 * 3_600_000 })
    sim.beginWipe(wiping, true)
    const steps = plan()
    // Execution logs: a finished page, and the end of a running execution.
    const detail = JSON.parse(
      (await call('GET', `/api/v1/deployments/${LIVE}/jobs/install-cilium`, { cookie })).text,
    )
    const running = JSON.parse(
      (await call('GET', `/api/v1/deployments/${LIVE}/jobs/install-nbg1-1%3Anewapi`, { cookie })).text,
    )
    steps['GET /actions/executions/{execId}/logs'] = [
      {
        method: 'GET',
        path: `/api/v1/actions/executions/${detail.executions[0].id}/logs?fromLine=1&limit=4`,
        status: 200,
      },
      {
        method: 'GET',
        path: `/api/v1/actions/executions/${detail.executions[0].id}/logs?fromLine=0&limit=0`,
        status: 200,
      },
      {
        method: 'GET',
        path: `/api/v1/actions/executions/${running.executions[0].id}/logs?fromLine=999`,
        status: 200,
      },
    ]
    // Day-2 first, so the jobs list of READY carries its audit jobs.
    const order = Object.keys(steps).sort(
      (a, b) => Number(b.includes('infrastructure/…')) - Number(a.includes('infrastructure/…')),
    )
    for (const endpoint of order) {
      const out: unknown[] = []
      for (const p of steps[endpoint]!) {
        const host = p.host
        if (!cookies.has(host)) cookies.set(host, await signIn(host))
        const path = p.path.replace('WIPING', wiping.spec.id)
        const res = await call(p.method, path, {
          host,
          cookie: PUBLIC.has(endpoint) ? undefined : cookies.get(host),
          ...(p.body !== undefined ? { body: JSON.stringify(p.body) } : {}),
        })
        expect(res.status, `${p.method} ${path}: ${res.text.slice(0, 300)}`).toBe(p.status)
        out.push(JSON.parse(res.text))
      }
      bodies.set(endpoint, out)
    }
  }, 60_000)

  it.each(TABLES.map((t) => [t.endpoint, t] as const))('%s', (endpoint, table) => {
    const actual = bodies.get(endpoint)
    expect(actual, 'the plan covers this endpoint').toBeDefined()
    const samples = table.cases.map((c) => c.wire)
    const opts = { maps: table.maps ?? [] }
    // Everything the mock sends has the shape of a sample…
    for (const body of actual!)
      expect(shapeMismatches(body, samples, opts), JSON.stringify(body).slice(0, 200)).toEqual([])
    // …and every sample it is meant to produce, it produces.
    for (const c of table.cases.filter((x) => x.mock !== false))
      expect(shapeMismatches(c.wire, actual!, opts), `golden "${c.name}" not produced`).toEqual([])
    // Timestamps as Go writes them.
    for (const [path, format] of Object.entries(table.formats ?? {}))
      for (const v of actual!.flatMap((b) => valuesAt(b, path)))
        if (v !== null && v !== '0001-01-01T00:00:00Z') expect(v, path).toMatch(format)
  })
})

describe('each region keeps its own dependency edges, as the bootstrap-kit fixture declares them', () => {
  const three: KitRegion[] = [
    { key: 'fsn1', primary: true },
    { key: 'nbg1-1', primary: false },
    { key: 'hel1-2', primary: false },
  ]

  /** The install jobs of a run on the wire: job name → sorted dependency job names (deployment prefix off). */
  async function installEdges(id: string): Promise<Map<string, string[]>> {
    const res = await call('GET', `/api/v1/deployments/${id}/jobs`, { cookie: await signIn() })
    expect(res.status).toBe(200)
    const bare = (ref: string) => (ref.startsWith(`${id}:`) ? ref.slice(id.length + 1) : ref)
    const jobs = JobList.parse(JSON.parse(res.text)).jobs
    return new Map(
      jobs
        .filter((j) => j.jobName.startsWith('install-'))
        .map((j) => [j.jobName, j.dependsOn.map(bare).sort()] as const),
    )
  }

  it.each([
    ['the adopted Sovereign', ADOPTED, three],
    ['a failed run (harbor)', HARBOR, three],
    [
      'a run still installing',
      LIVE,
      [three[0]!, three[1]!, { key: 'sin-2', primary: false }] satisfies KitRegion[],
    ],
  ])('%s', async (_name, id, regions) => {
    const expected = expectedInstallEdges(loadKitCharts(), regions, 'hetzner')
    // Every chart of every region, each depending on exactly its own region's jobs: a dropped, added or
    // cross-region edge (nbg1-1:grafana waiting on the primary's cnpg) fails here.
    expect(Object.fromEntries(await installEdges(id))).toEqual(Object.fromEntries(expected))
  })

  it('a new four-region run: keys by request index, the primary-only chart on the primary alone', async () => {
    const created = sim.createMock({
      scenario: 'healthy',
      regions: ['fsn1', 'nbg1', 'hel1', 'sin'],
      ageMs: 3 * 3_600_000,
    })
    const regions: KitRegion[] = [...three, { key: 'sin-3', primary: false }]
    const expected = expectedInstallEdges(loadKitCharts(), regions, 'hetzner')
    const actual = await installEdges(created.spec.id)
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected))
    expect([...actual.keys()].filter((n) => n.endsWith(':openova-flow-server'))).toEqual([])
    expect(actual.has('install-openova-flow-server')).toBe(true)
  })
})
