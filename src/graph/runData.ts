/**
 * What the API tells us about one provisioning run, as the pure run algorithms (replay, compare, root cause)
 * read it: the jobs list (contract §3.5), the deployment event history (`GET /events`, contract §3.4), optionally the
 * executions of some jobs (contract §3.6) and a few fields of the deployment record (contract §3.1).
 *
 * The shapes are structural copies of `src/contracts/jobs.ts` and `src/contracts/deployments.ts` (graph/
 * imports nothing from the app): the parsed contract types are assignable to them, and so are the raw wire
 * shapes, whose optional fields may also be `null` (contract §7 trap 6).
 */
import { normaliseRunStatus, type RunStatus } from '../contracts/runStatus.ts'

export interface RunJob {
  id: string
  deploymentId?: string | undefined
  jobName: string
  displayName?: string | undefined
  /** `install` | `group` (contract §3.5); absent = `install`. */
  type?: string | undefined
  kind?: string | undefined
  appId?: string | undefined
  region?: string | undefined
  parentId?: string | null | undefined
  /** Bare job names or full `<dep>:` ids (contract §7 trap 8). */
  dependsOn?: readonly string[] | null | undefined
  /** Absent on the raw wire means pending. */
  status?: string | undefined
  startedAt?: string | null | undefined
  finishedAt?: string | null | undefined
  durationMs?: number | undefined
}

export interface RunEvent {
  time: string
  phase?: string | undefined
  level?: string | undefined
  message?: string | undefined
  /** `cilium` (primary) or `nbg1-1:cilium` (secondary); empty for watch-level diagnostics. */
  component?: string | undefined
  state?: string | undefined
}

export interface RunExecution {
  id: string
  /** Full `<dep>:<jobName>` id (a bare name is tolerated). */
  jobId: string
  status: string
  startedAt: string
  finishedAt?: string | null | undefined
}

/** The few record fields the run algorithms read (`GET /deployments/{id}` or `GET /events` → `state`). */
export interface RunDeployment {
  id?: string | undefined
  status?: string | undefined
  startedAt?: string | null | undefined
  finishedAt?: string | null | undefined
  phase1FinishedAt?: string | null | undefined
  phase1Outcome?: string | undefined
  adoptedAt?: string | null | undefined
  secondaryDegraded?: boolean | undefined
  regions?:
    readonly { region: string; primary?: boolean | undefined; degraded?: boolean | undefined }[] | null
  componentStates?: Readonly<Record<string, string>> | null | undefined
}

export interface RunData {
  deployment?: RunDeployment | undefined
  jobs: readonly RunJob[]
  events?: readonly RunEvent[] | undefined
  /** Any subset of jobs' executions (e.g. only the retried ones); jobs without any fall back to events. */
  executions?: readonly RunExecution[] | undefined
  /**
   * The instant the data was read (server time). Running jobs are measured up to it, and a replay at or
   * after it shows the record as it is. Default: the newest instant found in the data.
   */
  asOfMs?: number | undefined
}

/** Region bucket of the primary's jobs (its region key is its cloud region, but jobs do not carry it). */
export const PRIMARY = 'primary'
/** Region bucket of deployment-wide jobs (Phase 0, cutover steps, handover). */
export const NO_REGION = 'none'

/** RFC 3339 (nanoseconds allowed) → ms; undefined when absent or unparsable. */
export function parseTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined
  const t = Date.parse(value)
  return Number.isFinite(t) ? t : undefined
}

/** `<deploymentId>:<jobName>`, split on the first colon only (contract §3.8). */
export function splitJobId(jobId: string): { deploymentId: string; jobName: string } {
  const i = jobId.indexOf(':')
  return i < 0
    ? { deploymentId: '', jobName: jobId }
    : { deploymentId: jobId.slice(0, i), jobName: jobId.slice(i + 1) }
}

/** The deployment a job belongs to: its `deploymentId`, else its id's prefix. */
export function deploymentOf(job: Pick<RunJob, 'id' | 'deploymentId'>): string {
  return job.deploymentId || splitJobId(job.id).deploymentId
}

/**
 * A `dependsOn` / `parentId` / execution `jobId` reference as a full id. "Already full" is decided by the
 * `<deploymentId>:` prefix, never by "contains a colon": `install-nbg1-1:cilium` is bare (regression 25).
 */
export function canonicalRef(deploymentId: string, ref: string): string {
  return deploymentId && !ref.startsWith(`${deploymentId}:`) ? `${deploymentId}:${ref}` : ref
}

/** `install-<chart>` or `install-<regionKey>:<chart>` → region key (undefined = primary) and chart. */
export function parseInstallName(
  jobName: string,
): { regionKey: string | undefined; chart: string } | undefined {
  if (!jobName.startsWith('install-')) return undefined
  const rest = jobName.slice('install-'.length)
  const i = rest.indexOf(':')
  return i < 0
    ? { regionKey: undefined, chart: rest }
    : { regionKey: rest.slice(0, i), chart: rest.slice(i + 1) }
}

/**
 * Region bucket, the jobs table's rule: the job's `region` (secondaries only), else the `appId` prefix before
 * `:`, else `install-<region>:<chart>`; any other install is the primary's; everything else deployment-wide.
 */
export function jobRegion(job: Pick<RunJob, 'region' | 'appId' | 'jobName' | 'kind'>): string {
  if (job.region) return job.region
  const appColon = job.appId ? job.appId.indexOf(':') : -1
  if (job.appId && appColon > 0) return job.appId.slice(0, appColon)
  const install = parseInstallName(job.jobName)
  if (install) return install.regionKey ?? PRIMARY
  if (job.kind === 'install' && job.appId) return PRIMARY
  return NO_REGION
}

/** The chart of an install job (`harbor`), from its name or its `appId`; undefined for other jobs. */
export function jobChart(job: Pick<RunJob, 'appId' | 'jobName'>): string | undefined {
  const install = parseInstallName(job.jobName)
  if (install) return install.chart
  if (job.appId) return job.appId.slice(job.appId.indexOf(':') + 1)
  return undefined
}

/**
 * The HelmRelease component an install job reports as in the event history (`cilium`, `nbg1-1:cilium`):
 * its `appId`, else derived from the job name.
 */
export function jobComponent(job: Pick<RunJob, 'appId' | 'jobName'>): string | undefined {
  if (job.appId) return job.appId
  const install = parseInstallName(job.jobName)
  if (!install) return undefined
  return install.regionKey ? `${install.regionKey}:${install.chart}` : install.chart
}

export function isGroupJob(job: Pick<RunJob, 'type'>): boolean {
  return job.type === 'group'
}

/** The phase group a job sits in (`provisioner`, `bootstrap-kit`, …), from its parent id; '' at the top. */
export function jobPhase(job: Pick<RunJob, 'parentId'>): string {
  return job.parentId ? splitJobId(job.parentId).jobName : ''
}

/** The job's status mapped onto the four lifecycle ones (health kinds included, contract §3.5). */
export function jobStatus(job: Pick<RunJob, 'status'>): RunStatus {
  return normaliseRunStatus(job.status)
}

export function isTerminal(s: RunStatus): s is 'succeeded' | 'failed' {
  return s === 'succeeded' || s === 'failed'
}

/** Regions bucket order: primary first, then region keys A→Z, deployment-wide last (the jobs table's). */
export function compareRegion(a: string, b: string): number {
  const rank = (r: string) => (r === PRIMARY ? 0 : r === NO_REGION ? 2 : 1)
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)
}

/** Jobs by full id; the first copy of a duplicated id wins (bad data must not flip results). */
export function jobsById<J extends RunJob>(jobs: readonly J[]): Map<string, J> {
  const out = new Map<string, J>()
  for (const j of jobs) if (!out.has(j.id)) out.set(j.id, j)
  return out
}
