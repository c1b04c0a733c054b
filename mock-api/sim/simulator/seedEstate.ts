/**
 * The default estate, out of `simulator.ts` (issue 14: files under ~450 lines; mostly data): which
 * deployments `Simulator.reset()` seeds and where "now" sits in each one's life.
 */
import type { ScenarioName } from '../../../src/contracts/mockControl.ts'
import { hashString } from '../rng.ts'
import {
  computeTimeline,
  regionPlans,
  type DeploymentSpec,
  type Mutations,
  type Timeline,
} from '../timeline/index.ts'
import { ownerRecord, seededTeam } from '../userAccess.ts'
import type { Simulator } from '../simulator.ts'
import { syntheticRequest } from './syntheticRequest.ts'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

interface EstateEntry {
  id: string
  fqdn: string
  owner: string
  org: string
  scenario: ScenarioName
  regions: string[]
  /** Where "now" sits in this deployment's life. */
  at: (tl: Timeline) => number
  adopt?: (tl: Timeline) => number
  wipe?: (tl: Timeline) => number
  failChart?: string
}

const readyAt = (tl: Timeline) => tl.statusChanges.find((c) => c.status === 'ready')!.at
const failedAt = (tl: Timeline) => tl.statusChanges.find((c) => c.status === 'failed')!.at
const watchAt = (tl: Timeline) => tl.watchStart.get(tl.spec.regions[0]!.key)!

/**
 * The default estate (documented in mock-api/README.md): every status an operator meets, single- and
 * multi-region, owners and ages varied. Timelines are computed from t = 0 and shifted so that "now" lands
 * at the chosen point of each life.
 */
const ESTATE: EstateEntry[] = [
  {
    id: 'a43364f11c10cde3',
    fqdn: 't126.omani.works',
    owner: 'ops@omani.works',
    org: 'Omani Works',
    scenario: 'healthy',
    regions: ['fsn1', 'nbg1', 'hel1'],
    at: (tl) => tl.handoverFiredAt! + 9 * DAY,
    adopt: (tl) => tl.handoverFiredAt! + 25 * MIN,
  },
  {
    id: 'b2c4d6e8f0a1b3c5',
    fqdn: 'acme.omani.works',
    owner: 'alice@acme.io',
    org: 'Acme Logistics',
    scenario: 'healthy',
    regions: ['fsn1', 'nbg1', 'hel1'],
    at: (tl) => tl.handoverFiredAt! + 2 * DAY + 3 * HOUR,
  },
  {
    id: 'c1d2e3f4a5b6c7d8',
    fqdn: 'live.omani.works',
    owner: 'ops@omani.works',
    org: 'Omani Works',
    scenario: 'healthy',
    regions: ['fsn1', 'nbg1', 'sin'],
    at: (tl) => watchAt(tl) + 0.35 * (readyAt(tl) - watchAt(tl)),
  },
  {
    id: 'd4e5f6a7b8c9d0e1',
    fqdn: 'rollout.omani.works',
    owner: 'bob@northwind.eu',
    org: 'Northwind Traders',
    scenario: 'healthy',
    regions: ['hel1', 'fsn1'],
    at: (tl) => {
      const a = tl.byName.get('tofu-apply')!.attempts[0]!
      return a.start + 0.4 * (a.end - a.start)
    },
  },
  {
    id: 'e5f6a7b8c9d0e1f2',
    fqdn: 'quota.omani.works',
    owner: 'carol@finlab.de',
    org: 'FinLab GmbH',
    scenario: 'failing-tofu-apply',
    regions: ['nbg1'],
    at: (tl) => failedAt(tl) + 26 * HOUR,
  },
  {
    id: 'f6a7b8c9d0e1f2a3',
    fqdn: 'harbor-fail.omani.works',
    owner: 'ops@omani.works',
    org: 'Omani Works',
    scenario: 'failing-chart',
    regions: ['fsn1', 'nbg1', 'hel1'],
    at: (tl) => failedAt(tl) + 6 * HOUR,
  },
  {
    id: '0a1b2c3d4e5f6a7b',
    fqdn: 'edge.northwind.eu',
    owner: 'bob@northwind.eu',
    org: 'Northwind Traders',
    scenario: 'secondary-degraded',
    regions: ['fsn1', 'nbg1', 'hel1'],
    at: (tl) => tl.handoverFiredAt! + 1 * DAY,
  },
  {
    id: '1b2c3d4e5f6a7b8c',
    fqdn: 'old.omani.works',
    owner: 'alice@acme.io',
    org: 'Acme Logistics',
    scenario: 'healthy',
    regions: ['fsn1', 'hel1'],
    at: (tl) => tl.handoverFiredAt! + 12 * DAY,
    wipe: (tl) => tl.handoverFiredAt! + 10 * DAY,
  },
  {
    id: '2c3d4e5f6a7b8c9d',
    fqdn: 'solo.omani.works',
    owner: 'dave@solo.dev',
    org: 'Solo Dev',
    scenario: 'healthy',
    regions: ['fsn1'],
    at: (tl) => tl.handoverFiredAt! + 5 * DAY,
  },
  {
    id: '3d4e5f6a7b8c9d0e',
    fqdn: 'stuck.omani.works',
    owner: 'carol@finlab.de',
    org: 'FinLab GmbH',
    scenario: 'flux-not-reconciling',
    regions: ['nbg1', 'fsn1'],
    at: (tl) => tl.byName.get('cluster-bootstrap')!.attempts[0]!.start + 40 * MIN,
  },
  {
    id: '4e5f6a7b8c9d0e1f',
    fqdn: 'nokube.omani.works',
    owner: 'dave@solo.dev',
    org: 'Solo Dev',
    scenario: 'kubeconfig-missing',
    regions: ['hel1'],
    at: (tl) => failedAt(tl) + 3 * DAY,
  },
]

export function seedEstate(sim: Simulator): void {
  const now = sim.now()
  for (const e of ESTATE) {
    const request = syntheticRequest(e.fqdn, e.owner, e.regions, e.org)
    const base: DeploymentSpec = {
      id: e.id,
      createdAt: 0,
      seed: hashString(e.id),
      scenario: e.scenario,
      request,
      ownerEmail: e.owner,
      regions: regionPlans(request),
      failChart: e.failChart,
      extraChartsPerRegion: 0,
      extraPods: 0,
    }
    const empty: Mutations = { retries: new Map(), logFloods: [] }
    const probe = computeTimeline(base, empty)
    const createdAt = Math.floor(now - e.at(probe))
    const rec = sim.insert({ ...base, createdAt })
    if (e.wipe) {
      const at = createdAt + e.wipe(probe)
      rec.mut.wipe = { requestedAt: at, wipedAt: at + 2 * MIN }
    }
    if (e.adopt) rec.mut.adoptedAt = createdAt + e.adopt(probe)
    rec.version++
    const status = sim.status(rec)
    const fqdn = e.fqdn
    if (status === 'ready' || status === 'adopted') {
      const tl = sim.timeline(rec)
      const handedAt = (tl.handoverFiredAt ?? createdAt) + 20 * MIN
      sim.userAccess.set(e.id, [ownerRecord(e.owner, fqdn, handedAt), ...seededTeam(fqdn, handedAt)])
    }
  }
}
