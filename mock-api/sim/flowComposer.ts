/**
 * The flow snapshot exactly as catalyst-api's local composer writes it (contract §3.7):
 * five phase groups chained finish-to-start, one region sub-group per region per populated phase (the
 * primary too), `contains` edges child → parent, dependency edges between jobs of one region, group status
 * rolled up bottom-up, unix SECONDS for timestamps and empty arrays omitted (Go `omitempty`).
 */
import type { FlowMessageWire } from '../../src/contracts/flow.ts'
import { appIdOf, leafStates, rollup } from './derive.ts'
import { BOOTSTRAP_KIT } from './kit.ts'
import {
  OPTIONAL_PHASES,
  PHASES,
  PHASE_DISPLAY,
  type Mutations,
  type Phase,
  type Timeline,
} from './timeline/index.ts'

type SnapshotWire = Extract<FlowMessageWire, { type: 'snapshot' }>
export type FlowNodeWire = NonNullable<SnapshotWire['nodes']>[number]
export type RelationshipWire = NonNullable<SnapshotWire['relationships']>[number]
type Status = 'pending' | 'running' | 'succeeded' | 'failed'

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : Math.floor(ms / 1000))

function family(jobName: string, isGroup: boolean): string | undefined {
  if (isGroup) return 'group'
  if (jobName.startsWith('install-')) return 'install'
  if (jobName.startsWith('tofu-')) return 'tofu'
  if (jobName === 'cluster-bootstrap') return 'bootstrap'
  if (jobName.startsWith('cutover')) return 'cutover'
  if (jobName.startsWith('handover')) return 'handover'
  if (jobName.startsWith('mutation-')) return 'mutation'
  return undefined
}

export function composeFlowSnapshot(tl: Timeline, t: number, mut: Mutations): SnapshotWire {
  const depId = tl.spec.id
  const leaves = leafStates(tl, t, mut)
  const nodes: FlowNodeWire[] = []
  const rels: RelationshipWire[] = []
  const children = new Map<
    string,
    { status: Status; start?: number | undefined; end?: number | undefined }[]
  >()
  const addChild = (
    parent: string,
    c: { status: Status; start?: number | undefined; end?: number | undefined },
  ) => {
    const list = children.get(parent) ?? []
    list.push(c)
    children.set(parent, list)
  }

  // Leaves, grouped under their phase (deployment-wide jobs) or their region sub-group.
  const regionGroups = new Map<string, { phase: Phase; region: string }>()
  for (const l of leaves) {
    const { job } = l
    const id = `${depId}:${job.jobName}`
    const node: FlowNodeWire = {
      id,
      flowId: depId,
      label: job.displayName ?? job.jobName,
      status: l.status,
    }
    const fam = family(job.jobName, false)
    if (fam) node.family = fam
    if (job.regionKey) node.region = job.regionKey
    const s = seconds(l.startedAt)
    const e = seconds(l.finishedAt)
    if (s !== undefined) node.startedAt = s
    if (e !== undefined) node.endedAt = e
    const appId = appIdOf(job)
    if (job.chart) {
      node.meta = {
        jobName: job.jobName,
        chart: job.chart.chart,
        chartFamily: job.chart.family,
        chartFamilyName: BOOTSTRAP_KIT.families[job.chart.family] ?? job.chart.family,
        ...(appId ? { appId } : {}),
      }
    } else node.meta = { jobName: job.jobName }
    nodes.push(node)
    let parent = `${depId}:${job.phase}`
    if (job.regionKey && (job.kind === 'install' || job.phase === 'cutover')) {
      parent = `${depId}:${job.regionKey}:${job.phase}`
      regionGroups.set(parent, { phase: job.phase, region: job.regionKey })
    }
    rels.push({ fromId: id, toId: parent, type: 'contains' })
    addChild(parent, { status: l.status, start: l.startedAt, end: l.finishedAt })
    for (const d of job.dependsOn) rels.push({ fromId: `${depId}:${d}`, toId: id, type: 'finish-to-start' })
  }

  const groupNode = (id: string, label: string, region?: string): FlowNodeWire => {
    const kids = children.get(id) ?? []
    const status = kids.length ? rollup(kids.map((k) => k.status)) : 'pending'
    const starts = kids.map((k) => k.start).filter((v): v is number => v !== undefined)
    const allDone = kids.length > 0 && kids.every((k) => k.status === 'succeeded' || k.status === 'failed')
    const node: FlowNodeWire = { id, flowId: depId, label, status, family: 'group' }
    if (region) node.region = region
    if (starts.length) node.startedAt = seconds(Math.min(...starts))
    if (allDone) node.endedAt = seconds(Math.max(...kids.map((k) => k.end ?? 0)))
    return node
  }

  // Region sub-groups (sorted: primary first, then by region order) roll up into their phase.
  const regionOrder = new Map(tl.spec.regions.map((r, i) => [r.key, i]))
  const sortedRegionGroups = [...regionGroups.entries()].sort(
    ([, a], [, b]) => (regionOrder.get(a.region) ?? 0) - (regionOrder.get(b.region) ?? 0),
  )
  for (const [id, { phase, region }] of sortedRegionGroups) {
    const node = groupNode(id, `${PHASE_DISPLAY[phase]} (${region})`, region)
    nodes.push(node)
    const phaseId = `${depId}:${phase}`
    rels.push({ fromId: id, toId: phaseId, type: 'contains' })
    addChild(phaseId, {
      status: node.status as Status,
      start: node.startedAt !== undefined ? node.startedAt * 1000 : undefined,
      end: node.endedAt !== undefined ? node.endedAt * 1000 : undefined,
    })
  }
  PHASES.forEach((phase, i) => {
    const id = `${depId}:${phase}`
    nodes.push(groupNode(id, PHASE_DISPLAY[phase]))
    const next = PHASES[i + 1]
    if (next) rels.push({ fromId: id, toId: `${depId}:${next}`, type: 'finish-to-start' })
  })
  // Day-2 mutations get their group once they have a job; it is outside the lifecycle chain.
  for (const phase of OPTIONAL_PHASES) {
    if (leaves.some((l) => l.job.phase === phase))
      nodes.push(groupNode(`${depId}:${phase}`, PHASE_DISPLAY[phase]))
  }

  const leafStatuses = leaves.map((l) => l.status)
  const allTerminal =
    leafStatuses.length > 0 && leafStatuses.every((s) => s === 'succeeded' || s === 'failed')
  const starts = leaves.map((l) => l.startedAt).filter((v): v is number => v !== undefined)
  const snapshot: SnapshotWire = {
    type: 'snapshot',
    flow: {
      id: depId,
      status: allTerminal ? (leafStatuses.includes('failed') ? 'failed' : 'succeeded') : 'running',
      startedAt: starts.length ? seconds(Math.min(...starts))! : 0,
    },
    nodes,
  }
  if (rels.length) snapshot.relationships = rels
  return snapshot
}
