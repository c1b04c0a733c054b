/**
 * The new-deployment wizard as data (pure): the draft (what survives a reload — never a secret), the
 * catalogue of regions and server types, per-step validation, region-key derivation and the one place the
 * `POST /deployments` body is built (contract §3.2).
 */
import { z } from 'zod'
import type { DeploymentRequest } from '../../../contracts/deployments.ts'
import { REGISTRARS } from '../../../contracts/wizard.ts'
import {
  HETZNER_REGIONS,
  HETZNER_SKUS,
  MAX_WORKERS,
  MIN_WORKERS,
} from '../../../entities/catalog/hetznerCatalog.ts'

// The catalogue is shared with the Cloud page's Day-2 dialogs; the wizard's modules keep importing it here.
export { HETZNER_REGIONS, HETZNER_SKUS, MAX_WORKERS, MIN_WORKERS }

export const WIZARD_STEPS = ['organisation', 'domain', 'topology', 'credentials', 'review'] as const
export type WizardStep = (typeof WIZARD_STEPS)[number]

export const STEP_TITLES: Record<WizardStep, string> = {
  organisation: 'Organisation',
  domain: 'Domain',
  topology: 'Topology',
  credentials: 'Credentials',
  review: 'Review and launch',
}

/** Hetzner Object Storage locations (contract: `objectStorageRegion`). */
export const OBJECT_STORAGE_REGIONS = ['fsn1', 'nbg1', 'hel1'] as const

export const POOL_DOMAINS = ['omani.works', 'openova.cloud'] as const
export const MAX_REGIONS = 5

/** The backend's label rule (Go `isValidDNSLabel`): starts with a letter, no dash at the end, ≤ 63. */
export const SUBDOMAIN = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/
/** An OpenSSH public key line (`authorized_keys` format); the comment is optional. */
const SSH_PUBLIC_KEY =
  /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]+={0,3}( [^\n]*)?$/
/** Same rule as the contract's request schema: a lowercase DNS name with at least two labels. */
const HOSTNAME = /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

const RegionDraft = z.object({
  cloudRegion: z.string().max(40),
  controlPlaneSize: z.string().max(40),
  workerSize: z.string().max(40),
  workerCount: z.number().int(),
})
export type RegionDraft = z.infer<typeof RegionDraft>

export const defaultRegion = (cloudRegion = 'fsn1'): RegionDraft => ({
  cloudRegion,
  controlPlaneSize: 'cpx42',
  workerSize: 'cpx32',
  workerCount: 3,
})

/** Everything the wizard remembers across a reload. There is deliberately no field for the token. */
export const WizardDraft = z.object({
  v: z.literal(1),
  step: z.enum(WIZARD_STEPS).catch('organisation'),
  orgName: z.string().max(200).catch(''),
  domainMode: z.enum(['pool', 'byo']).catch('pool'),
  poolDomain: z.enum(POOL_DOMAINS).catch('omani.works'),
  subdomain: z.string().max(63).catch(''),
  byoDomain: z.string().max(253).catch(''),
  regions: z
    .array(RegionDraft)
    .min(1)
    .max(MAX_REGIONS)
    .catch(() => [defaultRegion()]),
  bcp: z.enum(['active-hotstandby', 'active-active']).catch('active-hotstandby'),
  /** Hetzner project id: an identifier, not a credential. */
  hetznerProjectID: z.string().max(100).catch(''),
  /** The public half only; a generated private key never enters the draft. */
  sshPublicKey: z.string().max(16_000).catch(''),
  /** The BYO domain's registrar (its API token is a secret: memory only, never here). */
  registrar: z.enum(REGISTRARS).catch('cloudflare'),
  /** Offer the Sovereign's marketplace (the backend's default is on). */
  marketplaceEnabled: z.boolean().catch(true),
  /** Where the Sovereign's bucket lives; its access keys are secrets and never enter the draft. */
  objectStorageRegion: z.enum(OBJECT_STORAGE_REGIONS).catch('fsn1'),
  /**
   * The launch attempt under way (launchRecovery.ts): its Idempotency-Key and start, kept across retries
   * and reloads until the launch lands; any edit of the request starts a new attempt. Not a secret.
   */
  launch: z
    .object({ key: z.string().min(1).max(255), startedAt: z.number() })
    .nullable()
    .catch(null),
})
export type WizardDraft = z.infer<typeof WizardDraft>

export function defaultDraft(): WizardDraft {
  return {
    v: 1,
    step: 'organisation',
    orgName: '',
    domainMode: 'pool',
    poolDomain: 'omani.works',
    subdomain: '',
    byoDomain: '',
    regions: [defaultRegion()],
    bcp: 'active-hotstandby',
    hetznerProjectID: '',
    sshPublicKey: '',
    registrar: 'cloudflare',
    marketplaceEnabled: true,
    objectStorageRegion: 'fsn1',
    launch: null,
  }
}

/** A draft edit: anything but a step change makes a different request, so a new launch attempt. */
export function applyDraftPatch(draft: WizardDraft, patch: Partial<WizardDraft>): WizardDraft {
  const changesRequest = Object.keys(patch).some((k) => k !== 'step' && k !== 'launch')
  return { ...draft, ...patch, ...(changesRequest ? { launch: null } : {}) }
}

/** A stored draft, tolerating anything (old versions, hand edits, junk): falls back field by field. */
export function parseDraft(raw: string | null | undefined): WizardDraft {
  if (!raw) return defaultDraft()
  try {
    const parsed = WizardDraft.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : defaultDraft()
  } catch {
    return defaultDraft()
  }
}

/** The draft as stored: exactly the schema's fields (so nothing else — a secret — can slip in). */
export function serialiseDraft(draft: WizardDraft): string {
  return JSON.stringify(WizardDraft.parse(draft))
}

/** Region keys as the backend will name them: primary = its cloud region, secondaries `<region>-<index>`. */
export function regionKeys(regions: readonly { cloudRegion: string }[]): string[] {
  return regions.map((r, i) => (i === 0 ? r.cloudRegion : `${r.cloudRegion}-${i}`))
}

export function normaliseSubdomain(s: string): string {
  return s.trim().toLowerCase()
}

export function fqdnOf(draft: WizardDraft): string {
  return draft.domainMode === 'pool'
    ? `${normaliseSubdomain(draft.subdomain)}.${draft.poolDomain}`
    : draft.byoDomain.trim().toLowerCase().replace(/\.$/, '')
}

export interface SubdomainCheck {
  fqdn: string
  available: boolean
  /** The backend's code (`active-state`…): worded by `subdomainReasonText`, never shown as is. */
  reason?: string | undefined
}

/** The console's words for why a subdomain is not available (the API sends a code, never shown raw). */
export function subdomainReasonText(reason: string | undefined, fqdn: string): string {
  const [sub = fqdn, ...pool] = fqdn.split('.')
  switch (reason) {
    case 'invalid-format':
      return 'Use lowercase letters, digits and dashes, starting with a letter, up to 63.'
    case 'reserved':
      return `"${sub}" is reserved for the platform. Choose another name.`
    case 'reserved-state':
      return `${fqdn} is being set up by another deployment right now. Choose another name or try again in a few minutes.`
    case 'active-state':
      return `${fqdn} is already in use.`
    case 'unsupported-pool':
      return `${pool.join('.')} is not one of the pool domains. Choose a listed pool domain or your own domain.`
    case 'exists':
      return `${fqdn} already resolves in DNS. Choose another name.`
    case 'lookup-error':
      return `The DNS lookup for ${fqdn} failed. Try again in a moment.`
    case 'pdm-unavailable':
      return 'The availability service cannot be reached right now. Try again in a moment.'
    default:
      return `${fqdn} is not available. Choose another name.`
  }
}

/**
 * The console's words for a token check (`POST /credentials/validate`): the verdict and the HTTP status tell
 * it all (400 = too short, 503 = Hetzner unreachable); the server's English `message` is not shown.
 */
export function tokenVerdictText(verdict: { valid: boolean; status: number }): string {
  if (verdict.valid) return 'Hetzner token accepted: read and write access confirmed.'
  if (verdict.status === 400) return 'Too short: a Hetzner API token has 64 characters.'
  if (verdict.status === 503) return 'Hetzner cannot be reached to check the token. Try again in a moment.'
  return 'Hetzner refused this token. Use a project token with Read & Write permission.'
}

export interface StepContext {
  /** The signed-in email (the API requires `orgEmail` to equal it). */
  email: string | undefined
  /** The latest availability answer (it only counts when it is for the current FQDN). */
  subdomainCheck: SubdomainCheck | undefined
  /** The provider token was accepted by `POST /credentials/validate` (and is still held in memory). */
  tokenValidated: boolean
  /** The FQDN whose registrar credentials `POST /registrar/{r}/validate` accepted (BYO only). */
  registrarValidatedFor?: string | undefined
}

export type StepErrors = Partial<Record<string, string>>

export function validateStep(step: WizardStep, draft: WizardDraft, ctx: StepContext): StepErrors {
  const errors: StepErrors = {}
  switch (step) {
    case 'organisation': {
      const name = draft.orgName.trim()
      if (name.length < 2) errors.orgName = 'Enter the organisation name (at least 2 characters).'
      if (!ctx.email) errors.orgEmail = 'Sign in first: the owner email comes from your session.'
      break
    }
    case 'domain': {
      if (draft.domainMode === 'pool') {
        const sub = normaliseSubdomain(draft.subdomain)
        if (!sub) errors.subdomain = 'Choose a subdomain.'
        else if (!SUBDOMAIN.test(sub))
          errors.subdomain =
            'Use lowercase letters, digits and dashes, starting with a letter (no dash at the end), up to 63.'
        else {
          const check = ctx.subdomainCheck
          const fqdn = fqdnOf(draft)
          if (!check || check.fqdn !== fqdn) errors.subdomain = 'Checking availability…'
          else if (!check.available) errors.subdomain = subdomainReasonText(check.reason, fqdn)
        }
      } else {
        const d = fqdnOf(draft)
        if (!d) errors.byoDomain = 'Enter your domain.'
        else if (!HOSTNAME.test(d))
          errors.byoDomain = 'Enter a lowercase domain name such as sovereign.example.com.'
        else if (ctx.registrarValidatedFor !== d)
          errors.registrarToken = `Validate ${d} with its registrar (the token is checked, never stored).`
      }
      break
    }
    case 'topology': {
      if (draft.regions.length < 1) errors.regions = 'Add at least one region.'
      if (draft.regions.length > MAX_REGIONS) errors.regions = `At most ${MAX_REGIONS} regions.`
      draft.regions.forEach((r, i) => {
        if (!HETZNER_REGIONS.some((x) => x.id === r.cloudRegion))
          errors[`regions.${i}.cloudRegion`] = 'Choose a provider region.'
        if (!HETZNER_SKUS.some((x) => x.id === r.controlPlaneSize))
          errors[`regions.${i}.controlPlaneSize`] = 'Choose a control-plane server type.'
        if (!HETZNER_SKUS.some((x) => x.id === r.workerSize))
          errors[`regions.${i}.workerSize`] = 'Choose a worker server type.'
        if (!Number.isInteger(r.workerCount) || r.workerCount < MIN_WORKERS || r.workerCount > MAX_WORKERS)
          errors[`regions.${i}.workerCount`] = `Between ${MIN_WORKERS} and ${MAX_WORKERS} workers.`
      })
      break
    }
    case 'credentials': {
      // All three are required by the provisioner (400 otherwise).
      if (!draft.hetznerProjectID.trim()) errors.hetznerProjectID = 'Enter the Hetzner project ID.'
      if (!ctx.tokenValidated) errors.token = 'Enter your Hetzner API token and validate it.'
      const key = draft.sshPublicKey.trim()
      if (!key) errors.sshPublicKey = 'Paste an SSH public key or generate a key pair.'
      else if (!SSH_PUBLIC_KEY.test(key))
        errors.sshPublicKey = 'That is not an SSH public key (one line: ssh-ed25519 AAAA… comment).'
      break
    }
    case 'review': {
      for (const s of WIZARD_STEPS.slice(0, -1)) {
        const e = validateStep(s, draft, ctx)
        if (Object.keys(e).length > 0) errors[s] = `${STEP_TITLES[s]} needs attention.`
      }
      break
    }
  }
  return errors
}

/** The first step that does not validate (review last), so a deep link or reload resumes honestly. */
export function firstInvalidStep(draft: WizardDraft, ctx: StepContext): WizardStep | undefined {
  return WIZARD_STEPS.slice(0, -1).find((s) => Object.keys(validateStep(s, draft, ctx)).length > 0)
}

/** Object-storage keys, held in memory for the launch only. */
export interface ObjectStorageKeys {
  accessKey: string
  secretKey: string
}

/** The one `POST /deployments` body (the token only ever lives here, for the single request). */
export function buildDeploymentRequest(
  draft: WizardDraft,
  email: string,
  hetznerToken: string,
  objectStorage: ObjectStorageKeys = { accessKey: '', secretKey: '' },
): z.input<typeof DeploymentRequest> {
  const accessKey = objectStorage.accessKey.trim()
  const secretKey = objectStorage.secretKey.trim()
  const fqdn = fqdnOf(draft)
  const [primary] = draft.regions
  if (!primary) throw new Error('a deployment needs at least one region')
  const multi = draft.regions.length > 1
  return {
    orgName: draft.orgName.trim(),
    orgEmail: email,
    sovereignFQDN: fqdn,
    sovereignDomainMode: draft.domainMode,
    ...(draft.domainMode === 'pool'
      ? { sovereignPoolDomain: draft.poolDomain, sovereignSubdomain: normaliseSubdomain(draft.subdomain) }
      : { sovereignByoDomain: fqdn }),
    provider: 'hetzner',
    hetznerToken,
    hetznerProjectID: draft.hetznerProjectID.trim(),
    sshPublicKey: draft.sshPublicKey.trim(),
    region: primary.cloudRegion,
    controlPlaneSize: primary.controlPlaneSize,
    workerSize: primary.workerSize,
    workerCount: primary.workerCount,
    storageClass: 'hcloud-volumes',
    haEnabled: multi || primary.workerCount >= 3,
    bcpTopology: multi ? draft.bcp : 'single-region',
    regions: draft.regions.map((r) => ({
      provider: 'hetzner',
      cloudRegion: r.cloudRegion,
      controlPlaneSize: r.controlPlaneSize,
      workerSize: r.workerSize,
      workerCount: r.workerCount,
      storageClass: 'hcloud-volumes',
    })),
    marketplaceEnabled: draft.marketplaceEnabled,
    objectStorageRegion: draft.objectStorageRegion,
    // Keys only when both are given (else the backend uses the operator-level defaults).
    ...(accessKey && secretKey
      ? { objectStorageAccessKey: accessKey, objectStorageSecretKey: secretKey }
      : {}),
  }
}

/** The console's words for a registrar check (`POST /registrar/{r}/validate`): codes, never raw text. */
export function registrarVerdictText(code: string | undefined, registrar: string, domain: string): string {
  switch (code) {
    case 'invalid-token':
      return `${registrar} rejected these credentials. Use an API token with DNS edit rights.`
    case 'domain-not-in-account':
      return `${domain} is not in the ${registrar} account of this token. Check the domain or use the right account.`
    case 'unsupported-registrar':
      return `${registrar} is not supported. Choose a listed registrar.`
    case 'missing-token':
      return 'Enter the registrar API token first.'
    default:
      return `The registrar check failed${code ? ` (${code})` : ''}. Try again in a moment.`
  }
}
