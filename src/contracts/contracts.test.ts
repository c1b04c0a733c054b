import { describe, expect, it } from 'vitest'
import { DeploymentList, DeploymentState, isInFlightStatus } from './deployments.ts'
import { parseErrorBody } from './errors.ts'
import { FlowMessage } from './flow.ts'
import { FlowServerLogLine, Job, canonicalJobId, parseInstallJobName, splitJobId } from './jobs.ts'
import { Infrastructure } from './topology.ts'
import { TreemapResponse } from './treemap.ts'
import { UserAccessList } from './users.ts'
import { blueprintId } from './apps.ts'

const DEP = 'a43364f11c10cde3'

describe('contract traps the console tolerates (contract §7)', () => {
  it('treats omitted or null arrays as empty (Go omitempty)', () => {
    const snap = FlowMessage.parse({ type: 'snapshot', flow: { id: DEP, status: 'running' } })
    expect(snap).toMatchObject({ nodes: [], relationships: [] })
    expect(FlowMessage.parse({ type: 'upsert-nodes' })).toEqual({ type: 'upsert-nodes', nodes: [] })
    expect(UserAccessList.parse({ items: null }).items).toEqual([])
    expect(TreemapResponse.parse({ items: null, total_count: 0 }).items).toEqual([])
    expect(DeploymentList.parse({ deployments: null })).toEqual([])
    expect(DeploymentList.parse([{ id: DEP, status: 'ready' }])).toHaveLength(1)
  })

  it('normalises flow timestamps from unix seconds and keeps milliseconds', () => {
    const seconds = 1_778_749_200
    const msg = FlowMessage.parse({
      type: 'snapshot',
      flow: { id: DEP, status: 'running', startedAt: seconds },
      nodes: [{ id: `${DEP}:tofu-init`, startedAt: seconds, endedAt: seconds * 1000 + 5 }],
    })
    if (msg.type !== 'snapshot') throw new Error('type')
    expect(msg.flow.startedAt).toBe(seconds * 1000)
    expect(msg.nodes[0]!.startedAt).toBe(seconds * 1000)
    expect(msg.nodes[0]!.endedAt).toBe(seconds * 1000 + 5)
  })

  it('accepts bare and full dependsOn and detects "full" by the deployment prefix, not by a colon', () => {
    const job = Job.parse({
      id: `${DEP}:install-nbg1-1:cert-manager`,
      deploymentId: DEP,
      jobName: 'install-nbg1-1:cert-manager',
      dependsOn: ['install-nbg1-1:cilium', `${DEP}:install-nbg1-1:flux`],
      parentId: 'bootstrap-kit',
    })
    expect(job.dependsOn).toEqual([`${DEP}:install-nbg1-1:cilium`, `${DEP}:install-nbg1-1:flux`])
    expect(job.parentId).toBe(`${DEP}:bootstrap-kit`)
    expect(canonicalJobId(DEP, 'install-cilium')).toBe(`${DEP}:install-cilium`)
    expect(splitJobId(`${DEP}:install-nbg1-1:cilium`)).toEqual({
      deploymentId: DEP,
      jobName: 'install-nbg1-1:cilium',
    })
    expect(parseInstallJobName('install-nbg1-1:cilium')).toEqual({ regionKey: 'nbg1-1', chart: 'cilium' })
    expect(parseInstallJobName('install-cilium')).toEqual({ regionKey: undefined, chart: 'cilium' })
    // Health kinds of newer builds roll into the four lifecycle statuses.
    expect(Job.parse({ id: `${DEP}:cron-x`, jobName: 'cron-x', status: 'degraded' }).status).toBe('failed')
  })

  it('reads skuCP (Go) and skuCp (TS) and listener CSV ports', () => {
    const topo = Infrastructure.parse({
      topology: {
        pattern: 'multi-region',
        regions: [
          {
            id: 'region-fsn1',
            skuCP: 'cpx42',
            clusters: [{ id: 'c', name: 'c', loadBalancers: [{ id: 'lb', ports: '80,443, 6443' }] }],
          },
          { id: 'region-nbg1', skuCp: 'cpx32' },
        ],
      },
    })
    expect(topo.topology.regions.map((r) => r.skuCp)).toEqual(['cpx42', 'cpx32'])
    expect(topo.topology.regions[0]!.clusters[0]!.loadBalancers[0]!.listeners.map((l) => l.port)).toEqual([
      80, 443, 6443,
    ])
    expect(Infrastructure.parse({}).topology.regions).toEqual([])
  })

  it('reads every error body style: JSON, catalog JSON, plain text', () => {
    expect(parseErrorBody('{"error":"pin-rate-limited","retryAfterSec":42}')).toMatchObject({
      code: 'pin-rate-limited',
      body: { retryAfterSec: 42 },
    })
    expect(parseErrorBody('{"error":"invalid-group-by","detail":"group_by must be…"}').message).toBe(
      'group_by must be…',
    )
    expect(
      parseErrorBody(
        '{"error":"blueprint_not_found","status":404,"code":"404","message":"no such blueprint"}',
      ).message,
    ).toBe('no such blueprint')
    expect(parseErrorBody('deployment not found\n')).toEqual({
      code: undefined,
      message: 'deployment not found',
      body: undefined,
    })
    expect(parseErrorBody('{not json').message).toBe('{not json')
    // A bare Go code reads in words; an unknown one stays as sent.
    expect(parseErrorBody('{"error":"execution-not-found"}')).toMatchObject({
      code: 'execution-not-found',
      message: 'That execution of the job no longer exists.',
    })
    expect(parseErrorBody('{"error":"brand-new-code"}').message).toBe('brand-new-code')
  })

  it('maps flow-server log lines with capitalised keys to the catalyst-api shape', () => {
    expect(
      FlowServerLogLine.parse({ Seq: 7, Level: 'warning', Message: 'm', OccurredAt: '2026-05-14T09:00:00Z' }),
    ).toEqual({
      lineNumber: 7,
      timestamp: '2026-05-14T09:00:00Z',
      level: 'WARN',
      message: 'm',
    })
  })

  it('accepts unknown deployment statuses and treats them as in flight', () => {
    expect(
      DeploymentState.parse({ id: DEP, status: 'cloud-init-waiting', startedAt: '2026-05-14T09:00:00Z' })
        .status,
    ).toBe('cloud-init-waiting')
    expect(isInFlightStatus('cloud-init-waiting')).toBe(true)
    expect(isInFlightStatus('tofu-applying')).toBe(true)
    expect(isInFlightStatus('wiping')).toBe(true)
    for (const s of ['ready', 'failed', 'wiped', 'adopted', 'partial-failure'])
      expect(isInFlightStatus(s), s).toBe(false)
  })

  it('builds bp- ids without ever doubling the prefix', () => {
    expect(blueprintId('harbor')).toBe('bp-harbor')
    expect(blueprintId('bp-harbor')).toBe('bp-harbor')
  })
})
