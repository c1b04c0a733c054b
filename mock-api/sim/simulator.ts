/**
 * The mock backend's whole state and every operation on it, without HTTP: deployments (spec + operator
 * mutations → cached timeline), sign-in, UserAccess. Routes are a thin mapping onto these methods, and
 * `simulator.test.ts` exercises them directly.
 */
import { IdempotencyStore } from './idempotency.ts'
import { DeploymentRequest } from '../../src/contracts/deployments.ts'
import {
  SCENARIOS,
  type MockCreateDeploymentRequest,
  type ScenarioName,
} from '../../src/contracts/mockControl.ts'
import { AuthStore } from './authStore.ts'
import { VirtualClock } from './clock.ts'
import {
  attemptLines,
  executionsOf,
  jobAt,
  stateAt,
  statusChangeAt,
  summaryAt,
  eventCountAt,
  type StateWire,
} from './derive.ts'
import { hashString, keyedBetween, keyedHex } from './rng.ts'
import {
  computeTimeline,
  executionId,
  jobStatusAt,
  regionPlans,
  type DeploymentSpec,
  type Mutations,
  type PlannedJob,
  type Timeline,
} from './timeline/index.ts'
import { cascadeFor, submitDay2, type Day2Plan } from './day2.ts'
import { topologyAt, wipeInventory } from './topology.ts'
import { applyStatus, ownerRecord, seededTeam, type UserAccessWire } from './userAccess.ts'

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

const MIN = 60_000
/** After its last HelmRelease settles a watcher keeps polling 10 minutes for late ones (contract §4.1). */
const WATCH_LATE_POLL_MS = 10 * 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const WIPE_MIN_AGE_MS = 30 * MIN
const REAP_AFTER_WIPE_MS = 60_000

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
    const lower = fqdn.toLowerCase()
    let holder: 'reserved' | 'active' | undefined
    for (const r of this.liveRecords()) {
      if (r.spec.request.sovereignFQDN.toLowerCase() !== lower) continue
      const status = this.status(r)
      if (status === 'wiped' || status === 'wiping') continue
      const tl = this.timeline(r)
      const committed = (tl.byName.get('tofu-output')?.attempts ?? []).some(
        (a) => a.ok && a.end <= this.now(),
      )
      if (status === 'failed' && !committed) continue
      if (committed) return 'active'
      holder = 'reserved'
    }
    return holder
  }

  /**
   * `POST /deployments` (already validated). A pool subdomain is reserved at the pool-domain-manager first:
   * 409 `subdomain-conflict` when someone holds it. BYO domains are the customer's and are not reserved.
   */
  create(request: DeploymentRequest, ownerEmail: string): Outcome<DeploymentRecord> {
    if (request.sovereignDomainMode === 'pool' && this.fqdnHolder(request.sovereignFQDN))
      return {
        ok: false,
        status: 409,
        json: {
          error: 'subdomain-conflict',
          detail: 'this subdomain has been reserved or activated for the chosen pool — pick a different name',
        },
      }
    const id = this.newId()
    const spec: DeploymentSpec = {
      id,
      createdAt: this.now(),
      seed: hashString(id),
      scenario: this.defaultScenario,
      request,
      ownerEmail: ownerEmail.toLowerCase(),
      regions: regionPlans(request),
      extraChartsPerRegion: 0,
      extraPods: 0,
    }
    return { ok: true, value: this.insert(spec) }
  }

  /** Control API: a deployment of a named scenario, optionally started `ageMs` in the past. */
  createMock(input: MockCreateDeploymentRequest & { id?: string }): DeploymentRecord {
    const regions = input.regions ?? ['fsn1', 'nbg1', 'hel1']
    const id = input.id ?? this.newId()
    const fqdn = input.sovereignFQDN ?? `sim-${id.slice(0, 6)}.omani.works`
    const owner = (input.ownerEmail ?? 'ops@omani.works').toLowerCase()
    const request = syntheticRequest(fqdn, owner, regions, input.orgName)
    const spec: DeploymentSpec = {
      id,
      createdAt: this.now() - (input.ageMs ?? 0),
      seed: hashString(id),
      scenario: input.scenario ?? 'healthy',
      request,
      ownerEmail: owner,
      regions: regionPlans(request),
      failChart: input.failChart,
      extraChartsPerRegion: input.extraChartsPerRegion ?? 0,
      extraPods: input.extraPods ?? 0,
    }
    return this.insert(spec)
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
    const status = this.status(rec)
    const base = { deploymentId: rec.spec.id, sovereignFQDN: rec.spec.request.sovereignFQDN }
    if (
      [
        'pending',
        'provisioning',
        'tofu-applying',
        'flux-bootstrapping',
        'phase1-watching',
        'wiping',
      ].includes(status)
    ) {
      return {
        ok: false,
        status: 409,
        json: {
          ...base,
          error: 'deployment-in-flight',
          status,
          storeDeleted: false,
          localCleaned: false,
          mode: 'record-only',
          note: `Deployment is ${status}; wait for it to finish or wipe it instead.`,
        },
      }
    }
    if (status === 'adopted') {
      return {
        ok: false,
        status: 422,
        json: {
          ...base,
          error: 'deployment-adopted',
          status,
          note: 'The customer adopted this Sovereign; its record belongs to them now.',
        },
      }
    }
    rec.goneAt = this.now()
    this.userAccess.delete(rec.spec.id)
    return {
      ok: true,
      value: {
        ...base,
        storeDeleted: true,
        localCleaned: true,
        pdmReleased: rec.spec.request.sovereignDomainMode === 'pool',
        mode: 'record-only',
        note: 'Record removed from the mothership. Cloud resources were not touched and keep running.',
      },
    }
  }

  /** First half of `POST /wipe`: guards, then status `wiping`. The route finishes it after a short delay. */
  beginWipe(rec: DeploymentRecord, force: boolean): Outcome<{ finish: () => Record<string, unknown> }> {
    const now = this.now()
    const status = this.status(rec, now)
    if (status === 'wiping') return { ok: false, status: 409, text: 'wipe already in progress' }
    if (status === 'wiped')
      return { ok: false, status: 409, json: { error: 'already-wiped', deploymentId: rec.spec.id } }
    const ageMs = now - rec.spec.createdAt
    if (status === 'phase1-watching' && ageMs < WIPE_MIN_AGE_MS && !force) {
      return {
        ok: false,
        status: 409,
        json: {
          error: 'deployment-too-young',
          deploymentId: rec.spec.id,
          sovereignFQDN: rec.spec.request.sovereignFQDN,
          status,
          startedAt: new Date(rec.spec.createdAt).toISOString(),
          ageSec: Math.floor(ageMs / 1000),
          minLifeSec: WIPE_MIN_AGE_MS / 1000,
          retryAfterSec: Math.ceil((WIPE_MIN_AGE_MS - ageMs) / 1000),
          hint: 'Phase 1 is still installing; wiping now may orphan resources that are being created. Retry with ?force=true to wipe anyway.',
        },
      }
    }
    const counts = wipeInventory(topologyAt(this.timeline(rec), now, rec.mut))
    rec.mut.wipe = { requestedAt: now, wipedAt: Infinity }
    this.touch(rec)
    return {
      ok: true,
      value: {
        finish: () => {
          // Same instant as the request is fine: the `wiped` change sorts after `wiping`.
          const at = Math.max(this.now(), now)
          rec.mut.wipe = { requestedAt: now, wipedAt: at }
          rec.goneAt = at + REAP_AFTER_WIPE_MS
          this.touch(rec)
          this.userAccess.delete(rec.spec.id)
          return {
            deploymentId: rec.spec.id,
            sovereignFQDN: rec.spec.request.sovereignFQDN,
            tofuDestroyed: true,
            hetznerPurge: {
              servers: counts.servers,
              load_balancers: counts.loadBalancers,
              networks: counts.networks,
              firewalls: counts.firewalls,
              ssh_keys: counts.servers > 0 ? 1 : 0,
              s3_buckets: counts.buckets,
              volumes: counts.volumes,
              primary_ips: counts.servers,
              floating_ips: 0,
              firewalls_retried: 0,
              errors: [],
            },
            pdmReleased: rec.spec.request.sovereignDomainMode === 'pool',
            localCleaned: true,
            errors: [],
            wipedAt: new Date(at).toISOString(),
          }
        },
      },
    }
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
    if (!bearer)
      return {
        status: 401,
        json: { error: 'missing-bearer', detail: 'Authorization: Bearer <token> header is required' },
      }
    const expected = regionKey === undefined ? undefined : this.kubeconfigBearer(rec, regionKey)
    if (!expected)
      return {
        status: 403,
        json: {
          error: 'no-bearer-hash',
          detail: 'this deployment has no bearer hash on record; refusing to accept a kubeconfig',
        },
      }
    if (bearer !== expected)
      return {
        status: 403,
        json: {
          error: 'invalid-bearer',
          detail: "bearer token does not match the deployment's expected hash",
        },
      }
    if (this.kubeconfigLandedAt(rec, regionKey!) !== undefined)
      return {
        status: 403,
        json: {
          error: 'already-set',
          detail: 'kubeconfig has already been captured for this deployment; bearer is single-use',
        },
      }
    return undefined
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
    const now = this.now()
    const primary = rec.spec.regions[0]!.key
    const status = this.status(rec, now)
    if (this.kubeconfigLandedAt(rec, primary, now) === undefined)
      return {
        ok: false,
        status: 409,
        json: {
          error: 'watch-not-resumable',
          detail:
            'deployment has no kubeconfigPath — Phase 0 may not have completed yet, or cloud-init never PUT the kubeconfig back',
        },
      }
    if (status === 'wiped')
      return {
        ok: false,
        status: 409,
        json: {
          error: 'watch-not-resumable',
          detail: `kubeconfig file missing on PVC: /var/lib/catalyst/kubeconfigs/${rec.spec.id}.yaml`,
        },
      }
    if (this.watching(rec, now)) return { ok: true, value: { status: 200 } }
    if (status === 'wiping')
      return {
        ok: false,
        status: 504,
        json: {
          error: 'seed-timeout',
          detail: 'watcher started but informer initial-list did not sync within 30s',
          watching: true,
        },
      }
    this.mutate(rec, { watchRefreshes: [...(rec.mut.watchRefreshes ?? []), now] })
    return { ok: true, value: { status: 202, seededAt: now } }
  }

  /** A Day-2 infrastructure request that passed the handler's checks: claim + audit job, 202 or 409. */
  day2(rec: DeploymentRecord, plan: Extract<Day2Plan, { ok: true }>): Outcome<Record<string, unknown>> {
    const now = this.now()
    const primary = rec.spec.regions[0]!.key
    const landed = this.kubeconfigLandedAt(rec, primary, now)
    const status = this.status(rec, now)
    if (landed === undefined || status === 'wiped') {
      return {
        ok: false,
        status: 503,
        json: {
          error: 'sovereign-cluster-unreachable',
          detail:
            landed === undefined
              ? "sovereign cluster kubeconfig not yet posted back — cloud-init in flight or PUT /kubeconfig missed; retry once the wizard's success screen reaches Phase-1 ready"
              : `read kubeconfig: open /var/lib/catalyst/kubeconfigs/${rec.spec.id}.yaml: no such file or directory`,
        },
      }
    }
    const cascade = plan.remove
      ? cascadeFor(plan.kind, plan.slug, topologyAt(this.timeline(rec), now, rec.mut))
      : undefined
    const out = submitDay2(plan, rec.spec.id, now, rec.mut.claims ?? new Map(), cascade)
    this.mutate(rec, { day2: [...(rec.mut.day2 ?? []), out.mutation], claims: out.nextClaims })
    return out.status === 202
      ? { ok: true, value: out.body }
      : { ok: false, status: out.status, json: out.body }
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
    const job = this.plannedJob(rec, jobName)
    const now = this.now()
    if (!job) return { ok: false, status: 404, json: { error: 'job-not-found' } }
    // A Day-2 audit job records one request; a new request is a new execution, not a retry.
    if (job.kind === 'mutation' || job.flood)
      return {
        ok: false,
        status: 409,
        json: {
          error: 'job-not-retryable',
          detail: 'Submit the request again instead of retrying its record.',
        },
      }
    if (
      jobStatusAt(job, now) !== 'failed' ||
      this.status(rec, now) === 'wiped' ||
      this.status(rec, now) === 'wiping'
    ) {
      return {
        ok: false,
        status: 409,
        json: { error: 'job-not-failed', detail: 'Only failed jobs can be retried.' },
      }
    }
    rec.mut.retries.set(jobName, [...(rec.mut.retries.get(jobName) ?? []), now])
    this.touch(rec)
    const planned = this.plannedJob(rec, jobName)!
    const executions = executionsOf(this.timeline(rec), planned, now, rec.mut)
    return { ok: true, value: executions[0] as Record<string, unknown> }
  }

  /** Finds an execution across every deployment the caller may see. */
  execution(
    id: string,
    visible: (rec: DeploymentRecord) => boolean,
  ): { rec: DeploymentRecord; job: PlannedJob; attempt: number } | undefined {
    for (const rec of this.liveRecords()) {
      if (!visible(rec)) continue
      this.timeline(rec)
      const hit = rec.timeline!.executions.get(id)
      if (hit) {
        const job = rec.timeline!.tl.byName.get(hit.jobName)!
        if (job.attempts[hit.attempt] && job.attempts[hit.attempt]!.start <= this.now())
          return { rec, job, attempt: hit.attempt }
      }
    }
    return undefined
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
    const jobName = opts.jobName ?? `task-log-flood-${rec.mut.logFloods.length + 1}`
    if (this.plannedJob(rec, jobName)) return undefined
    rec.mut.logFloods.push({
      jobName,
      displayName: opts.displayName,
      requestedAt: this.now(),
      lines,
      ratePerSec,
      lineBytes,
      messages: opts.messages,
    })
    this.touch(rec)
    return { jobName, executionId: executionId(rec.spec.id, jobName, 0) }
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
    const list = this.userAccess.get(depId) ?? []
    const i = list.findIndex((u) => u.name === record.name)
    if (mode === 'create' && i >= 0)
      return { ok: false, status: 409, json: { error: 'user-access-name-conflict' } }
    if (mode === 'update' && i < 0)
      return { ok: false, status: 404, json: { error: 'user-access-not-found' } }
    const saved = applyStatus({
      ...record,
      creationTimestamp: i >= 0 ? list[i]!.creationTimestamp : new Date(this.now()).toISOString(),
    })
    if (i >= 0) list[i] = saved
    else list.push(saved)
    this.userAccess.set(depId, list)
    return { ok: true, value: saved }
  }

  deleteUserAccess(depId: string, name: string): boolean {
    const list = this.userAccess.get(depId) ?? []
    const i = list.findIndex((u) => u.name === name)
    if (i < 0) return false
    list.splice(i, 1)
    return true
  }
}

const SKUS = { cp: 'cpx42', worker: 'cpx32' }

/**
 * A complete request for control-API and estate deployments. The FQDN and org name are kept verbatim after
 * validation of the rest, so security tests can inject hostile strings that the wizard would refuse.
 */
export function syntheticRequest(
  fqdn: string,
  owner: string,
  cloudRegions: string[],
  orgName?: string,
): DeploymentRequest {
  const [sub, ...pool] = fqdn.split('.')
  const poolDomain = pool.join('.')
  const byo = !['omani.works', 'openova.cloud'].includes(poolDomain)
  const parsed = DeploymentRequest.parse({
    orgName: 'placeholder',
    orgEmail: owner,
    sovereignFQDN: 'placeholder.example.com',
    sovereignDomainMode: byo ? 'byo' : 'pool',
    ...(byo ? { sovereignByoDomain: fqdn } : { sovereignPoolDomain: poolDomain, sovereignSubdomain: sub }),
    provider: 'hetzner',
    region: cloudRegions[0],
    controlPlaneSize: SKUS.cp,
    workerSize: SKUS.worker,
    workerCount: 2,
    storageClass: 'hcloud-volumes',
    bcpTopology: cloudRegions.length > 1 ? 'active-hotstandby' : 'single-region',
    regions: cloudRegions.map((cloudRegion, i) => ({
      provider: 'hetzner',
      cloudRegion,
      controlPlaneSize: SKUS.cp,
      workerSize: SKUS.worker,
      workerCount: i === 0 ? 3 : 2,
      storageClass: 'hcloud-volumes',
    })),
  })
  const org = orgName ?? `${(sub ?? 'org').charAt(0).toUpperCase()}${(sub ?? 'org').slice(1)} Ltd`
  return { ...parsed, sovereignFQDN: fqdn, orgName: org }
}

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

function seedEstate(sim: Simulator): void {
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

export { SCENARIOS }
