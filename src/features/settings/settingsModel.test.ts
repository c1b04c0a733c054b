import { describe, expect, it } from 'vitest'
import { DeploymentState } from '../../contracts/deployments.ts'
import { Infrastructure } from '../../contracts/topology.ts'
import { ApiError } from '../../lib/http.ts'
import {
  domainModeText,
  kubeconfigErrorText,
  refreshWatchErrorText,
  regionSettings,
} from './settingsModel.ts'

const state = (more: Record<string, unknown> = {}) =>
  DeploymentState.parse({
    id: 'b2c4d6e8f0a1b3c5',
    status: 'ready',
    startedAt: '2026-05-01T10:00:00Z',
    sovereignFQDN: 'acme.omani.works',
    region: 'fsn1',
    controlPlaneSize: 'cpx42',
    regionControlPlaneSizes: ['cpx42', 'cpx52'],
    regions: [
      { region: 'nbg1-1', primary: false },
      { region: 'fsn1', primary: true },
    ],
    result: { controlPlaneIP: '1.1.1.1', loadBalancerIP: '2.2.2.2' },
    ...more,
  })

const infra = Infrastructure.parse({
  topology: {
    pattern: 'multi-region',
    regions: [
      {
        id: 'region-fsn1',
        name: 'fsn1',
        providerRegion: 'fsn1',
        skuCP: 'cpx42',
        skuWorker: 'cpx32',
        workerCount: 3,
        status: 'healthy',
        clusters: [],
      },
      {
        id: 'region-nbg1-1',
        name: 'nbg1-1',
        providerRegion: 'nbg1',
        skuCP: 'cpx52',
        skuWorker: 'cpx22',
        workerCount: 2,
        status: 'healthy',
        clusters: [
          {
            id: 'c',
            name: 'c',
            status: 'healthy',
            loadBalancers: [{ id: 'lb', publicIP: '3.3.3.3', status: 'healthy' }],
            nodes: [{ id: 'n', name: 'cp', role: 'control-plane', ip: '10.1.0.2', status: 'healthy' }],
          },
        ],
      },
    ],
  },
})

describe('regionSettings', () => {
  it('one row per region, primary first, values from the record completed by the topology', () => {
    expect(regionSettings(state(), infra)).toEqual([
      {
        key: 'fsn1',
        primary: true,
        cloudRegion: 'fsn1',
        controlPlaneSku: 'cpx42',
        workerSku: 'cpx32',
        workerCount: 3,
        controlPlaneIP: '1.1.1.1',
        loadBalancerIP: '2.2.2.2',
        kubeconfigRegion: undefined,
      },
      {
        key: 'nbg1-1',
        primary: false,
        cloudRegion: 'nbg1',
        controlPlaneSku: 'cpx52',
        workerSku: 'cpx22',
        workerCount: 2,
        controlPlaneIP: '10.1.0.2',
        loadBalancerIP: '3.3.3.3',
        kubeconfigRegion: 'nbg1-1',
      },
    ])
  })

  it('without a topology yet: the record alone, unknowns left undefined (never a made-up value)', () => {
    const [primary, secondary] = regionSettings(state({ result: null }))
    expect(primary).toMatchObject({ key: 'fsn1', controlPlaneSku: 'cpx42', workerCount: undefined })
    expect(primary!.controlPlaneIP).toBeUndefined()
    expect(secondary).toMatchObject({ key: 'nbg1-1', cloudRegion: 'nbg1', kubeconfigRegion: 'nbg1-1' })
    // No region list at all (older builds): the primary from the record.
    expect(regionSettings(state({ regions: [] })).map((r) => r.key)).toEqual(['fsn1'])
  })
})

describe('Settings words', () => {
  const e = (status: number, code?: string) => new ApiError('raw', 'http', status, code, undefined, '/x')

  it('says what each refusal means, never the raw code', () => {
    expect(kubeconfigErrorText(e(409, 'not-implemented'), 'nbg1-1')).toMatch(
      /^Not yet: nbg1-1's control plane/,
    )
    expect(kubeconfigErrorText(e(409, 'kubeconfig-file-missing'), 'fsn1')).toContain('file is gone')
    expect(kubeconfigErrorText(e(503), 'fsn1')).toContain('no kubeconfig storage configured')
    expect(refreshWatchErrorText(e(409, 'watch-not-resumable'))).toContain('cannot be re-attached')
    expect(refreshWatchErrorText(e(504, 'seed-timeout'))).toContain('keeps trying')
  })

  it('names the domain mode', () => {
    expect(
      domainModeText(
        state({
          sovereignDomainMode: 'pool',
          sovereignSubdomain: 'acme',
          sovereignPoolDomain: 'omani.works',
        }),
      ),
    ).toBe('Pool subdomain (acme of omani.works)')
    expect(domainModeText(state({ sovereignDomainMode: 'byo', sovereignByoDomain: 'acme.eu' }))).toBe(
      'Your own domain (acme.eu)',
    )
  })
})
