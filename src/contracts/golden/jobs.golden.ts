/**
 * Golden wire samples of the jobs surface. Upstream: `internal/jobs/types.go` (Job, Execution, LogLine,
 * BatchSummary), `internal/jobs/store.go` (ListJobs order, PageLogs clamping, SummarizeBatches),
 * `internal/handler/jobs.go` (envelopes and errors); May additions (type, kind, parentId, displayName,
 * region, childIds) from the contract §3.5. Job timestamps are `time.Time` JSON: RFC3339Nano, trimmed.
 */
import { JobBatches, JobDetail, JobList, LogPage } from '../jobs.ts'
import type { GoldenTable } from './golden.ts'
import { RFC3339_NANO } from './shape.ts'

export const GOLDEN_DEPLOYMENT = 'c1d2e3f4a5b6c7d8'
const D = GOLDEN_DEPLOYMENT

/** A finished primary install (internal/jobs/types.go Job + contract §3.5). */
export const INSTALL_SUCCEEDED = {
  id: `${D}:install-cert-manager`,
  deploymentId: D,
  jobName: 'install-cert-manager',
  type: 'install',
  kind: 'install',
  appId: 'cert-manager',
  batchId: 'bootstrap-kit',
  parentId: `${D}:bootstrap-kit`,
  dependsOn: [`${D}:install-cilium`],
  status: 'succeeded',
  startedAt: '2026-05-14T08:48:50.568Z',
  finishedAt: '2026-05-14T08:50:05.741Z',
  durationMs: 75173,
  latestExecutionId: '1066b55599c6d0bae8fe04c934d0b8b7',
}

/** A secondary region's install, running: `region` is set for secondaries only (contract §3.5). */
export const INSTALL_RUNNING_SECONDARY = {
  id: `${D}:install-nbg1-1:newapi`,
  deploymentId: D,
  jobName: 'install-nbg1-1:newapi',
  type: 'install',
  kind: 'install',
  appId: 'nbg1-1:newapi',
  batchId: 'bootstrap-kit',
  region: 'nbg1-1',
  parentId: `${D}:bootstrap-kit`,
  dependsOn: [`${D}:install-nbg1-1:cnpg`, `${D}:install-nbg1-1:keycloak`],
  status: 'running',
  startedAt: '2026-05-14T08:59:31.512Z',
  durationMs: 28488,
  latestExecutionId: 'ecbf0d9d88e9399888e5be85c9b8824f',
}

/** A finished secondary install. */
export const INSTALL_SUCCEEDED_SECONDARY = {
  ...INSTALL_SUCCEEDED,
  id: `${D}:install-nbg1-1:cert-manager`,
  jobName: 'install-nbg1-1:cert-manager',
  appId: 'nbg1-1:cert-manager',
  region: 'nbg1-1',
  dependsOn: [`${D}:install-nbg1-1:cilium`],
  latestExecutionId: '6d46de12fac25228885ccd3295700bc3',
}

/** A primary install still running. */
export const INSTALL_RUNNING = {
  ...pendingInstall(),
  status: 'running',
  startedAt: '2026-05-14T08:55:02.31Z',
  durationMs: 297690,
  latestExecutionId: '0f9e8d7c6b5a49382716a5b4c3d2e1f0',
}

/** A secondary install still waiting for its dependencies. */
export const INSTALL_PENDING_SECONDARY = {
  ...pendingInstall(),
  id: `${D}:install-nbg1-1:catalyst-platform`,
  jobName: 'install-nbg1-1:catalyst-platform',
  appId: 'nbg1-1:catalyst-platform',
  region: 'nbg1-1',
  dependsOn: [`${D}:install-nbg1-1:gitea`],
}

function pendingInstall() {
  return {
    id: `${D}:install-gitea`,
    deploymentId: D,
    jobName: 'install-gitea',
    type: 'install',
    kind: 'install',
    appId: 'gitea',
    batchId: 'bootstrap-kit',
    parentId: `${D}:bootstrap-kit`,
    dependsOn: [`${D}:install-keycloak`],
    status: 'pending',
    durationMs: 0,
  }
}

/** Pending: no start, no finish, no execution (omitempty), durationMs 0. */
export const INSTALL_PENDING = {
  id: `${D}:install-catalyst-platform`,
  deploymentId: D,
  jobName: 'install-catalyst-platform',
  type: 'install',
  kind: 'install',
  appId: 'catalyst-platform',
  batchId: 'bootstrap-kit',
  parentId: `${D}:bootstrap-kit`,
  dependsOn: [`${D}:install-gitea`],
  status: 'pending',
  durationMs: 0,
}

/** A Phase-0 lifecycle job: no component, so `appId: ""` (Go: no omitempty); batch = its phase group. */
export const LIFECYCLE_SUCCEEDED = {
  id: `${D}:tofu-apply`,
  deploymentId: D,
  jobName: 'tofu-apply',
  displayName: 'Terraform Apply',
  type: 'install',
  kind: 'lifecycle',
  appId: '',
  batchId: 'provisioner',
  parentId: `${D}:provisioner`,
  dependsOn: [`${D}:tofu-plan`],
  status: 'succeeded',
  startedAt: '2026-05-14T08:40:56.943Z',
  finishedAt: '2026-05-14T08:47:44.993Z',
  durationMs: 408050,
  latestExecutionId: '7caf098c1be9fbc5b822b58603921a4a',
}

/** A phase group (contract §3.5): rollup status, `childIds`, top level (`parentId: ""`). */
export const GROUP_RUNNING = {
  id: `${D}:bootstrap-kit`,
  deploymentId: D,
  jobName: 'bootstrap-kit',
  displayName: 'Bootstrap',
  type: 'group',
  kind: 'group',
  appId: '',
  batchId: 'bootstrap-kit',
  parentId: '',
  dependsOn: [`${D}:provisioner`],
  status: 'running',
  startedAt: '2026-05-14T08:48:48.702Z',
  durationMs: 671298,
  childIds: [`${D}:install-cilium`, `${D}:install-nbg1-1:newapi`, `${D}:install-catalyst-platform`],
}

/** A settled group: finishedAt only once every child is terminal. */
export const GROUP_SUCCEEDED = {
  ...GROUP_RUNNING,
  id: `${D}:handover`,
  jobName: 'handover',
  displayName: 'Handover',
  batchId: 'handover',
  dependsOn: [`${D}:cutover`],
  status: 'succeeded',
  startedAt: '2026-05-14T09:31:52Z',
  finishedAt: '2026-05-14T09:34:48.702Z',
  durationMs: 176702,
  childIds: [`${D}:handover-wait-tls`],
}

/** A group whose jobs have not started: no times. */
export const GROUP_PENDING = {
  id: `${D}:cutover`,
  deploymentId: D,
  jobName: 'cutover',
  displayName: 'Cutover',
  type: 'group',
  kind: 'group',
  appId: '',
  batchId: 'cutover',
  parentId: '',
  dependsOn: [`${D}:bootstrap-kit`],
  status: 'pending',
  durationMs: 0,
  childIds: [`${D}:install-self-sovereign-cutover`],
}

/** A Day-2 audit job (internal/jobs/mutation_bridge.go): appId = the XRC kind, batch `day-2-mutations`. */
export const MUTATION_SUCCEEDED = {
  id: `${D}:mutation-update-pool-pool-worker-fsn1`,
  deploymentId: D,
  jobName: 'mutation-update-pool-pool-worker-fsn1',
  type: 'install',
  kind: 'mutation',
  appId: 'pool',
  batchId: 'day-2-mutations',
  parentId: `${D}:day-2-mutations`,
  dependsOn: [],
  status: 'succeeded',
  startedAt: '2026-05-14T09:00:00Z',
  finishedAt: '2026-05-14T09:00:00Z',
  durationMs: 0,
  latestExecutionId: '2f0e4c54a1d87b9e63f5d0a2c7b41e98',
}

/**
 * The April Go shape with nothing the May builds add: no type/kind/parentId/displayName/region/childIds,
 * `dependsOn` as bare job names (internal/jobs/helmwatch_bridge.go). The console must still read it.
 */
export const APRIL_JOB = {
  id: `${D}:install-external-dns`,
  deploymentId: D,
  jobName: 'install-external-dns',
  appId: 'external-dns',
  batchId: 'bootstrap-kit',
  dependsOn: ['install-cert-manager'],
  status: 'succeeded',
  startedAt: '2026-05-14T08:50:07.1Z',
  finishedAt: '2026-05-14T08:51:00.713Z',
  durationMs: 53613,
  latestExecutionId: '8e1c5b2f7d0a4c96b3e2f1a0d9c8b7a6',
}

const jobFormats = { 'jobs.startedAt': RFC3339_NANO, 'jobs.finishedAt': RFC3339_NANO }

export const JOBS_GOLDEN: GoldenTable[] = [
  {
    endpoint: 'GET /deployments/{id}/jobs',
    schema: JobList,
    formats: jobFormats,
    cases: [
      // internal/handler/jobs.go ListJobs: {jobs: [...]}, started DESC, pending last.
      {
        name: 'groups and leaves of a multi-region deployment in Phase 1',
        source: 'internal/jobs/types.go Job; contract §3.5',
        wire: {
          jobs: [
            GROUP_RUNNING,
            INSTALL_RUNNING_SECONDARY,
            INSTALL_RUNNING,
            INSTALL_SUCCEEDED_SECONDARY,
            INSTALL_SUCCEEDED,
            GROUP_SUCCEEDED,
            LIFECYCLE_SUCCEEDED,
            INSTALL_PENDING,
            INSTALL_PENDING_SECONDARY,
            GROUP_PENDING,
          ],
        },
      },
      {
        name: 'a Day-2 audit job in the jobs list',
        source: 'internal/jobs/mutation_bridge.go RegisterMutationJob',
        wire: {
          jobs: [
            MUTATION_SUCCEEDED,
            {
              ...GROUP_SUCCEEDED,
              id: `${D}:day-2-mutations`,
              jobName: 'day-2-mutations',
              displayName: 'Day-2 Mutations',
              batchId: 'day-2-mutations',
              dependsOn: [],
              childIds: [MUTATION_SUCCEEDED.id],
            },
          ],
        },
      },
      {
        name: 'the April shape: appId and batchId only, bare dependsOn',
        source: 'internal/jobs/types.go Job (April snapshot)',
        wire: { jobs: [APRIL_JOB] },
        mock: false,
      },
      // internal/handler/jobs.go: an empty deployment is {jobs: []}, never null.
      { name: 'no jobs yet', source: 'internal/handler/jobs.go ListJobs', wire: { jobs: [] }, mock: false },
    ],
  },
  {
    endpoint: 'GET /deployments/{id}/jobs/{jobId}',
    schema: JobDetail,
    formats: {
      'job.startedAt': RFC3339_NANO,
      'job.finishedAt': RFC3339_NANO,
      'executions.startedAt': RFC3339_NANO,
      'executions.finishedAt': RFC3339_NANO,
    },
    cases: [
      {
        name: 'a finished install with its one execution',
        source: 'internal/handler/jobs.go GetJob; internal/jobs/types.go Execution',
        wire: {
          job: INSTALL_SUCCEEDED,
          executions: [
            {
              id: INSTALL_SUCCEEDED.latestExecutionId,
              jobId: INSTALL_SUCCEEDED.id,
              deploymentId: D,
              status: 'succeeded',
              startedAt: INSTALL_SUCCEEDED.startedAt,
              finishedAt: INSTALL_SUCCEEDED.finishedAt,
              lineCount: 8,
            },
          ],
        },
      },
      {
        name: 'a finished secondary install',
        source: 'internal/handler/jobs.go GetJob',
        wire: {
          job: INSTALL_SUCCEEDED_SECONDARY,
          executions: [
            {
              id: INSTALL_SUCCEEDED_SECONDARY.latestExecutionId,
              jobId: INSTALL_SUCCEEDED_SECONDARY.id,
              deploymentId: D,
              status: 'succeeded',
              startedAt: INSTALL_SUCCEEDED_SECONDARY.startedAt,
              finishedAt: INSTALL_SUCCEEDED_SECONDARY.finishedAt,
              lineCount: 8,
            },
          ],
        },
      },
      {
        name: 'a running execution: no finishedAt (omitempty)',
        source: 'internal/jobs/types.go Execution',
        wire: {
          job: INSTALL_RUNNING_SECONDARY,
          executions: [
            {
              id: INSTALL_RUNNING_SECONDARY.latestExecutionId,
              jobId: INSTALL_RUNNING_SECONDARY.id,
              deploymentId: D,
              status: 'running',
              startedAt: INSTALL_RUNNING_SECONDARY.startedAt,
              lineCount: 3,
            },
          ],
        },
      },
      {
        name: 'a pending job: executions is [] (never null)',
        source: 'internal/handler/jobs.go GetJob',
        wire: { job: INSTALL_PENDING, executions: [] },
      },
    ],
  },
  {
    endpoint: 'GET /deployments/{id}/jobs/batches',
    schema: JobBatches,
    cases: [
      {
        name: 'one row per batch, Finished = Succeeded + Failed',
        source: 'internal/jobs/types.go BatchSummary; internal/jobs/store.go SummarizeBatches',
        wire: {
          batches: [
            {
              batchId: 'provisioner',
              total: 5,
              finished: 5,
              succeeded: 5,
              failed: 0,
              running: 0,
              pending: 0,
            },
            {
              batchId: 'bootstrap-kit',
              total: 133,
              finished: 106,
              succeeded: 105,
              failed: 1,
              running: 19,
              pending: 8,
            },
          ],
        },
      },
      { name: 'no jobs', source: 'internal/handler/jobs.go ListBatches', wire: { batches: [] }, mock: false },
    ],
  },
  {
    endpoint: 'GET /actions/executions/{execId}/logs',
    schema: LogPage,
    formats: { 'lines.timestamp': RFC3339_NANO },
    cases: [
      {
        name: 'a page of an install log (helm-controller lines, every level)',
        source: 'internal/jobs/store.go LogPage, LogLine',
        wire: {
          lines: [
            {
              lineNumber: 1,
              timestamp: '2026-05-14T08:49:43.474Z',
              level: 'INFO',
              message: "[installing] Running 'install' action with timeout of 15m0s",
            },
            {
              lineNumber: 2,
              timestamp: '2026-05-14T08:49:44.264Z',
              level: 'DEBUG',
              message: 'fetched chart bp-cilium@1.8.2 from oci://ghcr.io/openova-io/bp-cilium',
            },
            {
              lineNumber: 3,
              timestamp: '2026-05-14T08:58:00.1Z',
              level: 'WARN',
              message: 'flux-system/bp-harbor: Helm install in progress, 14m0s elapsed',
            },
            {
              lineNumber: 4,
              timestamp: '2026-05-14T08:59:00Z',
              level: 'ERROR',
              message: '[failed] Helm install failed for release harbor/harbor: context deadline exceeded',
            },
          ],
          total: 4,
          executionFinished: true,
        },
      },
      {
        name: 'past the end of a running execution: no lines, the total so far',
        source: 'internal/jobs/store.go PageLogs',
        wire: { lines: [], total: 3, executionFinished: false },
      },
    ],
  },
]
