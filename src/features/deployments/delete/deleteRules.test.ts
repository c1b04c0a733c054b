import { describe, expect, it } from 'vitest'
import { Infrastructure } from '../../../contracts/topology.ts'
import {
  deleteBlockReason,
  explainDeleteFailure,
  humanSeconds,
  listDeleteOffer,
  modeAvailability,
  wipeBlockReason,
  wipePreview,
} from './deleteRules.ts'

describe('deleteBlockReason (in-flight rules)', () => {
  it.each([
    ['pending', "Can't delete while pending"],
    ['provisioning', "Can't delete while provisioning"],
    ['tofu-applying', "Can't delete while applying infrastructure"],
    ['flux-bootstrapping', "Can't delete while bootstrapping Flux"],
    ['phase1-watching', "Can't delete while installing"],
    ['wiping', "Can't delete while being wiped"],
    // Unknown statuses are treated as in flight (contract §7 trap 14).
    ['reticulating', "Can't delete in state “reticulating”"],
  ])('%s is blocked', (status, reason) => {
    expect(deleteBlockReason(status)).toBe(reason)
  })

  it.each(['ready', 'failed', 'partial-failure', 'wiped', 'adopted'])('%s may be deleted', (status) => {
    expect(deleteBlockReason(status)).toBeUndefined()
  })

  it('blocks wiping what is already wiped, being wiped or adopted', () => {
    expect(wipeBlockReason('wiped')).toMatch(/Already wiped/)
    expect(wipeBlockReason('wiping')).toMatch(/already running/)
    expect(wipeBlockReason('adopted')).toMatch(/adopted/)
    expect(wipeBlockReason('phase1-watching')).toBeUndefined()
    expect(wipeBlockReason('failed')).toBeUndefined()
  })
})

describe('explainDeleteFailure', () => {
  const fqdn = 'acme.omani.works'
  it('treats a 404 as already deleted', () => {
    const x = explainDeleteFailure('record', { status: 404, message: 'deployment not found' }, fqdn)
    expect(x.kind).toBe('gone')
    expect(x.message).toContain('already deleted')
  })

  it('explains 409 in flight in plain words', () => {
    const x = explainDeleteFailure(
      'record',
      {
        status: 409,
        code: 'deployment-in-flight',
        message: 'Deployment is phase1-watching',
        body: { status: 'phase1-watching' },
      },
      fqdn,
    )
    expect(x.kind).toBe('in-flight')
    expect(x.message).toContain('acme.omani.works is installing right now')
    expect(x.message).toContain('wipe the infrastructure instead')
  })

  it('explains 422 adopted', () => {
    const x = explainDeleteFailure('record', { status: 422, code: 'deployment-adopted', message: '' }, fqdn)
    expect(x.kind).toBe('adopted')
    expect(x.message).toContain('customer')
  })

  it('explains the wipe minimum-age guard with its numbers', () => {
    const x = explainDeleteFailure(
      'wipe',
      {
        status: 409,
        code: 'deployment-too-young',
        message: 'hint',
        body: { ageSec: 720, minLifeSec: 1800, retryAfterSec: 1080, status: 'phase1-watching' },
      },
      fqdn,
    )
    expect(x).toMatchObject({ kind: 'too-young', retryAfterSec: 1080, ageSec: 720, minLifeSec: 1800 })
    expect(x.message).toContain('started 12 minutes ago')
    expect(x.message).toContain('younger than 30 minutes')
    expect(x.message).toContain('Wait about 18 minutes, or force the wipe')
  })

  it('recognises a concurrent wipe (plain-text 409) and an already wiped record', () => {
    expect(
      explainDeleteFailure('wipe', { status: 409, message: 'wipe already in progress' }, fqdn).kind,
    ).toBe('wipe-running')
    expect(
      explainDeleteFailure('wipe', { status: 409, code: 'already-wiped', message: 'already-wiped' }, fqdn)
        .kind,
    ).toBe('already-wiped')
  })

  it('falls back to the API message for anything else', () => {
    const x = explainDeleteFailure('record', { status: 503, message: 'injected' }, fqdn)
    expect(x).toMatchObject({ kind: 'other', title: 'The API refused (HTTP 503)', message: 'injected' })
  })

  it('formats durations for people', () => {
    expect(humanSeconds(1)).toBe('1 second')
    expect(humanSeconds(45)).toBe('45 seconds')
    expect(humanSeconds(60 * 60)).toBe('60 minutes')
    expect(humanSeconds(3 * 3600)).toBe('3 hours')
  })
})

describe('wipePreview', () => {
  const node = (id: string, region: string) => ({ id, name: id, region })
  const infra = Infrastructure.parse({
    cloud: [],
    topology: {
      pattern: 'multi-region',
      regions: [
        {
          id: 'region-fsn1',
          name: 'fsn1',
          providerRegion: 'fsn1',
          skuCP: 'cpx42',
          clusters: [
            {
              id: 'c1',
              name: 'x',
              nodes: [node('cp', 'fsn1'), node('w1', 'fsn1'), node('w2', 'fsn1')],
              loadBalancers: [{ id: 'lb1', publicIP: '49.12.0.1' }],
            },
          ],
          networks: [{ id: 'n1', firewall: { id: 'fw1' } }],
        },
        {
          id: 'region-nbg1-1',
          name: 'nbg1-1',
          providerRegion: 'nbg1',
          clusters: [{ id: 'c2', name: 'y', nodes: [node('cp2', 'nbg1-1')], loadBalancers: [{ id: 'lb2' }] }],
          networks: [{ id: 'n2' }],
        },
      ],
    },
    storage: {
      volumes: [
        { id: 'v1', name: 'v1', region: 'fsn1' },
        { id: 'v2', name: 'v2', region: 'fsn1' },
        { id: 'v3', name: 'v3', region: 'nbg1-1' },
      ],
      buckets: [{ id: 'b', name: 'catalyst-acme-omani-works-b2c4d6e8' }],
    },
  })

  it('counts what each region loses', () => {
    const p = wipePreview(infra, 'acme.omani.works')
    expect(p.regions).toEqual([
      {
        key: 'fsn1',
        providerRegion: 'fsn1',
        servers: 3,
        loadBalancers: 1,
        networks: 1,
        firewalls: 1,
        volumes: 2,
        publicIPs: ['49.12.0.1'],
      },
      {
        key: 'nbg1-1',
        providerRegion: 'nbg1',
        servers: 1,
        loadBalancers: 1,
        networks: 1,
        firewalls: 0,
        volumes: 1,
        publicIPs: [],
      },
    ])
    expect(p.totals).toEqual({ servers: 4, loadBalancers: 2, networks: 2, firewalls: 1, volumes: 3 })
    expect(p.buckets).toEqual(['catalyst-acme-omani-works-b2c4d6e8'])
    expect(p.dnsRecords).toContain('console.acme.omani.works')
    expect(p.dnsRecords).toHaveLength(13)
    expect(p.nothingCreated).toBe(false)
  })

  it('says when nothing was created yet', () => {
    const empty = Infrastructure.parse({
      topology: { regions: [{ id: 'region-hel1', name: 'hel1', providerRegion: 'hel1' }] },
    })
    const p = wipePreview(empty, 'x.omani.works')
    expect(p.nothingCreated).toBe(true)
    expect(p.dnsRecords).toEqual([])
    expect(p.regions[0]).toMatchObject({ key: 'hel1', servers: 0 })
  })
})

describe('listDeleteOffer (what a list row offers)', () => {
  it('offers a wipe-only Delete for phase1-watching (the backend allows a wipe there, behind its age guard)', () => {
    expect(listDeleteOffer('phase1-watching')).toEqual({
      offered: true,
      wipeOnly: true,
      note: 'Installing: wipe only',
    })
  })

  it.each([
    ['pending', "Can't delete while pending"],
    ['provisioning', "Can't delete while provisioning"],
    ['tofu-applying', "Can't delete while applying infrastructure"],
    ['flux-bootstrapping', "Can't delete while bootstrapping Flux"],
    ['wiping', "Can't delete while being wiped"],
    ['reticulating', "Can't delete in state “reticulating”"],
  ])('keeps %s blocked with the reason', (status, reason) => {
    expect(listDeleteOffer(status)).toEqual({ offered: false, reason })
  })

  it.each(['ready', 'failed', 'partial-failure', 'wiped', 'adopted'])(
    'offers both modes for %s',
    (status) => {
      expect(listDeleteOffer(status)).toEqual({ offered: true, wipeOnly: false, note: undefined })
    },
  )
})

describe("modeAvailability (the dialog's two modes)", () => {
  it('phase1-watching: record-only refused with the reason, wipe allowed and preselected', () => {
    expect(modeAvailability('phase1-watching')).toEqual({
      record: "Can't delete while installing",
      wipe: undefined,
      preferred: 'wipe',
    })
  })

  it('ready: both allowed, record-only preselected (the less destructive one)', () => {
    expect(modeAvailability('ready')).toEqual({ record: undefined, wipe: undefined, preferred: 'record' })
  })

  it('wiping: both refused, record-only shown (nothing to choose)', () => {
    const m = modeAvailability('wiping')
    expect(m.record).toMatch(/being wiped/)
    expect(m.wipe).toMatch(/already running/)
    expect(m.preferred).toBe('record')
  })
})
