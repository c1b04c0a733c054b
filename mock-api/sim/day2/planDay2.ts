/**
 * The per-kind rules of the Day-2 handlers (body fields, 400s, action text, claim), out of `day2.ts`
 * (issue 14: files under ~450 lines); the request and plan shapes and the precheck stay there.
 */
import { XRC_KIND_OF, bad, precheckDay2, type Day2Plan, type Day2Request } from '../day2.ts'
import { xrcName } from '../xrc.ts'
import { decodeStrict, type FieldType } from './decodeStrict.ts'

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
