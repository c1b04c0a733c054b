import { describe, expect, it } from 'vitest'
import {
  CreatePoolBody,
  Infrastructure,
  PatchPoolBody,
  type MutationResponse,
} from '../../contracts/topology.ts'
import { ApiError } from '../../lib/http.ts'
import {
  applyInfraChanges,
  changeTitle,
  deletePreview,
  describeRefusal,
  jobNameOf,
  markKey,
  pendingPoolId,
  poolNameProblem,
  sizeProblem,
  type InfraChange,
  type InfraChangeRecord,
} from './infraChanges.ts'

const infra = Infrastructure.parse({
  cloud: [{ id: 'c', provider: 'hetzner', name: 'Hetzner', status: 'healthy' }],
  topology: {
    pattern: 'solo',
    regions: [
      {
        id: 'region-fsn1',
        name: 'fsn1',
        providerRegion: 'fsn1',
        status: 'healthy',
        clusters: [
          {
            id: 'cl-1',
            name: 'main',
            status: 'healthy',
            nodePools: [
              { id: 'pool-w', name: 'worker', desiredSize: 2, currentSize: 2, status: 'healthy' },
              { id: 'pool-cp', name: 'cp', role: 'control-plane', desiredSize: 1, status: 'healthy' },
            ],
            nodes: [
              { id: 'n1', name: 'worker-1', nodePoolID: 'pool-w', status: 'healthy' },
              { id: 'n2', name: 'worker-2', nodePoolID: 'pool-w', status: 'healthy' },
              { id: 'n0', name: 'cp-1', nodePoolID: 'pool-cp', status: 'healthy' },
            ],
            loadBalancers: [{ id: 'lb', name: 'ingress', status: 'healthy' }],
          },
        ],
        networks: [{ id: 'net', name: 'vpc', status: 'healthy' }],
      },
    ],
  },
})

const accepted: MutationResponse = {
  jobId: 'c1d2e3f4a5b6c7d8:mutation-add-pool-gpu',
  xrcKind: 'NodePoolClaim',
  xrcName: 'c1d2e3f4-pool-gpu',
  status: 'submitted-pending-composition',
  submittedAt: '2026-05-01T00:00:00Z',
  cascade: [],
}

const addGpu: InfraChange = {
  op: 'add-pool',
  clusterId: 'cl-1',
  body: { name: 'gpu', role: 'worker', sku: 'ccx33', region: 'fsn1', desiredSize: 3 },
}
const rec = (key: number, change: InfraChange, state: InfraChangeRecord['state']): InfraChangeRecord => ({
  key,
  change,
  state,
  ...(state === 'submitted' ? { response: accepted } : {}),
})
const pools = (i: Infrastructure) => i.topology.regions[0]!.clusters[0]!.nodePools

describe('applyInfraChanges', () => {
  it('adds a pending pool at once and keeps it, marked, once accepted', () => {
    for (const state of ['submitting', 'submitted'] as const) {
      const out = applyInfraChanges(infra, [rec(1, addGpu, state)])
      const added = pools(out.infra).find((p) => p.name === 'gpu')!
      expect(added).toMatchObject({ id: pendingPoolId('cl-1', 'gpu'), sku: 'ccx33', desiredSize: 3 })
      expect(out.marks.get(markKey('NodePool', added.id))).toMatchObject({ verb: 'add', synthetic: true })
      expect(out.marks.get(markKey('NodePool', added.id))?.record.state).toBe(state)
    }
    expect(pools(infra)).toHaveLength(2)
  })

  it('rolls a refused change back: no row, no mark', () => {
    const out = applyInfraChanges(infra, [rec(1, addGpu, 'refused')])
    expect(pools(out.infra).map((p) => p.name)).toEqual(['worker', 'cp'])
    expect(out.marks.size).toBe(0)
    expect(out.infra).toBe(infra)
  })

  it('drops an added pool once the topology reports one of that name', () => {
    const shown = structuredClone(infra)
    pools(shown).push({ ...pools(shown)[0]!, id: 'pool-gpu', name: 'gpu' })
    const out = applyInfraChanges(shown, [rec(1, addGpu, 'submitted')])
    expect(pools(out.infra).filter((p) => p.name === 'gpu')).toHaveLength(1)
    expect(out.marks.size).toBe(0)
  })

  it('shows a scale at once; the later of two scales wins; one the API reports is no longer marked', () => {
    const scale = (n: number): InfraChange => ({
      op: 'scale-pool',
      poolId: 'pool-w',
      name: 'worker',
      desiredSize: n,
    })
    const one = applyInfraChanges(infra, [rec(1, scale(5), 'submitting')])
    expect(pools(one.infra)[0]!.desiredSize).toBe(5)
    expect(one.marks.get('NodePool:pool-w')?.verb).toBe('scale')
    const two = applyInfraChanges(infra, [rec(2, scale(7), 'submitting'), rec(1, scale(5), 'submitted')])
    expect(pools(two.infra)[0]!.desiredSize).toBe(7)
    expect(two.marks.get('NodePool:pool-w')?.record.key).toBe(2)
    const back = applyInfraChanges(infra, [rec(1, scale(5), 'submitted'), rec(2, scale(2), 'submitted')])
    expect(pools(back.infra)[0]!.desiredSize).toBe(2)
    expect(back.marks.size).toBe(0)
    expect(pools(infra)[0]!.desiredSize).toBe(2)
  })

  it('marks a pool or region being deleted, and forgets it once gone', () => {
    const del: InfraChange = { op: 'delete-pool', poolId: 'pool-w', name: 'worker' }
    expect(applyInfraChanges(infra, [rec(1, del, 'submitted')]).marks.get('NodePool:pool-w')?.verb).toBe(
      'delete',
    )
    const gone: InfraChange = { op: 'delete-pool', poolId: 'pool-x', name: 'x' }
    expect(applyInfraChanges(infra, [rec(1, gone, 'submitted')]).marks.size).toBe(0)
    const region: InfraChange = { op: 'delete-region', regionId: 'region-fsn1', name: 'fsn1' }
    expect(
      applyInfraChanges(infra, [rec(1, region, 'submitting')]).marks.get('Region:region-fsn1')?.verb,
    ).toBe('delete')
  })

  it('adds a pending region until a new region in that location appears', () => {
    const add: InfraChange = {
      op: 'add-region',
      body: { region: 'fsn1', skuCP: 'cpx42', skuWorker: 'cpx32', workerCount: 3 },
      knownRegionIds: ['region-fsn1'],
    }
    const out = applyInfraChanges(infra, [rec(4, add, 'submitted')])
    const added = out.infra.topology.regions[1]!
    expect(added).toMatchObject({ name: 'fsn1', provider: 'hetzner', skuCp: 'cpx42', workerCount: 3 })
    expect(out.marks.get(markKey('Region', added.id))).toMatchObject({ verb: 'add', synthetic: true })
    // The existing fsn1 region was known when it was asked: only a new one counts as "shown".
    const shown = structuredClone(infra)
    shown.topology.regions.push({ ...shown.topology.regions[0]!, id: 'region-fsn1-2', name: 'fsn1-2' })
    expect(applyInfraChanges(shown, [rec(4, add, 'submitted')]).marks.size).toBe(0)
  })
})

describe('words', () => {
  it('titles each change and reads the job name from a jobId', () => {
    expect(changeTitle(addGpu)).toBe('Add node pool “gpu”')
    expect(changeTitle({ op: 'scale-pool', poolId: 'p', name: 'worker', desiredSize: 4 })).toBe(
      'Scale node pool “worker” to 4',
    )
    expect(changeTitle({ op: 'delete-region', regionId: 'r', name: 'hel1-2' })).toBe('Delete region “hel1-2”')
    expect(jobNameOf(accepted)).toBe('mutation-add-pool-gpu')
    expect(jobNameOf({ ...accepted, jobId: 'mutation-x' })).toBe('mutation-x')
  })

  it('explains refusals by code and status, keeping the API detail', () => {
    const err = (status: number, code: string | undefined, detail: string) =>
      new ApiError(detail || `${status}`, 'http', status, code, { error: code, detail }, '/x')
    expect(
      describeRefusal(err(409, 'xrc-name-conflict', 'an XRC with name a-pool-gpu already exists'), addGpu),
    ).toMatch(/already requested.*a-pool-gpu/)
    expect(describeRefusal(err(503, 'sovereign-cluster-unreachable', 'not yet posted back'), addGpu)).toMatch(
      /cannot be reached.*not yet posted back/,
    )
    expect(describeRefusal(err(400, 'name-required', 'pool name is required'), addGpu)).toBe(
      'The API refused the request: pool name is required',
    )
    expect(describeRefusal(err(500, undefined, 'boom'), addGpu)).toBe(
      'The API failed (500) and nothing was changed: boom',
    )
    expect(
      describeRefusal(
        new ApiError('The API cannot be reached.', 'network', 0, undefined, undefined, '/x'),
        addGpu,
      ),
    ).toBe('The API cannot be reached.')
  })

  it('validates pool names and sizes', () => {
    expect(poolNameProblem('', [])).toMatch(/required/)
    expect(poolNameProblem('GPU', [])).toMatch(/Lower-case/)
    expect(poolNameProblem('gpu-', [])).toMatch(/Lower-case/)
    expect(poolNameProblem('a'.repeat(41), [])).toMatch(/40/)
    expect(poolNameProblem('worker', ['worker'])).toMatch(/already has/)
    expect(poolNameProblem('gpu-2', ['worker'])).toBeUndefined()
    expect(sizeProblem(0, 1, 20)).toBe('Between 1 and 20 nodes.')
    expect(sizeProblem(21, 1, 20)).toBeDefined()
    expect(sizeProblem(2.5, 1, 20)).toBeDefined()
    expect(sizeProblem(20, 1, 20)).toBeUndefined()
  })

  it('previews what a delete takes with it', () => {
    expect(deletePreview(infra, { op: 'delete-pool', poolId: 'pool-w', name: 'worker' })).toEqual([
      '2 nodes drained and removed: worker-1, worker-2',
    ])
    expect(deletePreview(infra, { op: 'delete-region', regionId: 'region-fsn1', name: 'fsn1' })).toEqual([
      '1 cluster drained and deleted (2 node pools, 3 nodes)',
      '1 load balancer released',
      '1 network released, peerings disconnected',
    ])
  })
})

describe('request bodies', () => {
  it('are strict: an unknown field (Go would answer 400) never leaves the console', () => {
    expect(CreatePoolBody.safeParse({ name: 'gpu', replicas: 3 }).success).toBe(false)
    expect(CreatePoolBody.safeParse(addGpu.op === 'add-pool' ? addGpu.body : {}).success).toBe(true)
    expect(PatchPoolBody.safeParse({}).success).toBe(false)
    expect(PatchPoolBody.safeParse({ desiredSize: 4 }).success).toBe(true)
  })
})
