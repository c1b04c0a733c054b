import { describe, expect, it } from 'vitest'
import { DeploymentRequest, validateDeploymentRequest } from '../../../contracts/deployments.ts'
import { SUBDOMAIN_REASONS } from '../../../contracts/wizard.ts'
import {
  buildDeploymentRequest,
  defaultDraft,
  defaultRegion,
  firstInvalidStep,
  fqdnOf,
  parseDraft,
  regionKeys,
  registrarVerdictText,
  serialiseDraft,
  applyDraftPatch,
  subdomainReasonText,
  tokenVerdictText,
  validateStep,
  type StepContext,
  type WizardDraft,
} from './wizardModel.ts'

const ctx: StepContext = {
  email: 'operator@openova.io',
  subdomainCheck: { fqdn: 'nova.omani.works', available: true },
  tokenValidated: true,
}
const draft = (over: Partial<WizardDraft> = {}): WizardDraft => ({
  ...defaultDraft(),
  orgName: 'Nova Space',
  subdomain: 'nova',
  regions: [defaultRegion('fsn1'), defaultRegion('nbg1'), defaultRegion('hel1')],
  hetznerProjectID: '4711',
  sshPublicKey:
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFbD9pjo37g8VfqmRx08DIxF+ahEJElOit3Vhng2hkKX catalyst@nova',
  ...over,
})

describe('regionKeys', () => {
  it('names the primary after its cloud region and secondaries <region>-<index>', () => {
    expect(regionKeys([{ cloudRegion: 'fsn1' }, { cloudRegion: 'nbg1' }, { cloudRegion: 'hel1' }])).toEqual([
      'fsn1',
      'nbg1-1',
      'hel1-2',
    ])
    expect(regionKeys([{ cloudRegion: 'fsn1' }, { cloudRegion: 'nbg1' }, { cloudRegion: 'sin' }])).toEqual([
      'fsn1',
      'nbg1-1',
      'sin-2',
    ])
    expect(regionKeys([{ cloudRegion: 'fsn1' }, { cloudRegion: 'fsn1' }])).toEqual(['fsn1', 'fsn1-1'])
    expect(regionKeys([{ cloudRegion: 'hel1' }])).toEqual(['hel1'])
  })
})

describe('validateStep', () => {
  it('accepts a complete draft on every step', () => {
    for (const s of ['organisation', 'domain', 'topology', 'credentials', 'review'] as const)
      expect(validateStep(s, draft(), ctx)).toEqual({})
    expect(firstInvalidStep(draft(), ctx)).toBeUndefined()
  })

  it.each<
    [
      string,
      Partial<WizardDraft>,
      Partial<StepContext>,
      'organisation' | 'domain' | 'topology' | 'credentials',
      string,
    ]
  >([
    ['empty org name', { orgName: ' ' }, {}, 'organisation', 'orgName'],
    ['no session email', {}, { email: undefined }, 'organisation', 'orgEmail'],
    ['empty subdomain', { subdomain: '' }, {}, 'domain', 'subdomain'],
    ['subdomain with a dot', { subdomain: 'a.b' }, {}, 'domain', 'subdomain'],
    ['subdomain ending in a dash', { subdomain: 'nova-' }, {}, 'domain', 'subdomain'],
    ['availability not checked for this name', { subdomain: 'other' }, {}, 'domain', 'subdomain'],
    [
      'subdomain taken',
      {},
      { subdomainCheck: { fqdn: 'nova.omani.works', available: false, reason: 'taken' } },
      'domain',
      'subdomain',
    ],
    ['own domain missing', { domainMode: 'byo', byoDomain: '' }, {}, 'domain', 'byoDomain'],
    ['own domain invalid', { domainMode: 'byo', byoDomain: 'localhost' }, {}, 'domain', 'byoDomain'],
    [
      'unknown region',
      { regions: [{ ...defaultRegion(), cloudRegion: 'mars1' }] },
      {},
      'topology',
      'regions.0.cloudRegion',
    ],
    [
      'unknown SKU',
      { regions: [{ ...defaultRegion(), workerSize: 'x' }] },
      {},
      'topology',
      'regions.0.workerSize',
    ],
    [
      'zero workers',
      { regions: [defaultRegion(), { ...defaultRegion('nbg1'), workerCount: 0 }] },
      {},
      'topology',
      'regions.1.workerCount',
    ],
    [
      'fractional workers',
      { regions: [{ ...defaultRegion(), workerCount: 2.5 }] },
      {},
      'topology',
      'regions.0.workerCount',
    ],
    ['token not validated', {}, { tokenValidated: false }, 'credentials', 'token'],
    ['no project ID', { hetznerProjectID: ' ' }, {}, 'credentials', 'hetznerProjectID'],
    ['no SSH public key', { sshPublicKey: '' }, {}, 'credentials', 'sshPublicKey'],
    [
      'a private key pasted as the public one',
      { sshPublicKey: '-----BEGIN OPENSSH PRIVATE KEY-----' },
      {},
      'credentials',
      'sshPublicKey',
    ],
    [
      'subdomain starting with a digit (the backend refuses it)',
      { subdomain: '1nova' },
      {},
      'domain',
      'subdomain',
    ],
  ])('%s', (_name, over, ctxOver, step, field) => {
    const errors = validateStep(step, draft(over), { ...ctx, ...ctxOver })
    expect(errors[field]).toBeTruthy()
    expect(firstInvalidStep(draft(over), { ...ctx, ...ctxOver })).toBe(step)
    expect(validateStep('review', draft(over), { ...ctx, ...ctxOver })[step]).toBeTruthy()
  })

  it('accepts an own domain once its registrar credentials were validated for that very FQDN', () => {
    const byo = draft({ domainMode: 'byo', byoDomain: 'Cloud.Example.COM.' })
    expect(validateStep('domain', byo, ctx).registrarToken).toMatch(
      /Validate cloud\.example\.com with its registrar/,
    )
    expect(
      validateStep('domain', byo, { ...ctx, registrarValidatedFor: 'other.example.com' }).registrarToken,
    ).toBeTruthy()
    expect(validateStep('domain', byo, { ...ctx, registrarValidatedFor: 'cloud.example.com' })).toEqual({})
    expect(fqdnOf(draft({ domainMode: 'byo', byoDomain: 'Cloud.Example.COM.' }))).toBe('cloud.example.com')
  })
})

describe('draft persistence', () => {
  it('round-trips and never stores a token', () => {
    const withSecret = { ...draft({ step: 'credentials' }), hetznerToken: 'secret-token' } as WizardDraft
    const raw = serialiseDraft(withSecret)
    expect(raw).not.toContain('secret-token')
    expect(parseDraft(raw)).toEqual(draft({ step: 'credentials' }))
  })

  it('tolerates junk', () => {
    expect(parseDraft(null)).toEqual(defaultDraft())
    expect(parseDraft('{not json')).toEqual(defaultDraft())
    expect(parseDraft('{"v":2}')).toEqual(defaultDraft())
    const partial = parseDraft('{"v":1,"step":"nope","orgName":"X","regions":[]}')
    expect(partial.step).toBe('organisation')
    expect(partial.orgName).toBe('X')
    expect(partial.regions).toEqual([defaultRegion()])
  })
})

describe('buildDeploymentRequest', () => {
  it('builds a valid multi-region pool request', () => {
    const body = buildDeploymentRequest(draft(), 'operator@openova.io', 'T'.repeat(64))
    const parsed = DeploymentRequest.parse(body)
    // As strict as the provisioner: nothing it requires is missing.
    expect(validateDeploymentRequest(parsed)).toBeUndefined()
    expect(parsed).toMatchObject({
      hetznerProjectID: '4711',
      sshPublicKey: expect.stringMatching(/^ssh-ed25519 /),
      orgEmail: 'operator@openova.io',
      sovereignFQDN: 'nova.omani.works',
      sovereignDomainMode: 'pool',
      sovereignPoolDomain: 'omani.works',
      sovereignSubdomain: 'nova',
      region: 'fsn1',
      bcpTopology: 'active-hotstandby',
    })
    expect(parsed.regions.map((r) => r.cloudRegion)).toEqual(['fsn1', 'nbg1', 'hel1'])
  })

  it('sends single-region for one region, and the own domain in byo mode', () => {
    const body = buildDeploymentRequest(
      draft({ regions: [defaultRegion('hel1')], domainMode: 'byo', byoDomain: 'cloud.example.com' }),
      'a@b.io',
      'T'.repeat(64),
    )
    expect(body).toMatchObject({
      bcpTopology: 'single-region',
      sovereignDomainMode: 'byo',
      sovereignByoDomain: 'cloud.example.com',
      sovereignFQDN: 'cloud.example.com',
    })
    expect(body).not.toHaveProperty('sovereignSubdomain')
  })

  it('sends the marketplace choice and the object-storage region; keys only when both are given', () => {
    const d = draft({ marketplaceEnabled: false, objectStorageRegion: 'hel1' })
    const without = buildDeploymentRequest(d, 'a@b.io', 'T'.repeat(64))
    expect(without).toMatchObject({ marketplaceEnabled: false, objectStorageRegion: 'hel1' })
    expect(without).not.toHaveProperty('objectStorageAccessKey')
    const half = buildDeploymentRequest(d, 'a@b.io', 'T'.repeat(64), { accessKey: 'AK', secretKey: ' ' })
    expect(half).not.toHaveProperty('objectStorageAccessKey')
    const both = buildDeploymentRequest(d, 'a@b.io', 'T'.repeat(64), { accessKey: ' AK1 ', secretKey: 'SK1' })
    expect(both).toMatchObject({ objectStorageAccessKey: 'AK1', objectStorageSecretKey: 'SK1' })
    expect(DeploymentRequest.safeParse(both).success).toBe(true)
  })
})

describe('new draft fields', () => {
  it('default to marketplace on, fsn1 storage and cloudflare, and fall back on junk from old drafts', () => {
    expect(defaultDraft()).toMatchObject({
      marketplaceEnabled: true,
      objectStorageRegion: 'fsn1',
      registrar: 'cloudflare',
    })
    const old = JSON.stringify({ ...defaultDraft(), marketplaceEnabled: 'yes', objectStorageRegion: 'mars' })
    expect(parseDraft(old)).toMatchObject({ marketplaceEnabled: true, objectStorageRegion: 'fsn1' })
  })

  it('never stores object-storage keys or a registrar token in the draft', () => {
    const stored = serialiseDraft({
      ...defaultDraft(),
      objectStorageAccessKey: 'AKSECRET',
      registrarToken: 'RTSECRET',
    } as WizardDraft)
    expect(stored).not.toContain('AKSECRET')
    expect(stored).not.toContain('RTSECRET')
  })
})

describe('registrarVerdictText', () => {
  it('words each registrar code, and an unknown one without pretending', () => {
    expect(registrarVerdictText('invalid-token', 'cloudflare', 'x.example.com')).toMatch(/rejected/)
    expect(registrarVerdictText('domain-not-in-account', 'ovh', 'a.b.io')).toBe(
      'a.b.io is not in the ovh account of this token. Check the domain or use the right account.',
    )
    expect(registrarVerdictText('weird', 'ovh', 'a.b.io')).toMatch(/failed \(weird\)/)
  })
})

describe('the console words the backend codes', () => {
  it('has its own sentence for every subdomain reason code, and never shows the code', () => {
    const texts = SUBDOMAIN_REASONS.map((r) => subdomainReasonText(r, 'nova.omani.works'))
    for (const [i, t] of texts.entries()) {
      const code = SUBDOMAIN_REASONS[i]!
      // A sentence, never the code (single words such as "reserved" are plain English).
      if (code.includes('-')) expect(t).not.toContain(code)
      expect(t).toMatch(/^\S.* .*\.$/)
    }
    expect(new Set(texts).size).toBe(texts.length)
    expect(subdomainReasonText('active-state', 'acme.omani.works')).toBe(
      'acme.omani.works is already in use.',
    )
    expect(subdomainReasonText('reserved', 'www.omani.works')).toContain('"www" is reserved')
    expect(subdomainReasonText('some-new-code', 'x.omani.works')).toBe(
      'x.omani.works is not available. Choose another name.',
    )
  })

  it('words a token verdict from the verdict and its status, not the server message', () => {
    expect(tokenVerdictText({ valid: true, status: 200 })).toMatch(/accepted/)
    expect(tokenVerdictText({ valid: false, status: 200 })).toMatch(/refused/)
    expect(tokenVerdictText({ valid: false, status: 400 })).toMatch(/64 characters/)
    expect(tokenVerdictText({ valid: false, status: 503 })).toMatch(/cannot be reached/)
  })
})

describe('applyDraftPatch', () => {
  it('keeps the launch attempt across step changes and drops it when the request changes', () => {
    const launch = { key: 'k-1', startedAt: 1 }
    const d = { ...defaultDraft(), launch }
    expect(applyDraftPatch(d, { step: 'credentials' }).launch).toEqual(launch)
    expect(applyDraftPatch(d, { subdomain: 'other' })).toMatchObject({ subdomain: 'other', launch: null })
    expect(parseDraft(serialiseDraft(d)).launch).toEqual(launch)
    expect(parseDraft(JSON.stringify({ ...d, launch: { key: 7 } })).launch).toBeNull()
  })
})
