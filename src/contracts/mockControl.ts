import { z } from 'zod'
import { UserAccessSpec } from './users.ts'

/**
 * The mock API's test-control surface (`/api/__mock/*`). Not part of the backend contract: only the mock
 * serves it, and only tests, benchmarks and developers call it.
 */
export const SCENARIOS = [
  'healthy',
  'failing-tofu-apply',
  'failing-chart',
  'secondary-degraded',
  'flux-not-reconciling',
  'kubeconfig-missing',
] as const
export const ScenarioName = z.enum(SCENARIOS)
export type ScenarioName = z.infer<typeof ScenarioName>

export const MockClock = z.object({ now: z.number(), speed: z.number(), paused: z.boolean() })
export type MockClock = z.infer<typeof MockClock>

export const MockState = z.object({
  clock: MockClock,
  scenarios: z.array(z.string()),
  deployments: z.array(
    z.object({
      id: z.string(),
      sovereignFQDN: z.string(),
      ownerEmail: z.string(),
      status: z.string(),
      regions: z.array(z.string()),
      scenario: z.string(),
    }),
  ),
})
export type MockState = z.infer<typeof MockState>

export const MockResetRequest = z.object({ scenario: ScenarioName.optional() })

export const MockClockRequest = z.object({
  speed: z.number().min(0).max(100_000).optional(),
  paused: z.boolean().optional(),
  advanceMs: z
    .number()
    .min(0)
    .max(365 * 24 * 3600_000)
    .optional(),
})
export type MockClockRequest = z.infer<typeof MockClockRequest>

const CloudRegion = z.string().regex(/^[a-z][a-z0-9-]{1,30}$/)

export const MockCreateDeploymentRequest = z.object({
  scenario: ScenarioName.default('healthy'),
  regions: z.array(CloudRegion).min(1).max(10).default(['fsn1', 'nbg1', 'hel1']),
  /** Not validated as a hostname on purpose: security tests inject hostile strings. */
  sovereignFQDN: z.string().min(3).max(200_000).optional(),
  ownerEmail: z.email().optional(),
  /** Kept verbatim (like `sovereignFQDN`): security tests inject hostile strings here. */
  orgName: z.string().min(1).max(200_000).optional(),
  /** Start this many virtual ms in the past (0 = now), so a test can begin mid-run. */
  ageMs: z.number().min(0).optional(),
  /** Chart that fails for `failing-chart` / `secondary-degraded` (defaults: harbor / loki). */
  failChart: z.string().optional(),
  /** Extra synthetic charts per region (graph-scale benchmarks). */
  extraChartsPerRegion: z.number().int().min(0).max(2000).optional(),
  /** Extra synthetic workload pods in the treemap inventory (treemap benchmarks). */
  extraPods: z.number().int().min(0).max(200_000).optional(),
  /**
   * Create this many deployments at once (list benchmarks). Each gets its own id and FQDN
   * (`<n>-<sovereignFQDN>` or `sim-<id>.omani.works`) and an age drawn from `[ageMs, ageMs + ageSpreadMs]`.
   */
  count: z.number().int().min(1).max(20_000).optional(),
  ageSpreadMs: z
    .number()
    .min(0)
    .max(365 * 24 * 3600_000)
    .optional(),
})
export type MockCreateDeploymentRequest = z.input<typeof MockCreateDeploymentRequest>

export const MockCreateDeploymentResponse = z.object({
  id: z.string(),
  sovereignFQDN: z.string(),
  regions: z.array(z.string()),
  status: z.string(),
  /** With `count`: how many were created (the fields above describe the first). */
  count: z.number().int().optional(),
})

/**
 * One API request a request fault applies to: the method and the path as catalyst-api sees it
 * (`/api/v1/deployments`, no query; the mothership's `/sovereign` prefix is stripped before matching).
 */
export const MockRequestMatch = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  path: z
    .string()
    .regex(/^\/api\/v1\//, 'a path under /api/v1/')
    .max(2000),
})
export type MockRequestMatch = z.infer<typeof MockRequestMatch>

/** One match or several; `null` disarms the fault. */
const RequestMatches = z
  .union([MockRequestMatch, z.array(MockRequestMatch).max(20)])
  .nullable()
  .transform((v) => (v === null ? [] : Array.isArray(v) ? v : [v]))

export const MockFaultsRequest = z.object({
  latencyMs: z.number().min(0).max(60_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  dropStreamsEveryMs: z.number().min(0).max(3_600_000).optional(),
  /**
   * The handler runs (the mutation happens), then the answer is lost: the status line and headers are sent
   * and the connection is cut before the body. (A connection cut before any byte makes Chromium re-send
   * the request on its own, so the client would never see the loss.)
   */
  dropResponseAfterMutation: RequestMatches.optional(),
  /** Never answered: the handler does not run and the connection stays open until the client gives up. */
  hang: RequestMatches.optional(),
})
export type MockFaultsRequest = z.input<typeof MockFaultsRequest>

export const MockFaultsResponse = z.object({
  latencyMs: z.number(),
  errorRate: z.number(),
  dropStreamsEveryMs: z.number(),
  dropResponseAfterMutation: z.array(MockRequestMatch),
  hang: z.array(MockRequestMatch),
})

/** A synthetic log job: `lines` lines, all at once (`ratePerSec` 0) or emitted at a virtual-time rate. */
export const MockLogFloodRequest = z.object({
  deploymentId: z.string(),
  lines: z.number().int().min(1).max(2_000_000),
  ratePerSec: z.number().min(0).max(1_000_000).default(0),
  lineBytes: z.number().int().min(10).max(2_000_000).default(120),
  /**
   * The job's name and display name, kept verbatim (security tests inject hostile strings); default
   * `task-log-flood-<n>` / `Log flood (<lines> lines)`. A name holds no `/` (it is one URL path segment).
   */
  jobName: z
    .string()
    .min(1)
    .max(200_000)
    .refine((s) => !s.includes('/'), 'a job name holds no "/"')
    .optional(),
  displayName: z.string().min(1).max(200_000).optional(),
  /** Line n's message is `messages[(n - 1) % messages.length]`, verbatim (hostile log lines). */
  messages: z.array(z.string().max(200_000)).min(1).max(1000).optional(),
})
export type MockLogFloodRequest = z.input<typeof MockLogFloodRequest>
export const MockLogFloodResponse = z.object({
  jobId: z.string(),
  jobName: z.string(),
  executionId: z.string(),
})

/** Simulate an API restart: every stream drops and requests fail at the socket for `downMs`. */
export const MockRestartRequest = z.object({ downMs: z.number().int().min(0).max(120_000).default(2000) })

export const MockPin = z.object({ pin: z.string() })

/**
 * A UserAccess record stored as given, name included (the real API only accepts DNS-1123 names): security
 * tests inject hostile names, subjects and groups the console must render inert.
 */
export const MockUserAccessRequest = z.object({
  deploymentId: z.string(),
  name: z.string().min(1).max(200_000),
  spec: UserAccessSpec,
})
export type MockUserAccessRequest = z.input<typeof MockUserAccessRequest>

/** `GET /api/__mock/kubeconfig-bearer?deploymentId=&region=`: the bearer cloud-init would PUT with. */
export const MockKubeconfigBearer = z.object({ bearer: z.string() })
