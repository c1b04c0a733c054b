/**
 * The apps view model, built from three sources that each know part of the truth:
 *
 *   catalog (`GET /catalog`)            what exists: title, family, namespace, version, dependencies
 *   deployment State `componentStates`  where it runs and how it is: `cilium` (primary region),
 *                                       `nbg1-1:cilium` (secondary region `nbg1-1`)
 *   `GET /sovereign/apps` (Sovereign)   live status, external URL, marketplace flag
 *
 * Definitions used everywhere on these pages (one place, so counts can never disagree — regression 47):
 *   - "in the catalog"     every catalog blueprint (M);
 *   - "on this deployment" a blueprint with a HelmRelease state in at least one region (or, on a Sovereign
 *                          with no State for it, a live status other than "available");
 *   - "installed"          on this deployment and its HelmRelease is installed in EVERY region it is placed in
 *                          (N). Installed in some regions and still rolling out elsewhere is "installing";
 *                          installed somewhere but failed or degraded elsewhere is "degraded".
 * Pure: no React, no fetching.
 */
import { blueprintId, type CatalogBlueprint, type SovereignApp } from '../../contracts/apps.ts'
import type { DeploymentState } from '../../contracts/deployments.ts'

/** A blueprint's state in one region (the HelmRelease vocabulary of `componentStates`). */
export type RegionAppStatus = 'installed' | 'installing' | 'pending' | 'degraded' | 'failed'

/** The app's overall status; `available` = in the catalog but not on this deployment. */
export type AppStatus = 'installed' | 'installing' | 'degraded' | 'failed' | 'pending' | 'available'

export const APP_STATUSES: readonly AppStatus[] = [
  'failed',
  'degraded',
  'installing',
  'pending',
  'installed',
  'available',
]

export const APP_STATUS_LABELS: Record<AppStatus, string> = {
  installed: 'Installed',
  installing: 'Installing',
  degraded: 'Degraded',
  failed: 'Failed',
  pending: 'Pending',
  available: 'Not installed',
}

export interface RegionPlacement {
  /** Region key as the jobs use it (`fsn1`, `nbg1-1`). */
  region: string
  primary: boolean
  /** `absent` = this blueprint is not placed in the region (e.g. primary-only charts). */
  status: RegionAppStatus | 'absent'
  /** The `componentStates` key / job `appId` of this placement (`cilium`, `nbg1-1:cilium`). */
  componentKey: string
}

export interface AppCardModel {
  /** Canonical `bp-<slug>` (never `bp-bp-`). */
  id: string
  slug: string
  title: string
  summary: string
  description: string
  family: string
  familyLabel: string
  version: string
  namespace: string | undefined
  bootstrap: boolean
  docs: string | undefined
  status: AppStatus
  regions: RegionPlacement[]
  /** Canonical ids of the blueprints this one depends on. */
  dependsOn: string[]
  externalURL: string | undefined
  marketplacePublished: boolean
  /** False for an app seen on the deployment but missing from the catalog. */
  inCatalog: boolean
}

/** `bp-<slug>` → `<slug>`; strips every leading `bp-` so a doubled prefix never survives (regression 47). */
export function appSlug(id: string): string {
  return id.trim().replace(/^(bp-)+/, '')
}

/** The one canonical id of an app: `bp-<slug>`, whatever form it arrived in (`alloy`, `bp-bp-alloy`). */
export function canonicalAppId(id: string): string {
  return blueprintId(appSlug(id))
}

/** `nbg1-1:cilium` → {region: 'nbg1-1', slug: 'cilium'}; `cilium` → {region: undefined (primary), slug}. */
export function parseComponentKey(key: string): { region: string | undefined; slug: string } {
  const i = key.indexOf(':')
  return i < 0 ? { region: undefined, slug: key } : { region: key.slice(0, i), slug: key.slice(i + 1) }
}

/** The `componentStates` key (and job `appId`) of an app in a region. */
export function componentKey(slug: string, region: string, primary: boolean): string {
  return primary ? slug : `${region}:${slug}`
}

const REGION_STATUS: Record<string, RegionAppStatus> = {
  installed: 'installed',
  ready: 'installed',
  succeeded: 'installed',
  installing: 'installing',
  running: 'installing',
  pending: 'pending',
  degraded: 'degraded',
  failed: 'failed',
}

/** HelmRelease state words from the wire; unknown words are treated as still pending. */
export function normaliseRegionStatus(s: string): RegionAppStatus {
  return REGION_STATUS[s] ?? 'pending'
}

/**
 * One status out of the per-region ones (the definitions at the top of this file):
 * failed everywhere it is placed → failed; failed/degraded somewhere but installed elsewhere → degraded;
 * installed everywhere → installed; anything installing, or installed somewhere while pending elsewhere →
 * installing; all pending → pending; not placed anywhere → available.
 */
export function rollupAppStatus(statuses: readonly (RegionAppStatus | 'absent')[]): AppStatus {
  const placed = statuses.filter((s): s is RegionAppStatus => s !== 'absent')
  if (placed.length === 0) return 'available'
  const has = (s: RegionAppStatus) => placed.includes(s)
  const installed = placed.filter((s) => s === 'installed').length
  if (has('failed') || has('degraded')) {
    if (installed > 0 || has('degraded')) return 'degraded'
    return 'failed'
  }
  if (installed === placed.length) return 'installed'
  if (has('installing') || installed > 0) return 'installing'
  return 'pending'
}

/** `GET /sovereign/apps` status words → AppStatus (upstream: installed|bootstrap → installed). */
export function liveAppStatus(status: string): AppStatus {
  switch (status) {
    case 'installed':
    case 'bootstrap':
    case 'ready':
      return 'installed'
    case 'installing':
      return 'installing'
    case 'failed':
      return 'failed'
    case 'degraded':
      return 'degraded'
    case 'available':
    case '':
      return 'available'
    default:
      return 'pending'
  }
}

export interface RegionRef {
  region: string
  primary: boolean
}

/**
 * The deployment's regions, primary first: from `State.regions`, completed with any region that only
 * appears in `componentStates` keys (a State from an older backend may lack `regions`).
 */
export function deploymentRegions(state: Pick<DeploymentState, 'regions' | 'componentStates'> | undefined) {
  const out: RegionRef[] = []
  const seen = new Set<string>()
  for (const r of state?.regions ?? []) {
    if (seen.has(r.region)) continue
    seen.add(r.region)
    out.push({ region: r.region, primary: r.primary })
  }
  if (!out.some((r) => r.primary)) {
    // No primary flagged: the bare keys belong to an unnamed primary region.
    const bare = Object.keys(state?.componentStates ?? {}).some((k) => !k.includes(':'))
    if (bare) out.unshift({ region: 'primary', primary: true })
  }
  for (const key of Object.keys(state?.componentStates ?? {})) {
    const { region } = parseComponentKey(key)
    if (region && !seen.has(region)) {
      seen.add(region)
      out.push({ region, primary: false })
    }
  }
  return out
}

/** Only http(s) URLs become links; anything else (`javascript:` …) is dropped. */
export function safeExternalUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const u = new URL(url)
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : undefined
  } catch {
    return undefined
  }
}

export interface BuildAppsInput {
  catalog: readonly CatalogBlueprint[]
  state?: Pick<DeploymentState, 'regions' | 'componentStates'> | undefined
  /** Sovereign only: the live `/sovereign/apps` rows. */
  live?: readonly SovereignApp[] | undefined
  /** Family key → label, when the catalog card does not carry a category. */
  familyLabels?: Record<string, string>
}

function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ')
}

function buildCard(
  slug: string,
  bp: CatalogBlueprint | undefined,
  regions: readonly RegionRef[],
  states: Record<string, string>,
  live: SovereignApp | undefined,
  familyLabels: Record<string, string>,
): AppCardModel {
  const placements: RegionPlacement[] = regions.map((r) => {
    const key = componentKey(slug, r.region, r.primary)
    const s = states[key]
    return {
      region: r.region,
      primary: r.primary,
      status: s === undefined ? 'absent' : normaliseRegionStatus(s),
      componentKey: key,
    }
  })
  let status = rollupAppStatus(placements.map((p) => p.status))
  // The mothership's State has no word on this app (a chroot Sovereign, an app installed after handover):
  // the Sovereign's own live status fills the gap. Per-region State wins when it exists — it is richer.
  if (status === 'available' && live) status = liveAppStatus(live.status)
  const family = bp?.card.family || 'other'
  return {
    id: blueprintId(slug),
    slug,
    title: bp?.card.title || titleFromSlug(slug),
    summary: bp?.card.summary ?? '',
    description: bp?.card.description ?? '',
    family,
    familyLabel: bp?.card.category || familyLabels[family] || titleFromSlug(family),
    version: bp?.version ?? '',
    namespace: bp?.namespace,
    bootstrap: bp?.bootstrap ?? bp?.card.tags.includes('bootstrap-kit') ?? false,
    docs: safeExternalUrl(bp?.card.docs),
    status,
    regions: placements,
    dependsOn: [...new Set((bp?.dependsOn ?? []).map(canonicalAppId))],
    externalURL: safeExternalUrl(live?.externalURL),
    marketplacePublished: live?.marketplacePublished ?? false,
    inCatalog: bp !== undefined,
  }
}

/** One card per catalog blueprint (deduplicated by canonical id), in catalog order. */
export function buildAppCards(input: BuildAppsInput): AppCardModel[] {
  const regions = deploymentRegions(input.state)
  const states = (input.state?.componentStates ?? {}) as Record<string, string>
  const liveBySlug = new Map((input.live ?? []).map((a) => [appSlug(a.slug || a.id), a]))
  const seen = new Set<string>()
  const out: AppCardModel[] = []
  for (const bp of input.catalog) {
    const slug = appSlug(bp.name)
    if (!slug || seen.has(slug)) continue
    seen.add(slug)
    out.push(buildCard(slug, bp, regions, states, liveBySlug.get(slug), input.familyLabels ?? {}))
  }
  return out
}

/**
 * The card of one app, also when the catalog does not list it but the deployment runs it (a treemap leaf
 * or an old link may point at such an app). Undefined when nothing at all is known about it.
 */
export function findAppCard(input: BuildAppsInput, id: string): AppCardModel | undefined {
  const slug = appSlug(id)
  const fromCatalog = buildAppCards(input).find((c) => c.slug === slug)
  if (fromCatalog) return fromCatalog
  const states = (input.state?.componentStates ?? {}) as Record<string, string>
  const onDeployment = Object.keys(states).some((k) => parseComponentKey(k).slug === slug)
  const live = (input.live ?? []).find((a) => appSlug(a.slug || a.id) === slug)
  if (!onDeployment && !live) return undefined
  return buildCard(slug, undefined, deploymentRegions(input.state), states, live, input.familyLabels ?? {})
}

export function isOnDeployment(card: Pick<AppCardModel, 'status'>): boolean {
  return card.status !== 'available'
}

export interface AppsSummary {
  /** M: blueprints in the catalog. */
  catalog: number
  /** Blueprints on this deployment (any status but `available`). */
  onDeployment: number
  /** N: installed everywhere they are placed. */
  installed: number
  byStatus: Record<AppStatus, number>
  families: { id: string; label: string; count: number }[]
}

export function summariseApps(cards: readonly AppCardModel[]): AppsSummary {
  const byStatus = Object.fromEntries(APP_STATUSES.map((s) => [s, 0])) as Record<AppStatus, number>
  const families = new Map<string, { id: string; label: string; count: number }>()
  for (const c of cards) {
    byStatus[c.status]++
    const f = families.get(c.family) ?? { id: c.family, label: c.familyLabel, count: 0 }
    f.count++
    families.set(c.family, f)
  }
  return {
    catalog: cards.filter((c) => c.inCatalog).length,
    onDeployment: cards.filter(isOnDeployment).length,
    installed: byStatus.installed,
    byStatus,
    families: [...families.values()].sort((a, b) => a.label.localeCompare(b.label)),
  }
}

/** Status filter values: a status, `all` (the whole catalog), or none (everything on this deployment). */
export type StatusFilter = AppStatus | 'all' | undefined

export function parseStatusFilter(v: string | undefined): StatusFilter {
  if (v === 'all') return 'all'
  return (APP_STATUSES as readonly string[]).includes(v ?? '') ? (v as AppStatus) : undefined
}

export interface AppsFilter {
  q?: string | undefined
  family?: string | undefined
  status?: string | undefined
}

/** Case-insensitive substring search over title, id, summary, family and namespace. */
function matchesQuery(c: AppCardModel, q: string): boolean {
  const needle = q.trim().toLowerCase()
  if (!needle) return true
  return [c.title, c.id, c.summary, c.familyLabel, c.family, c.namespace ?? ''].some((h) =>
    h.toLowerCase().includes(needle),
  )
}

const STATUS_ORDER = new Map(APP_STATUSES.map((s, i) => [s, i]))

/** Filters cards by the URL state; problems first (failed, degraded, installing…), then by title. */
export function filterAppCards(cards: readonly AppCardModel[], f: AppsFilter): AppCardModel[] {
  const status = parseStatusFilter(f.status)
  return cards
    .filter((c) => {
      if (status === undefined ? !isOnDeployment(c) : status !== 'all' && c.status !== status) return false
      if (f.family && c.family !== f.family) return false
      return matchesQuery(c, f.q ?? '')
    })
    .sort(
      (a, b) =>
        (STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0) ||
        a.title.localeCompare(b.title),
    )
}

/** Canonical ids of the apps that depend on `id` ("pulled in by"). */
export function dependentsOf(cards: readonly AppCardModel[], id: string): string[] {
  const target = canonicalAppId(id)
  return cards.filter((c) => c.dependsOn.includes(target)).map((c) => c.id)
}
