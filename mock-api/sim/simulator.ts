/**
 * The mock backend's whole state and every operation on it, without HTTP: deployments (spec + operator
 * mutations → cached timeline), sign-in, UserAccess. Routes are a thin mapping onto these methods, and
 * `simulator.test.ts` exercises them directly. The class keeps the state and the public methods; the longer
 * method bodies and the default estate live in `simulator/` (issue 14: files under ~450 lines).
 */
import { IdempotencyStore } from './idempotency.ts'
import type { DeploymentRequest } from '../../src/contracts/deployments.ts'
import {
  SCENARIOS,
  type MockCreateDeploymentRequest,
  type ScenarioName,
} from '../../src/contracts/mockControl.ts'
import { AuthStore } from './authStore.ts'
import { VirtualClock } from './clock.ts'
import { statusChangeAt, eventCountAt, type StateWire } from './derive.ts'
import { jobAt } from './derive/jobsAt.ts'
import { attemptLines, executionsOf } from './derive/logLines.ts'
import { stateAt, summaryAt } from './derive/stateAt.ts'
import { hashString, keyedBetween, keyedHex } from './rng.ts'
import {
  computeTimeline,
  executionId,
  type DeploymentSpec,
  type Mutations,
  type PlannedJob,
  type Timeline,
} from './timeline/index.ts'
import type { Day2Plan } from './day2.ts'
import { ownerRecord, type UserAccessWire } from './userAccess.ts'
import { createDeployment, createMockDeployment, fqdnHolderOf } from './simulator/createDeployment.ts'
import { addLogFlood, findExecution, retryFailedJob } from './simulator/jobOperations.ts'
import { refreshDeploymentWatch, refuseKubeconfigPut, submitDay2Request } from './simulator/operations.ts'
import { beginDeploymentWipe, deleteDeploymentRecord } from './simulator/removeDeployment.ts'
import { seedEstate } from './simulator/seedEstate.ts'
import { deleteUserAccessRecord, saveUserAccessRecord } from './simulator/userAccessRecords.ts'

export interface DeploymentRecord {
  spec: DeploymentSpec
  mut: Mutations
  /** Bumped on every mutation; the cached timeline is recomputed when it changes. */
  version: number
  timeline?: { version: number; tl: Timeline; executions: Map<string, { jobName: string; attempt: number }> }
  /** Record reaped from the store (wiped via the API ~60 s ago, or deleted). */
  goneAt?: number | undefined
}

/** A refusal, with the HTTP status and body shape the contract prescribes (`text` = Go `http.Error`). */
export type Refusal = { status: number; json?: Record<string, unknown>; text?: string }
export type Outcome<T> = { ok: true; value: T } | ({ ok: false } & Refusal)

/** After its last HelmRelease settles a watcher keeps polling 10 minutes for late ones (contract §4.1). */
const WATCH_LATE_POLL_MS = 10 * 60_000

export interface SimulatorOptions {
  clock?: VirtualClock
  /** Clock settings `reset` returns to (tests: paused; dev: running fast). */
  clockDefaults?: { speed: number; paused: boolean }
  /** Log PINs to the console (dev) so a developer can sign in. */
  onPinIssued?: (email: string, pin: string) => void
}

export class Simulator {
  readonly clock: VirtualClock
  readonly auth = new AuthStore()
  readonly records = new Map<string, DeploymentRecord>()
  readonly userAccess = new Map<string, UserAccessWire[]>()
  /** `Idempotency-Key` answers of `POST /deployments` (mock extension, contract §2.3). */
  readonly launches = new IdempotencyStore<Record<string, unknown>>()
  defaultScenario: ScenarioName = 'healthy'
  private counter = 0
  private readonly clockDefaults: { speed: number; paused: boolean }
  readonly onPinIssued: ((email: string, pin: string) => void) | undefined

  constructor(opts: SimulatorOptions = {}) {
    this.clockDefaults = opts.clockDefaults ?? { speed: 1, paused: false }
    this.clock = opts.clock ?? new VirtualClock(this.clockDefaults)
    this.onPinIssued = opts.onPinIssued
    this.reset()
  }

  now(): number {
    return Math.floor(this.clock.now())
  }

  /** Back to the default estate (or a single deployment of one scenario), clock settings restored. */
  reset(scenario?: ScenarioName): void {
    this.clock.set(this.clockDefaults)
    this.auth.reset()
    this.records.clear()
    this.userAccess.clear()
    this.launches.clear()
    this.counter = 0
    this.defaultScenario = scenario ?? 'healthy'
    if (scenario) {
      this.createMock({
        scenario,
        regions: ['fsn1', 'nbg1', 'hel1'],
        sovereignFQDN: `${scenario}.omani.works`,
      })
    } else seedEstate(this)
  }

  // ── timelines ─────────────────────────────────────────────────────────────────────────────────────────

  timeline(rec: DeploymentRecord): Timeline {
    if (!rec.timeline || rec.timeline.version !== rec.version) {
      const tl = computeTimeline(rec.spec, rec.mut, { events: false })
      const executions = new Map<string, { jobName: string; attempt: number }>()
      for (const j of tl.jobs)
        j.attempts.forEach((_, i) =>
          executions.set(executionId(rec.spec.id, j.jobName, i), { jobName: j.jobName, attempt: i }),
        )
      rec.timeline = { version: rec.version, tl, executions }
    }
    return rec.timeline.tl
  }

  private touch(rec: DeploymentRecord): void {
    rec.version++
  }

  /** Stores a change to a record's operator mutations (the cached timeline is recomputed). */
  mutate(rec: DeploymentRecord, change: Partial<Mutations>): void {
    rec.mut = { ...rec.mut, ...change }
    this.touch(rec)
  }

  /** A live record (not deleted or reaped). */
  record(id: string): DeploymentRecord | undefined {
    const rec = this.records.get(id)
    if (!rec || (rec.goneAt !== undefined && this.now() >= rec.goneAt)) return undefined
    return rec
  }

  liveRecords(): DeploymentRecord[] {
    return [...this.records.values()].filter((r) => this.record(r.spec.id))
  }

  status(rec: DeploymentRecord, t = this.now()): string {
    return statusChangeAt(this.timeline(rec), t).status
  }

  /** The deployment whose Sovereign console answers at `console.<fqdn>` (wiped ones no longer do). */
  sovereignByFqdn(fqdn: string): DeploymentRecord | undefined {
    const lower = fqdn.toLowerCase()
    return this.liveRecords().find(
      (r) => r.spec.request.sovereignFQDN.toLowerCase() === lower && this.status(r) !== 'wiped',
    )
  }

  state(rec: DeploymentRecord, handoverOrigin: (fqdn: string) => string): StateWire {
    const t = this.now()
    const tl = this.timeline(rec)
    const numEvents = Math.min(eventCountAt(tl, t), 10_000)
    const status = this.status(rec, t)
    let handoverURL: string | undefined
    if (status === 'ready' && tl.handoverFiredAt !== null && tl.handoverFiredAt <= t) {
      // Re-minted on every read (contract §7 trap 15).
      const { token } = this.auth.mintHandover(
        rec.spec.id,
        rec.spec.request.sovereignFQDN,
        rec.spec.ownerEmail,
        t,
      )
      handoverURL = `${handoverOrigin(rec.spec.request.sovereignFQDN)}/auth/handover?token=${token}`
    }
    return stateAt(tl, t, rec.mut, { numEvents, handoverURL })
  }

  // ── deployments ──────────────────────────────────────────────────────────────────────────────────────

  private newId(): string {
    this.counter++
    let id = keyedHex(`deployment:${this.counter}:${this.now()}`, 8)
    while (this.records.has(id)) id = keyedHex(`${id}:again`, 8)
    return id
  }

  insert(spec: DeploymentSpec, mut?: Partial<Mutations>): DeploymentRecord {
    const rec: DeploymentRecord = {
      spec,
      mut: { retries: new Map(), logFloods: [], ...mut },
      version: 1,
    }
    this.records.set(spec.id, rec)
    return rec
  }

  /**
   * Who holds a FQDN at the pool-domain-manager: `reserved` while a deployment is still provisioning (its
   * reservation is not committed yet), `active` once committed; undefined when free. A wipe releases the
   * name, and so does a Phase-0 failure (catalyst-api releases the reservation; a Phase-1 failure does not).
   */
  fqdnHolder(fqdn: string): 'reserved' | 'active' | undefined {
    return fqdnHolderOf(this, fqdn)
  }

  /**
   * `POST /deployments` (already validated). A pool subdomain is reserved at the pool-domain-manager first:
   * 409 `subdomain-conflict` when someone holds it. BYO domains are the customer's and are not reserved.
   */
  create(request: DeploymentRequest, ownerEmail: string): Outcome<DeploymentRecord> {
    return createDeployment(this, request, ownerEmail, () => this.newId())
  }

  /** Control API: a deployment of a named scenario, optionally started `ageMs` in the past. */
  createMock(input: MockCreateDeploymentRequest & { id?: string }): DeploymentRecord {
    return createMockDeployment(this, input, () => this.newId())
  }

  /**
   * Control API with `count`: many deployments in one call (list benchmarks). Their timelines are computed
   * here, once, so the first `GET /deployments` afterwards answers as fast as any later one.
   */
  createMany(input: MockCreateDeploymentRequest, count: number): DeploymentRecord[] {
    const out: DeploymentRecord[] = []
    const base = input.ageMs ?? 0
    const spread = input.ageSpreadMs ?? 0
    for (let i = 0; i < count; i++) {
      const id = this.newId()
      const ageMs = spread > 0 ? Math.round(keyedBetween(hashString(id), 'age', base, base + spread)) : base
      const rec = this.createMock({
        ...input,
        id,
        ageMs,
        ...(input.sovereignFQDN ? { sovereignFQDN: `${i + 1}-${input.sovereignFQDN}` } : {}),
      })
      this.timeline(rec)
      out.push(rec)
    }
    return out
  }

  /** `DELETE /deployments/{id}`: record only; 409 in flight, 422 adopted; the cloud keeps running. */
  deleteRecord(rec: DeploymentRecord): Outcome<Record<string, unknown>> {
    return deleteDeploymentRecord(this, rec)
  }

  /** First half of `POST /wipe`: guards, then status `wiping`. The route finishes it after a short delay. */
  beginWipe(rec: DeploymentRecord, force: boolean): Outcome<{ finish: () => Record<string, unknown> }> {
    return beginDeploymentWipe(this, rec, force, (r) => this.touch(r))
  }

  /** The Sovereign's owner signed in through the handover link: the record becomes `adopted`. */
  adopt(rec: DeploymentRecord, email: string): void {
    const now = this.now()
    if (rec.mut.adoptedAt === undefined) {
      rec.mut.adoptedAt = now
      this.touch(rec)
    }
    const list = this.userAccess.get(rec.spec.id) ?? []
    const owner = ownerRecord(email, rec.spec.request.sovereignFQDN, now)
    if (!list.some((u) => u.name === owner.name)) list.unshift(owner)
    this.userAccess.set(rec.spec.id, list)
  }

  // ── operations: kubeconfig postback, watch refresh, Day-2 requests, stamping ───────────────────────

  /**
   * The per-region bearer rendered into cloud-init (the server keeps only its hash). Deterministic so the
   * control API can hand it to tests, as cloud-init has it on the node.
   */
  kubeconfigBearer(rec: DeploymentRecord, regionKey: string): string | undefined {
    if (!rec.spec.regions.some((r) => r.key === regionKey)) return undefined
    return keyedHex(`${rec.spec.id}:kubeconfig-bearer:${regionKey}:${rec.spec.seed}`, 32)
  }

  /** When a region's kubeconfig file landed (the simulated postback or a PUT), undefined if not yet. */
  kubeconfigLandedAt(rec: DeploymentRecord, regionKey: string, t = this.now()): number | undefined {
    const at = this.timeline(rec).kubeconfigAt.get(regionKey)
    return at !== null && at !== undefined && at <= t ? at : undefined
  }

  /**
   * Why `PUT /deployments/{id}/kubeconfig[?region=]` is refused before its body is read (Go
   * `handler/kubeconfig.go`): no bearer, no hash for that region, the wrong bearer, or already captured.
   */
  kubeconfigPutRefusal(
    rec: DeploymentRecord,
    regionKey: string | undefined,
    bearer: string,
  ): Refusal | undefined {
    return refuseKubeconfigPut(this, rec, regionKey, bearer)
  }

  /** The region's kubeconfig lands now (an early primary arms Phase 1; a late one only fills the file). */
  landKubeconfig(rec: DeploymentRecord, regionKey: string): void {
    this.mutate(rec, {
      kubeconfigPuts: new Map([...(rec.mut.kubeconfigPuts ?? []), [regionKey, this.now()]]),
    })
  }

  /** A Phase-1 watcher is attached: the lifecycle's own, or a refreshed one in its 10-minute late poll. */
  watching(rec: DeploymentRecord, t = this.now()): boolean {
    if (this.status(rec, t) === 'phase1-watching') return true
    return (rec.mut.watchRefreshes ?? []).some((at) => at <= t && t < at + WATCH_LATE_POLL_MS)
  }

  /**
   * `POST /deployments/{id}/refresh-watch` (Go `handler/jobs_backfill.go`): 409 without a kubeconfig on
   * disk, 200 when a watcher runs, 504 when the cluster no longer answers (being wiped), else a new
   * watcher whose seed is done before the 202.
   */
  refreshWatch(rec: DeploymentRecord): Outcome<{ status: 200 | 202; seededAt?: number }> {
    return refreshDeploymentWatch(this, rec)
  }

  /** A Day-2 infrastructure request that passed the handler's checks: claim + audit job, 202 or 409. */
  day2(rec: DeploymentRecord, plan: Extract<Day2Plan, { ok: true }>): Outcome<Record<string, unknown>> {
    return submitDay2Request(this, rec, plan)
  }

  /**
   * The instant a Sovereign's own catalyst-api learnt its deployment id: the cutover step that hands the
   * record over. Before it the chroot answers `/sovereign/self` with 503 and uses `sovereign-<fqdn>`.
   */
  stampedAt(rec: DeploymentRecord, t = this.now()): number | undefined {
    const step = this.timeline(rec).jobs.find((j) => j.jobName.endsWith('-catalyst-api-handoff'))
    const done = step?.attempts.find((a) => a.ok && a.end <= t)
    return done?.end
  }

  /** `PATCH /sovereign/apps/{slug}/publish`. */
  publish(rec: DeploymentRecord, slug: string, published: boolean): void {
    this.mutate(rec, { published: new Map([...(rec.mut.published ?? []), [slug, published]]) })
  }

  // ── jobs and logs ────────────────────────────────────────────────────────────────────────────────────

  plannedJob(rec: DeploymentRecord, jobName: string): PlannedJob | undefined {
    return this.timeline(rec).byName.get(jobName)
  }

  jobDetail(rec: DeploymentRecord, jobName: string) {
    const t = this.now()
    const tl = this.timeline(rec)
    const job = jobAt(tl, jobName, t, rec.mut)
    if (!job) return undefined
    const planned = tl.byName.get(jobName)
    return { job, executions: planned ? executionsOf(tl, planned, t, rec.mut) : [] }
  }

  /** Retry a failed job: a new execution starts now and the lifecycle continues from there. */
  retry(rec: DeploymentRecord, jobName: string): Outcome<Record<string, unknown>> {
    return retryFailedJob(this, rec, jobName, (r) => this.touch(r))
  }

  /** Finds an execution across every deployment the caller may see. */
  execution(
    id: string,
    visible: (rec: DeploymentRecord) => boolean,
  ): { rec: DeploymentRecord; job: PlannedJob; attempt: number } | undefined {
    return findExecution(this, id, visible)
  }

  /**
   * A synthetic log job. `opts.jobName` / `opts.displayName` / `opts.messages` are kept verbatim (hostile
   * input for security tests); a name another job already has is refused (undefined).
   */
  logFlood(
    rec: DeploymentRecord,
    lines: number,
    ratePerSec: number,
    lineBytes: number,
    opts: { jobName?: string; displayName?: string; messages?: string[] } = {},
  ): { jobName: string; executionId: string } | undefined {
    return addLogFlood(this, rec, lines, ratePerSec, lineBytes, opts, (r) => this.touch(r))
  }

  /** Lines of an attempt at now (used by tests). */
  lines(rec: DeploymentRecord, jobName: string, attempt = 0) {
    const job = this.plannedJob(rec, jobName)
    return job ? attemptLines(job, attempt, this.now(), rec.mut) : []
  }

  summaries(): ReturnType<typeof summaryAt>[] {
    const t = this.now()
    return this.liveRecords().map((r) => summaryAt(this.timeline(r), t, r.mut))
  }

  userAccessList(depId: string): UserAccessWire[] {
    return this.userAccess.get(depId) ?? []
  }

  saveUserAccess(depId: string, record: UserAccessWire, mode: 'create' | 'update'): Outcome<UserAccessWire> {
    return saveUserAccessRecord(this, depId, record, mode)
  }

  deleteUserAccess(depId: string, name: string): boolean {
    return deleteUserAccessRecord(this, depId, name)
  }
}

export { SCENARIOS }
