/**
 * The rules of removing a deployment (pure): when Delete is allowed, what each refusal means in plain
 * words, and what a wipe will destroy (computed from the deployment's topology before anything happens).
 */
import { SOVEREIGN_DNS_RECORDS, isInFlightStatus } from '../../../contracts/deployments.ts'
import type { Infrastructure } from '../../../contracts/topology.ts'

export type DeleteMode = 'record' | 'wipe'

const DOING: Record<string, string> = {
  pending: 'pending',
  provisioning: 'provisioning',
  'tofu-applying': 'applying infrastructure',
  'flux-bootstrapping': 'bootstrapping Flux',
  'phase1-watching': 'installing',
  wiping: 'being wiped',
}

/** Why the record of a deployment in `status` cannot be deleted now; undefined when it can. */
export function deleteBlockReason(status: string): string | undefined {
  if (!isInFlightStatus(status)) return undefined
  const doing = DOING[status]
  return doing ? `Can't delete while ${doing}` : `Can't delete in state “${status}”`
}

/** Why a wipe cannot be started at all (already wiped or a wipe running); undefined when it can. */
export function wipeBlockReason(status: string): string | undefined {
  if (status === 'wiped') return 'Already wiped: there is no infrastructure left to destroy.'
  if (status === 'wiping') return 'A wipe is already running.'
  if (status === 'adopted') return 'The customer adopted this Sovereign; the mothership no longer owns it.'
  return undefined
}

/** Which of the two modes the dialog may offer for a deployment in `status`, and which it opens in. */
export interface ModeAvailability {
  /** Why record-only is refused now; undefined when allowed. */
  record: string | undefined
  /** Why a wipe is refused now; undefined when allowed. */
  wipe: string | undefined
  preferred: DeleteMode
}

export function modeAvailability(status: string): ModeAvailability {
  const record = deleteBlockReason(status)
  const wipe = wipeBlockReason(status)
  return { record, wipe, preferred: record && !wipe ? 'wipe' : 'record' }
}

/**
 * What the deployments list offers in a row's Delete. Settled rows: both modes. `phase1-watching`: the
 * backend refuses record-only (409) but allows a wipe, behind its 30-minute age guard (`?force=true` past
 * it) — exactly what a stuck install (Flux not reconciling) needs, so Delete opens wipe-only. Every other
 * in-flight state (the cloud is still being created) stays blocked with the reason; its overview still has
 * "Cancel and wipe…".
 */
export type ListDeleteOffer =
  { offered: true; wipeOnly: boolean; note: string | undefined } | { offered: false; reason: string }

export function listDeleteOffer(status: string): ListDeleteOffer {
  if (status === 'phase1-watching' && !wipeBlockReason(status))
    return { offered: true, wipeOnly: true, note: 'Installing: wipe only' }
  const reason = deleteBlockReason(status)
  return reason ? { offered: false, reason } : { offered: true, wipeOnly: false, note: undefined }
}

/** The parts of an API error the explanation needs (structurally an `ApiError`). */
export interface FailureLike {
  status: number
  code?: string | undefined
  message: string
  body?: Record<string, unknown> | undefined
}

export type FailureKind =
  | 'gone'
  | 'in-flight'
  | 'adopted'
  | 'too-young'
  | 'wipe-running'
  | 'already-wiped'
  | 'token-missing'
  | 'other'

export interface FailureExplanation {
  kind: FailureKind
  title: string
  message: string
  /** Age guard only: how long until the wipe is allowed without force. */
  retryAfterSec?: number
  ageSec?: number
  minLifeSec?: number
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** "18 minutes", "1 minute", "40 seconds". */
export function humanSeconds(sec: number): string {
  const s = Math.max(0, Math.round(sec))
  if (s < 90) return `${s} second${s === 1 ? '' : 's'}`
  const m = Math.round(s / 60)
  if (m < 90) return `${m} minute${m === 1 ? '' : 's'}`
  const h = Math.round(m / 60)
  return `${h} hour${h === 1 ? '' : 's'}`
}

/** Plain-words meaning of a refused delete or wipe (contract §2.3, §2.3.1). */
export function explainDeleteFailure(mode: DeleteMode, e: FailureLike, fqdn: string): FailureExplanation {
  const status = typeof e.body?.status === 'string' ? e.body.status : undefined
  if (e.status === 404) {
    return {
      kind: 'gone',
      title: 'Already deleted',
      message: `The record of ${fqdn} no longer exists on the mothership — it was already deleted (perhaps from another tab). Nothing else to do.`,
    }
  }
  if (e.status === 422) {
    return {
      kind: 'adopted',
      title: 'Adopted by the customer',
      message: `${fqdn} has been adopted: the customer signed in to their Sovereign and now owns it, including its record. The mothership can no longer delete or wipe it.`,
    }
  }
  if (e.status === 409 && mode === 'wipe' && e.code === 'deployment-too-young') {
    const ageSec = num(e.body?.ageSec)
    const minLifeSec = num(e.body?.minLifeSec) ?? 1800
    const retryAfterSec = num(e.body?.retryAfterSec)
    return {
      kind: 'too-young',
      title: 'Still installing — wipe refused for now',
      message:
        `${fqdn} started ${ageSec !== undefined ? `${humanSeconds(ageSec)} ago` : 'recently'} and is still installing. ` +
        `Wiping a Sovereign younger than ${humanSeconds(minLifeSec)} can leave behind cloud resources that are being created right now (and keep billing). ` +
        (retryAfterSec !== undefined
          ? `Wait about ${humanSeconds(retryAfterSec)}, or force the wipe if you are sure.`
          : 'Wait, or force the wipe if you are sure.'),
      ...(retryAfterSec !== undefined ? { retryAfterSec } : {}),
      ...(ageSec !== undefined ? { ageSec } : {}),
      minLifeSec,
    }
  }
  if (e.status === 409 && mode === 'wipe' && /already in progress/i.test(e.message)) {
    return {
      kind: 'wipe-running',
      title: 'A wipe is already running',
      message: `Someone already started wiping ${fqdn}. Wait for it to finish; the record disappears when it is done.`,
    }
  }
  if (e.status === 409 && e.code === 'already-wiped') {
    return {
      kind: 'already-wiped',
      title: 'Already wiped',
      message: `${fqdn} was already wiped: its infrastructure is gone. Delete the record only to remove it from the list.`,
    }
  }
  if (e.status === 409) {
    return {
      kind: 'in-flight',
      title: 'Still running — record not deleted',
      message:
        `${fqdn} is ${status ? (DOING[status] ?? status) : 'still running'} right now. ` +
        'Its record can only be deleted once it has finished (ready or failed). Wait for it to finish, or wipe the infrastructure instead — a wipe stops it and deletes the record.',
    }
  }
  if (e.status === 400 && mode === 'wipe') {
    return {
      kind: 'token-missing',
      title: 'Provider token needed',
      message: `The API refused the wipe: ${e.message}`,
    }
  }
  return {
    kind: 'other',
    title: e.status ? `The API refused (HTTP ${e.status})` : 'The request failed',
    message: e.message,
  }
}

export interface RegionWipe {
  key: string
  providerRegion: string
  servers: number
  loadBalancers: number
  networks: number
  firewalls: number
  volumes: number
  /** Public addresses of the region's load balancers (what DNS points at). */
  publicIPs: string[]
}

export interface WipePreview {
  regions: RegionWipe[]
  buckets: string[]
  /** Record names that will be removed from DNS (empty when nothing was created yet). */
  dnsRecords: string[]
  totals: { servers: number; loadBalancers: number; networks: number; firewalls: number; volumes: number }
  /** Nothing exists in the cloud yet (OpenTofu has not created anything): the wipe only removes the record. */
  nothingCreated: boolean
}

/** What a wipe will destroy, per region, from the deployment's current topology. */
export function wipePreview(infra: Infrastructure, fqdn: string): WipePreview {
  const volumesByRegion = new Map<string, number>()
  for (const v of infra.storage.volumes)
    volumesByRegion.set(v.region, (volumesByRegion.get(v.region) ?? 0) + 1)
  const regions: RegionWipe[] = infra.topology.regions.map((r) => {
    const key = r.name || r.id.replace(/^region-/, '')
    const clusters = r.clusters
    const lbs = clusters.flatMap((c) => c.loadBalancers)
    return {
      key,
      providerRegion: r.providerRegion,
      servers: clusters.reduce((s, c) => s + c.nodes.length, 0),
      loadBalancers: lbs.length,
      networks: r.networks.length,
      firewalls: r.networks.filter((n) => n.firewall).length,
      volumes: volumesByRegion.get(key) ?? 0,
      publicIPs: lbs.map((lb) => lb.publicIP).filter(Boolean),
    }
  })
  const totals = regions.reduce(
    (t, r) => ({
      servers: t.servers + r.servers,
      loadBalancers: t.loadBalancers + r.loadBalancers,
      networks: t.networks + r.networks,
      firewalls: t.firewalls + r.firewalls,
      volumes: t.volumes + r.volumes,
    }),
    { servers: 0, loadBalancers: 0, networks: 0, firewalls: 0, volumes: 0 },
  )
  const buckets = infra.storage.buckets.map((b) => b.name)
  const created = totals.servers + totals.loadBalancers + totals.networks + buckets.length > 0
  return {
    regions,
    buckets,
    dnsRecords: created && fqdn ? SOVEREIGN_DNS_RECORDS.map((n) => `${n}.${fqdn}`) : [],
    totals,
    nothingCreated: !created,
  }
}

/** Minimum length of a provider token before the wipe can be confirmed (upstream: > 20 characters). */
export const MIN_TOKEN_LENGTH = 21
