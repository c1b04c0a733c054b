/**
 * Golden wire samples of a deployment's record and its Phase-1 watcher. Upstream: `internal/handler/
 * deployments.go` (`State()`: startedAt/finishedAt formatted with time.RFC3339, finishedAt always present and
 * null until terminal; componentStates only when non-empty; result = provisioner.Result), `internal/
 * provisioner/provisioner.go` (Result: its `*time.Time` fields are RFC3339Nano), `internal/handler/
 * jobs_backfill.go` + `internal/helmwatch/helmwatch.go` (components/state, refresh-watch). May fields
 * (lifted copies, regions, handover, adoptedAt…) from contract §3.1 / contract §3.3.
 */
import {
  ComponentsState,
  CreateDeploymentResponse,
  DeploymentState,
  RefreshWatchResponse,
} from '../deployments.ts'
import type { GoldenTable } from './golden.ts'
import { RFC3339, RFC3339_NANO, type Json } from './shape.ts'

const region = (key: string, primary: boolean, ready: number, total: number, joined: number) => ({
  region: key,
  primary,
  hrReady: ready,
  hrTotal: total,
  degraded: false,
  nodesRequested: primary ? 4 : 3,
  nodesJoined: joined,
})

/** Fields every record carries (the May handler's State, contract §3.1). */
const BASE = {
  id: 'c1d2e3f4a5b6c7d8',
  sovereignFQDN: 'live.omani.works',
  region: 'fsn1',
  numEvents: 803,
  ownerEmail: 'ops@omani.works',
  controlPlaneSize: 'cpx42',
  storageClass: 'hcloud-volumes',
  sovereignPoolDomain: 'omani.works',
  sovereignSubdomain: 'live',
  sovereignDomainMode: 'pool',
  regionControlPlaneSizes: ['cpx42', 'cpx42', 'cpx42'],
  orgName: 'Omani Works',
  orgEmail: 'ops@omani.works',
  openovaFlowEnabled: true,
  operationInProgress: false,
}

/** Phase 0 still running: no result fields beyond the FQDN, no component states (omitempty). */
export const STATE_PROVISIONING = {
  ...BASE,
  id: 'd4e5f6a7b8c9d0e1',
  status: 'provisioning',
  startedAt: '2026-05-14T08:56:37Z',
  finishedAt: null,
  regionControlPlaneSizes: ['cpx42', 'cpx42'],
  result: {
    sovereignFQDN: 'live.omani.works',
    materializedRegions: [],
    regions: [region('hel1', true, 0, 0, 0), region('fsn1-1', false, 0, 0, 0)],
    secondaryDegraded: false,
  },
  materializedRegions: [],
  regions: [region('hel1', true, 0, 0, 0), region('fsn1-1', false, 0, 0, 0)],
  secondaryDegraded: false,
}

const RESULT_PHASE0 = {
  sovereignFQDN: 'live.omani.works',
  controlPlaneIP: '116.203.218.117',
  loadBalancerIP: '49.12.235.72',
  consoleURL: 'https://console.live.omani.works',
  gitopsRepoURL: 'https://gitea.live.omani.works/catalyst/sovereign.git',
  kubeconfigPath: '/var/lib/catalyst/kubeconfigs/c1d2e3f4a5b6c7d8.yaml',
}

/** Phase 1 under way: `finishedAt: null` (the key is there), whole-second startedAt. */
export const STATE_WATCHING = {
  ...BASE,
  status: 'phase1-watching',
  startedAt: '2026-05-14T08:39:51Z',
  finishedAt: null,
  result: {
    ...RESULT_PHASE0,
    componentStates: { cilium: 'installed', 'nbg1-1:cilium': 'installing', gitea: 'pending' },
    phase1Substate: 'watcher-watching',
    materializedRegions: ['fsn1', 'nbg1-1', 'sin-2'],
    regions: [region('fsn1', true, 30, 45, 4), region('nbg1-1', false, 22, 44, 3)],
    secondaryDegraded: false,
  },
  componentStates: { cilium: 'installed', 'nbg1-1:cilium': 'installing', gitea: 'pending' },
  phase1Substate: 'watcher-watching',
  materializedRegions: ['fsn1', 'nbg1-1', 'sin-2'],
  regions: [region('fsn1', true, 30, 45, 4), region('nbg1-1', false, 22, 44, 3)],
  secondaryDegraded: false,
}

/** Ready, handover fired: result times are RFC3339Nano, the lifted copies whole seconds. */
export const STATE_READY = {
  ...BASE,
  status: 'ready',
  startedAt: '2026-05-12T05:17:11Z',
  finishedAt: '2026-05-12T05:51:25Z',
  result: {
    ...RESULT_PHASE0,
    componentStates: { cilium: 'installed', 'nbg1-1:cilium': 'installed' },
    phase1Outcome: 'ready',
    phase1FinishedAt: '2026-05-12T05:51:25.023Z',
    handoverFiredAt: '2026-05-12T06:00:03.407Z',
    handoverURL: 'https://console.live.omani.works/auth/handover?token=eyJhbGciOiJSUzI1NiJ9.e30.c2ln',
    materializedRegions: ['fsn1', 'nbg1-1'],
    regions: [region('fsn1', true, 45, 45, 4), region('nbg1-1', false, 44, 44, 3)],
    secondaryDegraded: false,
  },
  componentStates: { cilium: 'installed', 'nbg1-1:cilium': 'installed' },
  phase1Outcome: 'ready',
  phase1FinishedAt: '2026-05-12T05:51:25Z',
  materializedRegions: ['fsn1', 'nbg1-1'],
  handoverURL: 'https://console.live.omani.works/auth/handover?token=eyJhbGciOiJSUzI1NiJ9.e30.c2ln',
  handoverFiredAt: '2026-05-12T06:00:03Z',
  regions: [region('fsn1', true, 45, 45, 4), region('nbg1-1', false, 44, 44, 3)],
  secondaryDegraded: false,
}

/** Adopted by the customer: no live handover link any more, `adoptedAt` set. */
export const STATE_ADOPTED = (() => {
  const { handoverURL: _drop, ...rest } = STATE_READY
  const { handoverURL: _dropToo, ...result } = STATE_READY.result
  return { ...rest, status: 'adopted', result, adoptedAt: '2026-05-12T06:25:00Z' }
})()

/** Phase 0 failed: `error` text, no Phase-1 fields. */
export const STATE_FAILED_PHASE0 = {
  ...STATE_PROVISIONING,
  status: 'failed',
  startedAt: '2026-05-13T06:58:28Z',
  finishedAt: '2026-05-13T07:00:00Z',
  error: 'tofu apply: resource_limit_exceeded: server limit reached for project (limit: 10)',
}

/** Phase 1 failed: outcome `failed`, the error text, component states kept. */
export const STATE_FAILED_PHASE1 = (() => {
  const { handoverURL: _a, handoverFiredAt: _b, ...rest } = STATE_READY
  const { handoverURL: _c, handoverFiredAt: _d, ...result } = STATE_READY.result
  return {
    ...rest,
    status: 'failed',
    error: 'Phase 1 failed: one or more HelmReleases failed to install',
    phase1Outcome: 'failed',
    result: { ...result, phase1Outcome: 'failed', componentStates: { harbor: 'failed' } },
    componentStates: { harbor: 'failed' },
  }
})()

/**
 * What the April handler writes and nothing more (`State()` before the May additions). The console must
 * read it: no ownerEmail, regions, result.regions…
 */
export const STATE_APRIL: Json = {
  id: 'c1d2e3f4a5b6c7d8',
  status: 'phase1-watching',
  startedAt: '2026-05-14T08:39:51Z',
  finishedAt: null,
  sovereignFQDN: 'live.omani.works',
  region: 'fsn1',
  numEvents: 803,
  result: { ...RESULT_PHASE0, componentStates: { cilium: 'installed' } },
  componentStates: { cilium: 'installed' },
}

/** A chroot's record for its synthetic id before the real one is stamped (contract §2.9). */
export const STATE_SYNTHETIC_SOVEREIGN = {
  id: 'sovereign-t126.omani.works',
  status: 'ready',
  startedAt: '2026-05-05T08:11:23Z',
  finishedAt: null,
  sovereignFQDN: 't126.omani.works',
  region: 'fsn1',
  numEvents: 0,
}

const snapshot = (
  appId: string,
  status: string,
  lastTransitionAt: string,
  message: string,
  dependsOn?: string[],
) => ({
  appId,
  status,
  helmReleaseName: `bp-${appId.split(':').pop()}`,
  namespace: 'flux-system',
  lastTransitionAt,
  message,
  ...(dependsOn ? { dependsOn } : {}),
})

const LIVE_COMPONENTS = [
  snapshot('cilium', 'installed', '2026-05-14T08:50:05.741Z', 'Helm install complete; Ready=True'),
  snapshot('cert-manager', 'installed', '2026-05-14T08:51:00.713Z', 'Helm install complete; Ready=True', [
    'cilium',
  ]),
  snapshot(
    'nbg1-1:gitea',
    'installing',
    '2026-05-14T08:58:12.5Z',
    "Running 'install' action with timeout of 15m0s",
    ['nbg1-1:keycloak'],
  ),
  // Pending: no Ready condition yet, so Go's zero time.
  snapshot(
    'catalyst-platform',
    'pending',
    '0001-01-01T00:00:00Z',
    "dependency 'flux-system/bp-gitea' is not ready",
    ['gitea'],
  ),
]

export const DEPLOYMENTS_GOLDEN: GoldenTable[] = [
  {
    endpoint: 'GET /deployments/{id}',
    schema: DeploymentState,
    maps: ['componentStates', 'result.componentStates'],
    formats: {
      startedAt: RFC3339,
      finishedAt: RFC3339,
      phase1FinishedAt: RFC3339,
      handoverFiredAt: RFC3339,
      adoptedAt: RFC3339,
      'result.phase1FinishedAt': RFC3339_NANO,
      'result.handoverFiredAt': RFC3339_NANO,
    },
    cases: [
      {
        name: 'provisioning (Phase 0)',
        source: 'internal/handler/deployments.go State()',
        wire: STATE_PROVISIONING,
      },
      {
        name: 'phase1-watching',
        source: 'internal/handler/deployments.go State(); contract §3.1',
        wire: STATE_WATCHING,
      },
      { name: 'ready with a handover link', source: 'contract §3.1, §3.3', wire: STATE_READY },
      { name: 'adopted', source: 'contract §3.1 adoptedAt', wire: STATE_ADOPTED },
      {
        name: 'failed in Phase 0',
        source: 'internal/handler/deployments.go runProvisioning',
        wire: STATE_FAILED_PHASE0,
      },
      {
        name: 'failed in Phase 1',
        source: 'internal/provisioner/provisioner.go Result.Phase1Outcome',
        wire: STATE_FAILED_PHASE1,
      },
      {
        name: 'the synthetic record of an unstamped Sovereign',
        source: 'contract §2.9 (chroot)',
        wire: STATE_SYNTHETIC_SOVEREIGN,
      },
      {
        name: 'the April State',
        source: 'internal/handler/deployments.go State() (April)',
        wire: STATE_APRIL,
        mock: false,
      },
    ],
  },
  {
    endpoint: 'POST /deployments',
    schema: CreateDeploymentResponse,
    cases: [
      {
        name: '201 with the stream URL under /api/v1',
        source: 'internal/handler/deployments.go CreateDeployment',
        wire: {
          id: '8f3a61c0d2b4e597',
          status: 'provisioning',
          streamURL: '/api/v1/deployments/8f3a61c0d2b4e597/logs',
        },
      },
    ],
  },
  {
    endpoint: 'GET /deployments/{id}/components/state',
    schema: ComponentsState,
    formats: { 'components.lastTransitionAt': RFC3339_NANO },
    cases: [
      {
        name: 'a live watcher: Ready times, messages, dependsOn as sibling app ids (absent when none)',
        source: 'internal/helmwatch/helmwatch.go ComponentSnapshot, SnapshotComponents',
        wire: { watching: true, components: LIVE_COMPONENTS },
      },
      {
        name: 'no watcher: rows from the persisted states, zero times, no messages',
        source: 'internal/handler/jobs_backfill.go GetComponentsState (fallback)',
        wire: {
          watching: false,
          components: [
            snapshot('cilium', 'installed', '0001-01-01T00:00:00Z', ''),
            { ...snapshot('harbor', 'failed', '0001-01-01T00:00:00Z', ''), helmReleaseName: 'bp-harbor' },
          ],
        },
      },
    ],
  },
  {
    endpoint: 'POST /deployments/{id}/refresh-watch',
    schema: RefreshWatchResponse,
    formats: { seededAt: RFC3339, 'components.lastTransitionAt': RFC3339_NANO },
    cases: [
      {
        name: '202: a new watcher, seeded',
        source: 'internal/handler/jobs_backfill.go RefreshWatch',
        wire: { watching: true, seededAt: '2026-05-14T09:00:00Z', components: LIVE_COMPONENTS.slice(0, 2) },
      },
      {
        name: '200: one is already running',
        source: 'internal/handler/jobs_backfill.go RefreshWatch',
        wire: { watching: true, alreadyActive: true, components: LIVE_COMPONENTS },
      },
    ],
  },
]
