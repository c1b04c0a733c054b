import { z } from 'zod'
import { OptionalTimestamp, Timestamp, looseArray } from './common.ts'
import { withoutHandoverToken } from './withoutHandoverToken.ts'

/** Declared statuses (contract §3.1.1). The wire is open: unknown values are accepted and treated as in flight. */
export const DEPLOYMENT_STATUSES = [
  'pending',
  'provisioning',
  'tofu-applying',
  'flux-bootstrapping',
  'phase1-watching',
  'ready',
  'failed',
  'partial-failure',
  'adopted',
  'wiping',
  'wiped',
] as const
export type KnownDeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number]
export const DeploymentStatus = z.string().min(1)
export type DeploymentStatus = string

/** Statuses that block a record-only DELETE (409) and count toward in-flight-count. */
export const IN_FLIGHT_STATUSES: readonly string[] = [
  'pending',
  'provisioning',
  'tofu-applying',
  'flux-bootstrapping',
  'phase1-watching',
]
const SETTLED_STATUSES: readonly string[] = ['ready', 'failed', 'partial-failure', 'adopted', 'wiped']

/** In flight = declared in-flight, currently wiping, or any status this build does not know (contract §7 trap 14). */
export function isInFlightStatus(status: string): boolean {
  return IN_FLIGHT_STATUSES.includes(status) || status === 'wiping' || !SETTLED_STATUSES.includes(status)
}

export const ComponentState = z.string()
export type ComponentState = 'pending' | 'installing' | 'installed' | 'degraded' | 'failed'

export const RegionHealth = z.object({
  region: z.string(),
  primary: z.boolean().default(false),
  hrReady: z.number().int().default(0),
  hrTotal: z.number().int().default(0),
  degraded: z.boolean().default(false),
  nodesJoined: z.number().int().optional(),
  nodesRequested: z.number().int().optional(),
})
export type RegionHealth = z.infer<typeof RegionHealth>

export const Result = z.object({
  sovereignFQDN: z.string().optional(),
  controlPlaneIP: z.string().optional(),
  loadBalancerIP: z.string().optional(),
  consoleLoadBalancerIP: z.string().optional(),
  consoleURL: z.string().optional(),
  gitopsRepoURL: z.string().optional(),
  kubeconfigPath: z.string().optional(),
  componentStates: z.record(z.string(), ComponentState).nullish(),
  phase1FinishedAt: OptionalTimestamp,
  phase1Substate: z.string().optional(),
  phase1Outcome: z.string().optional(),
  handoverFiredAt: OptionalTimestamp,
  handoverURL: z.string().optional(),
  materializedRegions: looseArray(z.string()),
  regions: looseArray(RegionHealth),
  secondaryDegraded: z.boolean().optional(),
  secondaryFluxCRDAbsentRegions: looseArray(z.string()),
  consoleDegraded: z.boolean().optional(),
})
export type Result = z.infer<typeof Result>

/** `GET /deployments/{id}` and the `done` SSE frame as the wire has them (contract §3.1). */
const DeploymentStateWire = z.object({
  id: z.string(),
  status: DeploymentStatus,
  startedAt: Timestamp,
  finishedAt: OptionalTimestamp,
  sovereignFQDN: z.string().default(''),
  region: z.string().default(''),
  numEvents: z.number().int().default(0),
  ownerEmail: z.string().optional(),
  controlPlaneSize: z.string().optional(),
  storageClass: z.string().optional(),
  sovereignPoolDomain: z.string().optional(),
  sovereignSubdomain: z.string().optional(),
  sovereignDomainMode: z.string().optional(),
  sovereignByoDomain: z.string().optional(),
  regionControlPlaneSizes: looseArray(z.string()),
  orgName: z.string().optional(),
  orgEmail: z.string().optional(),
  error: z.string().optional(),
  result: Result.nullish(),
  componentStates: z.record(z.string(), ComponentState).nullish(),
  phase1FinishedAt: OptionalTimestamp,
  phase1Outcome: z.string().optional(),
  phase1Substate: z.string().optional(),
  materializedRegions: looseArray(z.string()),
  handoverURL: z.string().optional(),
  handoverFiredAt: OptionalTimestamp,
  regions: looseArray(RegionHealth),
  secondaryDegraded: z.boolean().optional(),
  adoptedAt: OptionalTimestamp,
  openovaFlowEnabled: z.boolean().optional(),
  operationInProgress: z.boolean().optional(),
})

/**
 * `GET /deployments/{id}` and the `done` SSE frame as the console keeps them: the re-minted handover token
 * (`handoverURL`, also in `result`) is dropped here, before anything reaches the query cache; only
 * `handoverOffered` says one was there.
 */
export const DeploymentState = DeploymentStateWire.transform(withoutHandoverToken)
export type DeploymentState = z.infer<typeof DeploymentState>

/**
 * Row of `GET /deployments` (contract §3.1). `regions` (region keys, primary first) is a mock extension the
 * real backend does not send; the console falls back to `region`.
 */
export const DeploymentSummary = z.object({
  id: z.string(),
  status: DeploymentStatus,
  sovereignFQDN: z.string().optional(),
  region: z.string().optional(),
  regions: z.array(z.string()).optional(),
  startedAt: OptionalTimestamp,
  finishedAt: OptionalTimestamp,
  ownerEmail: z.string().optional(),
  adoptedAt: OptionalTimestamp,
  error: z.string().optional(),
  secondaryDegraded: z.boolean().optional(),
})
export type DeploymentSummary = z.infer<typeof DeploymentSummary>

/** Some callers answer a bare array; the contract shape is `{deployments: [...]}`. */
export const DeploymentList = z
  .union([z.object({ deployments: looseArray(DeploymentSummary) }), z.array(DeploymentSummary)])
  .transform((v) => (Array.isArray(v) ? v : v.deployments))
export type DeploymentList = z.infer<typeof DeploymentList>

/** Deployment log event (contract §3.4). */
export const DeploymentEvent = z.object({
  time: Timestamp,
  phase: z.string().default(''),
  level: z.string().default('info'),
  message: z.string().default(''),
  component: z.string().optional(),
  state: z.string().optional(),
  dependsOn: looseArray(z.string()),
})
export type DeploymentEvent = z.infer<typeof DeploymentEvent>

/** Named `handover-ready` SSE frame, its token dropped at the edge (see `withoutHandoverToken`). */
export const HandoverReady = z
  .object({ handoverURL: z.string(), expiresAt: OptionalTimestamp })
  .transform(withoutHandoverToken)
export type HandoverReady = z.infer<typeof HandoverReady>

/** `GET /deployments/{id}/events`: the non-streaming backfill. */
export const DeploymentEvents = z.object({
  state: DeploymentState,
  events: looseArray(DeploymentEvent),
  done: z.boolean().default(false),
})
export type DeploymentEvents = z.infer<typeof DeploymentEvents>

/**
 * One region of the request. Types only: what a region must carry is decided by `validateDeploymentRequest`
 * in the provisioner's order and words, so a missing `provider` is the Go error, not a schema message.
 */
export const RegionRequest = z.object({
  provider: z.string().optional(),
  cloudRegion: z.string().default(''),
  controlPlaneSize: z.string().default(''),
  workerSize: z.string().default(''),
  workerCount: z.number().int().min(-1_000_000).max(100).default(0),
  storageClass: z.string().optional(),
  clusterMeshName: z.string().optional(),
})
export type RegionRequest = z.infer<typeof RegionRequest>

const HOSTNAME = /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * `POST /deployments` body (contract §3.2), typed leniently (a wrong JSON type is Go's "invalid request
 * body"); secrets (`hetznerToken`…) are accepted, never echoed. The rules are `validateDeploymentRequest`.
 */
export const DeploymentRequest = z.object({
  orgName: z.string().max(200).default(''),
  orgEmail: z.string().max(320).default(''),
  sovereignFQDN: z.string().max(253).default(''),
  sovereignDomainMode: z.enum(['pool', 'byo']).default('pool'),
  sovereignPoolDomain: z.string().optional(),
  sovereignSubdomain: z.string().optional(),
  sovereignByoDomain: z.string().optional(),
  provider: z.enum(['hetzner', 'huawei']).default('hetzner'),
  hetznerToken: z.string().default(''),
  hetznerProjectID: z.string().default(''),
  region: z.string().default(''),
  controlPlaneSize: z.string().optional(),
  workerSize: z.string().optional(),
  workerCount: z.number().int().min(0).max(100).optional(),
  storageClass: z.string().optional(),
  haEnabled: z.boolean().optional(),
  bcpTopology: z.enum(['single-region', 'active-hotstandby', 'active-active']).optional(),
  regions: z.array(RegionRequest).max(10).default([]),
  marketplaceEnabled: z.boolean().optional(),
  sshPublicKey: z.string().default(''),
  objectStorageRegion: z.string().optional(),
  objectStorageAccessKey: z.string().optional(),
  objectStorageSecretKey: z.string().optional(),
})
export type DeploymentRequest = z.infer<typeof DeploymentRequest>

/**
 * The provisioner's `Request.Validate()` (Go `provisioner/provisioner.go`), in its order and its exact
 * words, then the checks later builds add. Returns the `{"error": …}` text of the 400, or undefined.
 * Runs before the pool subdomain is reserved.
 */
export function validateDeploymentRequest(r: DeploymentRequest): string | undefined {
  for (const [i, rs] of r.regions.entries()) {
    if (!rs.provider?.trim()) return `region[${i}] provider is required`
    if (!rs.cloudRegion.trim()) return `region[${i}] cloudRegion is required`
    if (!rs.controlPlaneSize.trim()) return `region[${i}] controlPlaneSize is required`
    if (rs.workerCount < 0) return `region[${i}] workerCount must be non-negative`
    if (rs.workerCount > 0 && !rs.workerSize.trim())
      return `region[${i}] workerSize is required when workerCount > 0`
  }
  // Validate mirrors regions[0] into the singular fields before checking them.
  const region = r.regions[0]?.cloudRegion ?? r.region
  if (!r.hetznerToken.trim()) return 'hetzner token is required'
  if (!r.hetznerProjectID.trim()) return 'hetzner project ID is required'
  if (!region.trim()) return 'region is required (runtime parameter, never hardcoded)'
  if (!r.sovereignFQDN.trim()) return 'sovereign FQDN is required'
  if (!r.orgName.trim()) return 'organisation name is required'
  if (!r.orgEmail.trim()) return 'organisation email is required (becomes initial sovereign-admin)'
  if (!r.sshPublicKey.trim())
    return 'SSH public key is required (sovereign-admin break-glass + cluster bootstrap)'
  // Not in the April Validate; the request rules (contract §3.2).
  if (r.regions.length === 0) return 'regions: at least one region is required'
  if (!HOSTNAME.test(r.sovereignFQDN)) return 'sovereignFQDN: must be a lowercase DNS name'
  if (!EMAIL.test(r.orgEmail)) return 'orgEmail: must be an email address'
  return undefined
}

export const CreateDeploymentResponse = z.object({
  id: z.string(),
  status: DeploymentStatus,
  streamURL: z.string(),
})
export type CreateDeploymentResponse = z.infer<typeof CreateDeploymentResponse>

/** `DELETE /deployments/{id}` 200 body and the 409 in-flight body (same shape, with a `note`). */
export const DeleteResult = z.object({
  deploymentId: z.string(),
  sovereignFQDN: z.string().optional(),
  storeDeleted: z.boolean().default(false),
  localCleaned: z.boolean().default(false),
  pdmReleased: z.boolean().optional(),
  mode: z.string().default('record-only'),
  note: z.string().optional(),
  error: z.string().optional(),
  status: z.string().optional(),
})
export type DeleteResult = z.infer<typeof DeleteResult>

/** `POST /deployments/{id}/wipe` body. The token is a secret: never stored or logged. */
export const WipeRequest = z.object({
  hetznerToken: z.string().min(1),
  objectStorageAccessKey: z.string().optional(),
  objectStorageSecretKey: z.string().optional(),
  objectStorageRegion: z.string().optional(),
})
export type WipeRequest = z.infer<typeof WipeRequest>

export const HetznerPurge = z.object({
  servers: z.number().int().default(0),
  load_balancers: z.number().int().default(0),
  networks: z.number().int().default(0),
  firewalls: z.number().int().default(0),
  ssh_keys: z.number().int().default(0),
  s3_buckets: z.number().int().default(0),
  volumes: z.number().int().default(0),
  primary_ips: z.number().int().default(0),
  floating_ips: z.number().int().default(0),
  firewalls_retried: z.number().int().default(0),
  errors: looseArray(z.string()),
})
export type HetznerPurge = z.infer<typeof HetznerPurge>

export const WipeResult = z.object({
  deploymentId: z.string(),
  sovereignFQDN: z.string().optional(),
  tofuDestroyed: z.boolean().default(false),
  hetznerPurge: HetznerPurge,
  pdmReleased: z.boolean().default(false),
  localCleaned: z.boolean().default(false),
  errors: looseArray(z.string()),
  wipedAt: OptionalTimestamp,
})
export type WipeResult = z.infer<typeof WipeResult>

/** 409 from `/wipe` when a young `phase1-watching` deployment is wiped without `?force=true`. */
export const WipeAgeGuard = z.object({
  error: z.string(),
  deploymentId: z.string(),
  sovereignFQDN: z.string().optional(),
  status: z.string(),
  startedAt: OptionalTimestamp,
  ageSec: z.number(),
  minLifeSec: z.number(),
  retryAfterSec: z.number(),
  hint: z.string().optional(),
})
export type WipeAgeGuard = z.infer<typeof WipeAgeGuard>

export const InFlightCount = z.object({ count: z.number().int() })

/** `POST /deployments/{id}/mint-handover-token`. */
export const MintHandoverToken = z.object({ token: z.string(), redirectURL: z.string() })
export type MintHandoverToken = z.infer<typeof MintHandoverToken>

/**
 * The public DNS records a ready Sovereign publishes in its parent zone (contract §4.1 step 9); a wipe
 * releases them with the pool subdomain.
 */
export const SOVEREIGN_DNS_RECORDS = [
  'console',
  'auth',
  'gitea',
  'harbor',
  'registry',
  'bao',
  'grafana',
  'hubble',
  'pdns',
  'openova-flow',
  'marketplace',
  'api',
  'guacamole',
] as const

/**
 * One HelmRelease in `GET /deployments/{id}/components/state` (Go `helmwatch.ComponentSnapshot`). Without a
 * live watcher Go answers from the persisted states: `bp-<appId>`, zero time, no message, no dependencies.
 */
export const ComponentSnapshot = z.object({
  appId: z.string(),
  status: z.string().default('pending'),
  helmReleaseName: z.string().default(''),
  namespace: z.string().default(''),
  lastTransitionAt: OptionalTimestamp,
  message: z.string().default(''),
  /** Sibling app ids (`bp-` stripped); absent when there are none. */
  dependsOn: looseArray(z.string()),
})
export type ComponentSnapshot = z.infer<typeof ComponentSnapshot>

export const ComponentsState = z.object({
  watching: z.boolean().default(false),
  components: looseArray(ComponentSnapshot),
})
export type ComponentsState = z.infer<typeof ComponentsState>

/**
 * `POST /deployments/{id}/refresh-watch`: 202 `{watching, seededAt, components}` for a new watcher, 200
 * `{watching, alreadyActive:true, components}` when one runs. Errors: 409 `watch-not-resumable`, 504
 * `{error:"seed-timeout", detail, watching:true}`, 404 `deployment-not-found`.
 */
export const RefreshWatchResponse = z.object({
  watching: z.boolean().default(true),
  alreadyActive: z.boolean().default(false),
  seededAt: OptionalTimestamp,
  components: looseArray(ComponentSnapshot),
})
export type RefreshWatchResponse = z.infer<typeof RefreshWatchResponse>
