import { z } from 'zod'
import { OptionalTimestamp, Timestamp, looseArray } from './common.ts'
import { normaliseRunStatus, type RunStatus } from './runStatus.ts'

/**
 * Job ids are `<deploymentId>:<jobName>`; job names may themselves contain `:` (`install-nbg1-1:cilium`),
 * so an id is split on the first colon only (contract §3.8).
 */
export function splitJobId(jobId: string): { deploymentId: string; jobName: string } {
  const i = jobId.indexOf(':')
  return i < 0
    ? { deploymentId: '', jobName: jobId }
    : { deploymentId: jobId.slice(0, i), jobName: jobId.slice(i + 1) }
}

export function jobIdFor(deploymentId: string, jobName: string): string {
  return `${deploymentId}:${jobName}`
}

/**
 * `dependsOn` entries may be bare job names or full ids (contract §7 trap 8). "Already full" is detected by the
 * `<deploymentId>:` prefix, never by "contains a colon" (regression 25): `install-nbg1-1:cilium` is bare.
 */
export function canonicalJobId(deploymentId: string, ref: string): string {
  return deploymentId && !ref.startsWith(`${deploymentId}:`) ? jobIdFor(deploymentId, ref) : ref
}

/** `install-<chart>` or `install-<regionKey>:<chart>` → region key (undefined = primary) and chart. */
export function parseInstallJobName(
  jobName: string,
): { regionKey: string | undefined; chart: string } | undefined {
  if (!jobName.startsWith('install-')) return undefined
  const rest = jobName.slice('install-'.length)
  const i = rest.indexOf(':')
  return i < 0
    ? { regionKey: undefined, chart: rest }
    : { regionKey: rest.slice(0, i), chart: rest.slice(i + 1) }
}

/** A job's status: the run vocabulary (contract edge: mapped once, in `normaliseRunStatus`). */
export type JobStatus = RunStatus

/** Phase groups in lifecycle order (contract §3.8): the one order of the jobs table, graph and compare. */
export const PHASE_ORDER = [
  'provisioner',
  'bootstrap-kit',
  'cutover',
  'handover',
  'apps',
  'day-2-mutations',
  'reconcilers',
] as const

/** A phase's place in `PHASE_ORDER`; unknown phases after all known ones. */
export function phaseRank(phase: string): number {
  const i = (PHASE_ORDER as readonly string[]).indexOf(phase)
  return i < 0 ? PHASE_ORDER.length : i
}

/**
 * A job's kind (June+ field) inferred from its name when the backend does not send it (contract §3.5):
 * `install-*`, `reconcile-*`, `cron-*`, `task-*`, `reconciler-*`, `mutation-*`, `<group>-step-NN-*`, the
 * Phase-0 lifecycle jobs; groups are `group`.
 */
export function inferJobKind(jobName: string, type: string): string {
  if (type === 'group') return 'group'
  const prefix = /^(install|reconcile|cron|task|reconciler|mutation)-/.exec(jobName)?.[1]
  if (prefix) return prefix
  if (/^[a-z0-9-]+-step-\d+-/.test(jobName)) return 'step'
  if (jobName.startsWith('tofu-') || jobName === 'cluster-bootstrap') return 'lifecycle'
  return 'task'
}

const JobWire = z.object({
  id: z.string(),
  deploymentId: z.string().default(''),
  jobName: z.string(),
  displayName: z.string().optional(),
  type: z.string().default('install'),
  kind: z.string().optional(),
  /** Go always writes it (no omitempty): `""` for jobs that are no component (lifecycle, steps, groups). */
  appId: z.string().default(''),
  /** Go always writes it: `bootstrap-kit` for HelmRelease installs, else the job's phase group. */
  batchId: z.string().default(''),
  region: z.string().optional(),
  parentId: z.string().default(''),
  dependsOn: looseArray(z.string()),
  status: z.string().default('pending'),
  startedAt: OptionalTimestamp,
  finishedAt: OptionalTimestamp,
  durationMs: z.number().default(0),
  latestExecutionId: z.string().optional(),
  childIds: looseArray(z.string()),
})

/** Job (contract §3.5); `dependsOn`/`childIds`/`parentId` are normalised to full ids on parse. */
export const Job = JobWire.transform((j) => {
  const dep = j.deploymentId || splitJobId(j.id).deploymentId
  return {
    ...j,
    deploymentId: dep,
    kind: j.kind || inferJobKind(j.jobName, j.type),
    status: normaliseRunStatus(j.status),
    rawStatus: j.status,
    parentId: j.parentId ? canonicalJobId(dep, j.parentId) : '',
    dependsOn: j.dependsOn.map((d) => canonicalJobId(dep, d)),
    childIds: j.childIds.map((c) => canonicalJobId(dep, c)),
  }
})
export type Job = z.infer<typeof Job>
export type JobWire = z.input<typeof JobWire>

export const JobList = z.object({ jobs: looseArray(Job) })
export type JobList = z.infer<typeof JobList>

/** One row of `GET /deployments/{id}/jobs/batches` (Go `jobs/types.go` BatchSummary). */
export const BatchSummary = z.object({
  batchId: z.string(),
  total: z.number().int().default(0),
  finished: z.number().int().default(0),
  succeeded: z.number().int().default(0),
  failed: z.number().int().default(0),
  running: z.number().int().default(0),
  pending: z.number().int().default(0),
})
export type BatchSummary = z.infer<typeof BatchSummary>
export const JobBatches = z.object({ batches: looseArray(BatchSummary) })
export type JobBatches = z.infer<typeof JobBatches>

export const Execution = z.object({
  id: z.string(),
  jobId: z.string(),
  deploymentId: z.string().default(''),
  status: z.string(),
  startedAt: Timestamp,
  finishedAt: OptionalTimestamp,
  lineCount: z.number().int().default(0),
})
export type Execution = z.infer<typeof Execution>

/** `GET /deployments/{id}/jobs/{jobName}` and `GET /jobs/{jobId}`: executions newest first. */
export const JobDetail = z.object({ job: Job, executions: looseArray(Execution) })
export type JobDetail = z.infer<typeof JobDetail>

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

const LogLevelWire = z
  .string()
  .default('INFO')
  .transform((l): LogLevel => {
    const u = l.toUpperCase()
    if (u === 'WARNING') return 'WARN'
    return (LOG_LEVELS as readonly string[]).includes(u) ? (u as LogLevel) : 'INFO'
  })

/** catalyst-api log line (contract §3.6). */
export const LogLine = z.object({
  lineNumber: z.number().int().min(1),
  timestamp: Timestamp,
  level: LogLevelWire,
  message: z.string(),
})
export type LogLine = z.infer<typeof LogLine>

/** `GET /actions/executions/{execId}/logs?fromLine&limit` (limit ≤ 5000). */
export const LogPage = z.object({
  lines: looseArray(LogLine),
  total: z.number().int().default(0),
  executionFinished: z.boolean().default(false),
})
export type LogPage = z.infer<typeof LogPage>

export const LOG_PAGE_MAX = 5000
export const LOG_PAGE_DEFAULT = 500

/**
 * Flow-server log lines use capitalised keys (`Seq, Level, Message, OccurredAt`, contract §7 trap 5);
 * parsed into the catalyst-api shape.
 */
export const FlowServerLogLine = z
  .object({ Seq: z.number().int(), Level: LogLevelWire, Message: z.string(), OccurredAt: Timestamp })
  .transform((l): LogLine => ({
    lineNumber: l.Seq,
    timestamp: l.OccurredAt,
    level: l.Level,
    message: l.Message,
  }))

/** `POST /deployments/{id}/jobs/{jobName}/retry` → 202 with the new execution (bare or wrapped). */
export const RetryResponse = z
  .union([z.object({ execution: Execution }), Execution])
  .transform((v) => ('execution' in v ? v.execution : v))
export type RetryResponse = z.infer<typeof RetryResponse>
