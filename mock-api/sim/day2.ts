/**
 * Day-2 infrastructure requests the way catalyst-api handles them (Go `handler/infrastructure.go`): decode
 * the body strictly, check the handler's required fields, then write a Crossplane claim and an audit job.
 * Pure: a request + the claims written so far → the HTTP answer, the audit record and the new claims.
 *
 * The claims only record intent: the Crossplane Compositions do not exist yet upstream, so a claim sits
 * Pending and the topology does not change — exactly what the May backend shows.
 */
import type { InfrastructureWire } from '../../src/contracts/topology.ts'
import { rfc3339Nano } from './goTime.ts'
import type { Claim, Day2Mutation } from './timeline/index.ts'
import { mutationJobName, xrcName } from './xrc.ts'

type FieldType = 'string' | 'int' | 'bool' | '*int'

/** A request body as Go's decoder with `DisallowUnknownFields` reads it into one of the handler structs. */
export function decodeStrict(
  raw: string,
  struct: string,
  fields: Record<string, FieldType>,
): { ok: true; value: Record<string, unknown> } | { ok: false; detail: string } {
  if (raw.trim() === '') return { ok: false, detail: 'EOF' }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (e) {
    return { ok: false, detail: `invalid character in JSON: ${e instanceof Error ? e.message : 'syntax'}` }
  }
  const jsonType = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v
  if (json === null) return { ok: true, value: {} }
  if (jsonType(json) !== 'object')
    return {
      ok: false,
      detail: `json: cannot unmarshal ${jsonType(json)} into Go value of type handler.${struct}`,
    }
  const value: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    const type = fields[k]
    if (!type) return { ok: false, detail: `json: unknown field "${k}"` }
    const goType = type === 'int' || type === '*int' ? 'int' : type
    if (v === null) continue
    const ok =
      type === 'string'
        ? typeof v === 'string'
        : type === 'bool'
          ? typeof v === 'boolean'
          : typeof v === 'number' && Number.isInteger(v)
    if (!ok) {
      const what = typeof v === 'number' ? `number ${v}` : jsonType(v)
      return {
        ok: false,
        detail: `json: cannot unmarshal ${what} into Go struct field ${struct}.${k} of type ${goType}`,
      }
    }
    value[k] = v
  }
  return { ok: true, value }
}

export type Day2Request =
  | { op: 'add-region'; body: string }
  | { op: 'add-cluster'; regionId: string; body: string }
  | { op: 'add-vcluster'; clusterId: string; body: string }
  | { op: 'add-pool'; clusterId: string; body: string }
  | { op: 'update-pool'; poolId: string; body: string }
  | { op: 'add-lb'; body: string }
  | { op: 'add-peering'; body: string }
  | { op: 'add-firewall-rule'; firewallId: string; body: string }
  | { op: 'node-action'; nodeId: string; action: string }
  | { op: 'delete'; kind: string; id: string }

/** What the handler decided before it needs the cluster: a 400, or the claim it is about to write. */
export type Day2Plan =
  | { ok: false; status: number; json: Record<string, string> }
  | {
      ok: true
      verb: string
      kind: string
      slug: string
      action: string
      diff: string
      xrcKind: string
      xrcName: string
      spec: Record<string, unknown>
      patch: boolean
      remove: boolean
    }

const bad = (error: string, detail: string): Day2Plan => ({ ok: false, status: 400, json: { error, detail } })

const XRC_KIND_OF: Record<string, string> = {
  regions: 'RegionClaim',
  region: 'RegionClaim',
  clusters: 'ClusterClaim',
  cluster: 'ClusterClaim',
  vclusters: 'VClusterClaim',
  vcluster: 'VClusterClaim',
  pools: 'NodePoolClaim',
  pool: 'NodePoolClaim',
  nodepools: 'NodePoolClaim',
  nodepool: 'NodePoolClaim',
  loadbalancers: 'LoadBalancerClaim',
  loadbalancer: 'LoadBalancerClaim',
  lb: 'LoadBalancerClaim',
  peerings: 'PeeringClaim',
  peering: 'PeeringClaim',
  firewalls: 'FirewallRuleClaim',
  firewall: 'FirewallRuleClaim',
  firewallrules: 'FirewallRuleClaim',
  firewallrule: 'FirewallRuleClaim',
  nodes: 'NodeActionClaim',
  node: 'NodeActionClaim',
}

/** Checks done before the deployment is even looked up (an unknown kind or node action). */
export function precheckDay2(req: Day2Request): Day2Plan | undefined {
  if (req.op === 'delete' && !XRC_KIND_OF[req.kind.toLowerCase()])
    return bad('unknown-kind', `unsupported resource kind: ${req.kind.toLowerCase()}`)
  if (req.op === 'node-action' && !['cordon', 'drain', 'replace'].includes(req.action.toLowerCase()))
    return bad('unsupported-action', 'action must be cordon|drain|replace')
  return undefined
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const int = (v: unknown) => (typeof v === 'number' ? v : 0)

/** The handler's per-kind body rules, action text and claim (names and words from the Go handlers). */
export function planDay2(depId: string, provider: string, req: Day2Request): Day2Plan {
  const pre = precheckDay2(req)
  if (pre) return pre
  const decode = (struct: string, fields: Record<string, FieldType>) =>
    decodeStrict('body' in req ? req.body : '', struct, fields)
  switch (req.op) {
    case 'add-region': {
      const d = decode('createRegionBody', {
        region: 'string',
        skuCP: 'string',
        skuWorker: 'string',
        workerCount: 'int',
        provider: 'string',
      })
      if (!d.ok) return bad('invalid-body', d.detail)
      const b = d.value
      if (!str(b.region).trim()) return bad('region-required', 'region is required')
      if (!str(b.skuCP).trim()) return bad('skuCP-required', 'skuCP is required')
      return {
        ok: true,
        verb: 'add',
        kind: 'region',
        slug: str(b.region),
        action: `add-region region=${str(b.region)} sku=${str(b.skuCP)} workers=${int(b.workerCount)}`,
        diff: `+ region: ${str(b.region)}\n+   skuCP: ${str(b.skuCP)}\n+   skuWorker: ${str(b.skuWorker)}\n+   workerCount: ${int(b.workerCount)}`,
        xrcKind: 'RegionClaim',
        xrcName: xrcName(depId, 'region', str(b.region)),
        spec: {
          region: str(b.region),
          provider: str(b.provider) || provider,
          skuCP: str(b.skuCP),
          skuWorker: str(b.skuWorker),
          workerCount: int(b.workerCount),
        },
        patch: false,
        remove: false,
      }
    }
    case 'add-cluster': {
      const d = decode('createClusterBody', { name: 'string', version: 'string', ha: 'bool' })
      if (!d.ok) return bad('invalid-body', d.detail)
      const name = str(d.value.name)
      if (!name.trim()) return bad('name-required', 'cluster name is required')
      const ha = d.value.ha === true
      return {
        ok: true,
        verb: 'add',
        kind: 'cluster',
        slug: name,
        action: `add-cluster name=${name} region=${req.regionId} ha=${ha}`,
        diff: `+ cluster: ${name}`,
        xrcKind: 'ClusterClaim',
        xrcName: xrcName(depId, 'cluster', name),
        spec: { region: req.regionId, name, version: str(d.value.version), ha },
        patch: false,
        remove: false,
      }
    }
    case 'add-vcluster': {
      const d = decode('createVClusterBody', { name: 'string', namespace: 'string', role: 'string' })
      if (!d.ok) return bad('invalid-body', d.detail)
      const name = str(d.value.name)
      if (!name.trim()) return bad('name-required', 'vcluster name is required')
      return {
        ok: true,
        verb: 'add',
        kind: 'vcluster',
        slug: name,
        action: `add-vcluster name=${name} cluster=${req.clusterId} role=${str(d.value.role)}`,
        diff: `+ vcluster: ${name}`,
        xrcKind: 'VClusterClaim',
        xrcName: xrcName(depId, 'vcluster', name),
        spec: { cluster: req.clusterId, name, namespace: str(d.value.namespace), role: str(d.value.role) },
        patch: false,
        remove: false,
      }
    }
    case 'add-pool': {
      const d = decode('createPoolBody', {
        name: 'string',
        role: 'string',
        sku: 'string',
        region: 'string',
        desiredSize: 'int',
      })
      if (!d.ok) return bad('invalid-body', d.detail)
      const b = d.value
      const name = str(b.name)
      if (!name.trim()) return bad('name-required', 'pool name is required')
      return {
        ok: true,
        verb: 'add',
        kind: 'pool',
        slug: name,
        action: `add-pool name=${name} cluster=${req.clusterId} sku=${str(b.sku)} size=${int(b.desiredSize)}`,
        diff: `+ nodePool: ${name}\n+   sku: ${str(b.sku)}\n+   desiredSize: ${int(b.desiredSize)}`,
        xrcKind: 'NodePoolClaim',
        xrcName: xrcName(depId, 'pool', name),
        spec: {
          cluster: req.clusterId,
          name,
          role: str(b.role),
          sku: str(b.sku),
          region: str(b.region),
          desiredSize: int(b.desiredSize),
        },
        patch: false,
        remove: false,
      }
    }
    case 'update-pool': {
      const d = decode('patchPoolBody', { desiredSize: '*int', sku: 'string' })
      if (!d.ok) return bad('invalid-body', d.detail)
      const size = d.value.desiredSize
      const sku = str(d.value.sku)
      if (size === undefined && !sku.trim())
        return bad('no-fields', 'PATCH must include desiredSize and/or sku')
      const spec: Record<string, unknown> = { name: req.poolId }
      let diff = ''
      if (typeof size === 'number') {
        spec.desiredSize = size
        diff += `~ desiredSize: ${size}\n`
      }
      if (sku) {
        spec.sku = sku
        diff += `~ sku: ${sku}\n`
      }
      return {
        ok: true,
        verb: 'update',
        kind: 'pool',
        slug: req.poolId,
        action: `update-pool id=${req.poolId}`,
        diff,
        xrcKind: 'NodePoolClaim',
        xrcName: xrcName(depId, 'pool', req.poolId),
        spec,
        patch: true,
        remove: false,
      }
    }
    case 'add-lb': {
      const d = decode('createLBBody', { name: 'string', region: 'string', ports: 'string' })
      if (!d.ok) return bad('invalid-body', d.detail)
      const name = str(d.value.name)
      if (!name.trim()) return bad('name-required', 'lb name is required')
      return {
        ok: true,
        verb: 'add',
        kind: 'lb',
        slug: name,
        action: `add-lb name=${name} region=${str(d.value.region)}`,
        diff: `+ lb: ${name}`,
        xrcKind: 'LoadBalancerClaim',
        xrcName: xrcName(depId, 'lb', name),
        spec: { name, region: str(d.value.region), ports: str(d.value.ports) },
        patch: false,
        remove: false,
      }
    }
    case 'add-peering': {
      const d = decode('createPeeringBody', {
        name: 'string',
        vpcFrom: 'string',
        vpcTo: 'string',
        subnets: 'string',
      })
      if (!d.ok) return bad('invalid-body', d.detail)
      const b = d.value
      const name = str(b.name)
      if (!name.trim()) return bad('name-required', 'peering name is required')
      return {
        ok: true,
        verb: 'add',
        kind: 'peering',
        slug: name,
        action: `add-peering name=${name} pair=${str(b.vpcFrom)}/${str(b.vpcTo)}`,
        diff: `+ peering: ${name}\n+   vpcFrom: ${str(b.vpcFrom)}\n+   vpcTo: ${str(b.vpcTo)}`,
        xrcKind: 'PeeringClaim',
        xrcName: xrcName(depId, 'peering', name),
        spec: { name, vpcFrom: str(b.vpcFrom), vpcTo: str(b.vpcTo), subnets: str(b.subnets) },
        patch: false,
        remove: false,
      }
    }
    case 'add-firewall-rule': {
      const d = decode('createFWRuleBody', {
        direction: 'string',
        protocol: 'string',
        port: 'string',
        sources: 'string',
        action: 'string',
      })
      if (!d.ok) return bad('invalid-body', d.detail)
      const b = d.value
      const [direction, protocol, port] = [str(b.direction), str(b.protocol), str(b.port)]
      if (!direction.trim() || !protocol.trim())
        return bad('direction-protocol-required', 'direction and protocol are required')
      const slug = `${direction}-${protocol}-${port}`
      return {
        ok: true,
        verb: 'add',
        kind: 'firewall-rule',
        slug,
        action: `add-firewall-rule fw=${req.firewallId} ${direction}/${protocol}/${port}`,
        diff: `+ rule: ${direction}/${protocol}/${port} sources=${str(b.sources)} action=${str(b.action)}`,
        xrcKind: 'FirewallRuleClaim',
        xrcName: xrcName(depId, 'fw', `${req.firewallId}-${slug}`),
        spec: {
          firewall: req.firewallId,
          direction,
          protocol,
          port,
          sources: str(b.sources),
          action: str(b.action),
        },
        patch: false,
        remove: false,
      }
    }
    case 'node-action': {
      const verb = req.action.toLowerCase()
      return {
        ok: true,
        verb,
        kind: 'node',
        slug: req.nodeId,
        action: `${verb}-node id=${req.nodeId}`,
        diff: `~ node ${req.nodeId}: ${verb}`,
        xrcKind: 'NodeActionClaim',
        xrcName: xrcName(depId, verb, req.nodeId),
        spec: { node: req.nodeId, action: verb },
        patch: false,
        remove: false,
      }
    }
    case 'delete': {
      const kind = req.kind.toLowerCase()
      return {
        ok: true,
        verb: 'remove',
        kind,
        slug: req.id,
        action: `remove-${kind} id=${req.id}`,
        diff: `- ${kind}: ${req.id}`,
        xrcKind: XRC_KIND_OF[kind]!,
        xrcName: xrcName(depId, kind, req.id),
        spec: {},
        patch: false,
        remove: true,
      }
    }
  }
}

export interface CascadeImpact {
  kind: string
  id: string
  name: string
  note?: string
}

/**
 * What a delete takes with it, from the live topology (Go `infrastructure/topology_loader.go` CascadeFor).
 * Only the singular kinds are expanded there (`region`, `cluster`, `pool`/`nodepool`); any other request
 * gets the one "no observable child resources" row, as upstream.
 */
export function cascadeFor(kind: string, id: string, topo: InfrastructureWire): CascadeImpact[] {
  const out: CascadeImpact[] = []
  const regions = topo.topology?.regions ?? []
  switch (kind.toLowerCase()) {
    case 'region':
      for (const rg of regions) {
        if (rg.id !== id) continue
        for (const c of rg.clusters ?? []) {
          out.push({ kind: 'cluster', id: c.id, name: c.name, note: 'cluster will drain + be reaped' })
          for (const np of c.nodePools ?? [])
            out.push({ kind: 'nodePool', id: np.id, name: np.name ?? '', note: 'node pool will be deleted' })
          for (const n of c.nodes ?? [])
            out.push({ kind: 'node', id: n.id, name: n.name, note: 'workloads will be drained' })
          for (const lb of c.loadBalancers ?? [])
            out.push({ kind: 'lb', id: lb.id, name: lb.name ?? '', note: 'load balancer will be released' })
        }
        for (const n of rg.networks ?? []) {
          out.push({
            kind: 'network',
            id: n.id,
            name: n.name ?? '',
            note: 'VPC will be released; peerings disconnected',
          })
          for (const p of n.peerings ?? [])
            out.push({ kind: 'peering', id: p.id, name: p.name ?? '', note: 'peering will be torn down' })
        }
      }
      break
    case 'cluster':
      for (const rg of regions)
        for (const c of rg.clusters ?? []) {
          if (c.id !== id) continue
          for (const np of c.nodePools ?? []) out.push({ kind: 'nodePool', id: np.id, name: np.name ?? '' })
          for (const n of c.nodes ?? []) out.push({ kind: 'node', id: n.id, name: n.name })
          for (const lb of c.loadBalancers ?? []) out.push({ kind: 'lb', id: lb.id, name: lb.name ?? '' })
        }
      break
    case 'nodepool':
    case 'pool':
      for (const rg of regions)
        for (const c of rg.clusters ?? [])
          for (const np of c.nodePools ?? []) {
            if (np.id !== id) continue
            for (const n of c.nodes ?? [])
              if (n.nodePoolID === np.id)
                out.push({ kind: 'node', id: n.id, name: n.name, note: 'node will be drained + cordoned' })
          }
      break
  }
  if (out.length === 0)
    out.push({
      kind,
      id,
      name: id,
      note: 'no observable child resources — proceeding will reap the underlying cloud resources',
    })
  return out
}

/**
 * Writes the claim (or refuses a name already taken) and returns the audit record and the 202 / 409 body.
 * `claims` is not modified; the caller stores `nextClaims`.
 */
export function submitDay2(
  plan: Extract<Day2Plan, { ok: true }>,
  depId: string,
  now: number,
  claims: ReadonlyMap<string, Claim>,
  cascade: CascadeImpact[] | undefined,
): {
  mutation: Day2Mutation
  nextClaims: Map<string, Claim>
  status: number
  body: Record<string, unknown>
} {
  const nextClaims = new Map(claims)
  const exists = claims.has(plan.xrcName)
  const jobName = mutationJobName(plan.verb, plan.kind, plan.slug)
  const base = {
    at: now,
    jobName,
    kind: plan.kind,
    action: plan.action,
    diff: plan.diff,
    xrcKind: plan.xrcKind,
    xrcName: plan.xrcName,
  }
  const accepted = (status: string, note: string) => ({
    mutation: { ...base, ok: true, note },
    nextClaims,
    status: 202,
    body: {
      jobId: `${depId}:${jobName}`,
      xrcKind: plan.xrcKind,
      xrcName: plan.xrcName,
      status,
      submittedAt: rfc3339Nano(now),
      ...(cascade && cascade.length ? { cascade } : {}),
    },
  })
  if (plan.remove) {
    nextClaims.delete(plan.xrcName)
    return accepted(
      exists ? 'submitted-pending-composition' : 'already-absent',
      `deletionPolicy=Delete; cascade rows: ${cascade?.length ?? 0}`,
    )
  }
  if (exists && !plan.patch) {
    return {
      mutation: { ...base, ok: false, note: `xrc name conflict: ${plan.xrcName}` },
      nextClaims,
      status: 409,
      body: { error: 'xrc-name-conflict', detail: `an XRC with name ${plan.xrcName} already exists` },
    }
  }
  const prev = claims.get(plan.xrcName)
  nextClaims.set(plan.xrcName, {
    xrcKind: plan.xrcKind,
    spec: { ...(prev?.spec ?? {}), ...plan.spec },
    at: now,
  })
  return accepted(
    'submitted-pending-composition',
    exists ? 'existing claim updated in place' : 'awaiting Crossplane Composition reconciliation',
  )
}
