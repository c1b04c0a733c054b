/**
 * Flow snapshots shaped like catalyst-api's local composer (contract §3.7), for unit tests: five phases
 * chained finish-to-start, a region sub-group per region per populated phase (primary too), installs
 * `contains` → region group → phase, dependencies between installs of one region.
 */
import type { FlowMessageData, FlowNodeData, FlowRelData } from '../flowState.ts'

export interface FixtureChart {
  chart: string
  deps: string[]
  phase?: 'bootstrap-kit' | 'cutover'
  primaryOnly?: boolean
}

export const SMALL_KIT: FixtureChart[] = [
  { chart: 'cilium', deps: [] },
  { chart: 'cert-manager', deps: ['cilium'] },
  { chart: 'flux', deps: ['cert-manager'] },
  { chart: 'cnpg', deps: ['cert-manager'] },
  { chart: 'harbor', deps: ['cnpg', 'flux'] },
  { chart: 'openova-flow-server', deps: ['flux'], primaryOnly: true },
  { chart: 'self-sovereign-cutover', deps: ['harbor'], phase: 'cutover' },
]

export interface FixtureOptions {
  dep?: string
  regions?: string[]
  kit?: FixtureChart[]
  status?: (jobName: string) => string
}

export function installName(regionIndex: number, region: string, chart: string): string {
  return regionIndex === 0 ? `install-${chart}` : `install-${region}:${chart}`
}

export function deploymentSnapshot(
  opts: FixtureOptions = {},
): Extract<FlowMessageData, { type: 'snapshot' }> {
  const dep = opts.dep ?? 'd0'
  const regions = opts.regions ?? ['fsn1', 'nbg1-1', 'hel1-2']
  const kit = opts.kit ?? SMALL_KIT
  const status = opts.status ?? (() => 'succeeded')
  const nodes: FlowNodeData[] = []
  const rels: FlowRelData[] = []
  const id = (name: string) => `${dep}:${name}`
  const job = (name: string, extra: Partial<FlowNodeData> = {}) =>
    nodes.push({ id: id(name), flowId: dep, label: name, status: status(name), ...extra })

  for (const name of ['tofu-init', 'tofu-plan', 'tofu-apply', 'cluster-bootstrap']) {
    job(name, { family: 'tofu' })
    rels.push({ fromId: id(name), toId: id('provisioner'), type: 'contains' })
  }
  rels.push({ fromId: id('tofu-init'), toId: id('tofu-plan'), type: 'finish-to-start' })
  rels.push({ fromId: id('tofu-plan'), toId: id('tofu-apply'), type: 'finish-to-start' })
  rels.push({ fromId: id('tofu-apply'), toId: id('cluster-bootstrap'), type: 'finish-to-start' })

  regions.forEach((region, ri) => {
    for (const c of kit) {
      if (c.primaryOnly && ri > 0) continue
      const name = installName(ri, region, c.chart)
      const phase = c.phase ?? 'bootstrap-kit'
      job(name, { family: 'install', region })
      rels.push({ fromId: id(name), toId: id(`${region}:${phase}`), type: 'contains' })
      for (const d of c.deps) {
        if (!kit.some((k) => k.chart === d && (!k.primaryOnly || ri === 0))) continue
        rels.push({ fromId: id(installName(ri, region, d)), toId: id(name), type: 'finish-to-start' })
      }
    }
  })
  job('handover-publish-dns', { family: 'handover' })
  job('handover-mint-token', { family: 'handover' })
  rels.push({ fromId: id('handover-publish-dns'), toId: id('handover'), type: 'contains' })
  rels.push({ fromId: id('handover-mint-token'), toId: id('handover'), type: 'contains' })
  rels.push({ fromId: id('handover-publish-dns'), toId: id('handover-mint-token'), type: 'finish-to-start' })

  for (const region of regions)
    for (const phase of ['bootstrap-kit', 'cutover']) {
      if (!rels.some((r) => r.toId === id(`${region}:${phase}`))) continue
      nodes.push({
        id: id(`${region}:${phase}`),
        flowId: dep,
        label: `${phase} (${region})`,
        status: 'pending',
        family: 'group',
        region,
      })
      rels.push({ fromId: id(`${region}:${phase}`), toId: id(phase), type: 'contains' })
    }
  const phases = ['provisioner', 'bootstrap-kit', 'cutover', 'handover', 'apps']
  phases.forEach((p, i) => {
    // Group statuses deliberately wrong ("running"): the client must recompute, not trust them.
    nodes.push({
      id: id(p),
      flowId: dep,
      label: p,
      status: p === 'apps' ? 'pending' : 'running',
      family: 'group',
    })
    const next = phases[i + 1]
    if (next) rels.push({ fromId: id(p), toId: id(next), type: 'finish-to-start' })
  })
  return { type: 'snapshot', flow: { id: dep, status: 'running', startedAt: 0 }, nodes, relationships: rels }
}

/** `count` charts, each depending on one or two earlier ones (deterministic), for scale tests. */
export function syntheticKit(count: number): FixtureChart[] {
  const out: FixtureChart[] = [{ chart: 'c0000', deps: [] }]
  let seed = 7
  const next = () => {
    seed = (seed * 1103515245 + 12345) >>> 0
    return seed / 0x1_0000_0000
  }
  for (let i = 1; i < count; i++) {
    const deps = new Set<string>()
    const k = 1 + Math.floor(next() * 2)
    for (let j = 0; j < k; j++) deps.add(out[Math.floor(next() * out.length)]!.chart)
    out.push({ chart: `c${String(i).padStart(4, '0')}`, deps: [...deps] })
  }
  return out
}
