/**
 * Operations on one deployment beyond its lifecycle: the kubeconfig (download and cloud-init postback,
 * Go `handler/kubeconfig.go`), the Phase-1 watcher (Go `handler/jobs_backfill.go`), and the Day-2
 * infrastructure requests (Go `handler/infrastructure.go`), each with the real status codes.
 */
import { readRawBody } from '../http/body.ts'
import { precheckDay2, type Day2Request } from '../sim/day2.ts'
import { planDay2 } from '../sim/day2/planDay2.ts'
import { componentSnapshotsAt } from '../sim/derive/componentStates.ts'
import { rfc3339 } from '../sim/goTime.ts'
import type { Ctx } from '../context.ts'
import type { DeploymentRecord } from '../sim/simulator.ts'
import type { ApiRouter } from './types.ts'

const MAX_KUBECONFIG_BYTES = 1 << 20
const MAX_MUTATION_BODY_BYTES = 1 << 16

/** `?region=<key>`: absent or empty is the primary (which has no key; its cloud region is accepted too). */
function regionOf(rec: DeploymentRecord, raw: string | null) {
  const key = (raw ?? '').trim()
  if (!key) return rec.spec.regions[0]!
  return rec.spec.regions.find((r) => r.key === key)
}

function kubeconfigYaml(ctx: Ctx, rec: DeploymentRecord, key: string, name: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    `clusters:\n- name: ${name}\n  cluster:\n    server: https://${ctx.sim.timeline(rec).ips.loadBalancer(key)}:6443\n    certificate-authority-data: LS0tLS1CRUdJTi0tLS0t`,
    `contexts:\n- name: ${name}\n  context:\n    cluster: ${name}\n    user: ${name}-admin`,
    `current-context: ${name}`,
    `users:\n- name: ${name}-admin\n  user:\n    token: REDACTED-IN-MOCK`,
    '',
  ].join('\n')
}

const NOT_CAPTURED =
  "kubeconfig has not been captured for this deployment yet. Operator can fetch it via SSH per docs/RUNBOOK-PROVISIONING.md §Fetch kubeconfig via SSH; programmatic capture happens when the new Sovereign's cloud-init PUTs to this endpoint."

export function operationRoutes(r: ApiRouter): void {
  r.add('GET', 'deployments/:id/kubeconfig', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment('text')
    if (!rec) return
    const region = regionOf(rec, ctx.query.get('region'))
    if (!region || ctx.sim.kubeconfigLandedAt(rec, region.key) === undefined)
      return ctx.json(409, { error: 'not-implemented', detail: NOT_CAPTURED })
    const path = `/var/lib/catalyst/kubeconfigs/${region.primary ? rec.spec.id : `${rec.spec.id}-${region.key}`}.yaml`
    // A wipe deletes the local files; the record still points at them.
    if (ctx.sim.status(rec) === 'wiped')
      return ctx.json(409, {
        error: 'kubeconfig-file-missing',
        detail: `deployment record points at a kubeconfig file that no longer exists on disk: open ${path}: no such file or directory`,
      })
    const sub = rec.spec.request.sovereignFQDN.split('.')[0]
    const name = region.primary ? `${sub}` : `${sub}-${region.key}`
    ctx.res.writeHead(200, {
      'content-type': 'application/yaml',
      'content-disposition': `attachment; filename="${name}.yaml"`,
      'cache-control': 'no-store',
      'x-catalyst-mock': '1',
      date: new Date(ctx.sim.now()).toUTCString(),
    })
    ctx.res.end(kubeconfigYaml(ctx, rec, region.key, name))
  })

  // The cloud-init postback: bearer auth, no session (the new node has none). A person re-uploading from a
  // browser brings a session too, and that session needs the tier.
  r.add('PUT', 'deployments/:id/kubeconfig', async (ctx) => {
    if (!ctx.allowsSignedInCaller('kubeconfig.upload')) return
    const rec = ctx.sim.record(ctx.params.id ?? '')
    if (!rec) {
      ctx.req.resume()
      return ctx.text(404, 'deployment not found')
    }
    const auth = (ctx.req.headers.authorization ?? '').trim()
    const bearer = /^bearer /i.test(auth) ? auth.slice('bearer '.length).trim() : ''
    const region = regionOf(rec, ctx.query.get('region'))
    // Bearer and single-use checks come before the body is read (Go reads it last).
    const refused = ctx.sim.kubeconfigPutRefusal(rec, region?.key, bearer)
    if (refused) {
      ctx.req.resume()
      return ctx.refuse({ ok: false, ...refused })
    }
    const body = await readRawBody(ctx.req, MAX_KUBECONFIG_BYTES)
    if (!body.ok)
      return ctx.json(422, {
        error: 'body-too-large',
        detail: `kubeconfig body exceeds ${MAX_KUBECONFIG_BYTES} bytes`,
      })
    if (body.raw.length === 0)
      return ctx.json(422, { error: 'empty-body', detail: 'kubeconfig body is empty' })
    ctx.sim.landKubeconfig(rec, region!.key)
    ctx.empty(204)
  })

  r.add('GET', 'deployments/:id/components/state', (ctx) => {
    if (!ctx.requireSession()) return
    const rec = ctx.deployment()
    if (!rec) return
    const t = ctx.sim.now()
    const watching = ctx.sim.watching(rec, t)
    ctx.json(200, {
      watching,
      components: componentSnapshotsAt(ctx.sim.timeline(rec), t, rec.mut, watching),
    })
  })

  r.add('POST', 'deployments/:id/refresh-watch', (ctx) => {
    if (!ctx.requireTier('watch.refresh')) return
    const rec = ctx.deployment()
    if (!rec) return
    const out = ctx.sim.refreshWatch(rec)
    if (!out.ok) return ctx.refuse(out)
    const components = componentSnapshotsAt(ctx.sim.timeline(rec), ctx.sim.now(), rec.mut, true)
    if (out.value.status === 200) return ctx.json(200, { watching: true, alreadyActive: true, components })
    ctx.json(202, { watching: true, seededAt: rfc3339(out.value.seededAt!), components })
  })

  // ── Day-2 CRUD: every request writes a Crossplane claim and a `mutation-<verb>-<kind>` audit job ─────
  const day2 = (ctx: Ctx, make: (body: string) => Day2Request) => async () => {
    if (!ctx.requireTier('infrastructure.change')) return
    const read = await readRawBody(ctx.req, MAX_MUTATION_BODY_BYTES)
    const req = make(read.ok ? read.raw.toString('utf8') : '')
    // Some refusals come before the deployment is looked up (Go checks the path first).
    const pre = precheckDay2(req)
    if (pre && !pre.ok) return ctx.json(pre.status, pre.json)
    const rec = ctx.deployment('detail')
    if (!rec) return
    if (!read.ok) return ctx.json(400, { error: 'invalid-body', detail: 'http: request body too large' })
    const plan = planDay2(rec.spec.id, rec.spec.request.provider, req)
    if (!plan.ok) return ctx.json(plan.status, plan.json)
    const out = ctx.sim.day2(rec, plan)
    if (out.ok) ctx.json(202, out.value)
    else ctx.refuse(out)
  }
  const base = 'deployments/:id/infrastructure'
  r.add('POST', `${base}/regions`, (ctx) => day2(ctx, (body) => ({ op: 'add-region', body }))())
  r.add('POST', `${base}/regions/:rid/clusters`, (ctx) =>
    day2(ctx, (body) => ({ op: 'add-cluster', regionId: ctx.params.rid!, body }))(),
  )
  r.add('POST', `${base}/clusters/:cid/vclusters`, (ctx) =>
    day2(ctx, (body) => ({ op: 'add-vcluster', clusterId: ctx.params.cid!, body }))(),
  )
  r.add('POST', `${base}/clusters/:cid/pools`, (ctx) =>
    day2(ctx, (body) => ({ op: 'add-pool', clusterId: ctx.params.cid!, body }))(),
  )
  r.add('PATCH', `${base}/pools/:pid`, (ctx) =>
    day2(ctx, (body) => ({ op: 'update-pool', poolId: ctx.params.pid!, body }))(),
  )
  r.add('POST', `${base}/loadbalancers`, (ctx) => day2(ctx, (body) => ({ op: 'add-lb', body }))())
  r.add('POST', `${base}/peerings`, (ctx) => day2(ctx, (body) => ({ op: 'add-peering', body }))())
  r.add('POST', `${base}/firewalls/:fid/rules`, (ctx) =>
    day2(ctx, (body) => ({ op: 'add-firewall-rule', firewallId: ctx.params.fid!, body }))(),
  )
  r.add('POST', `${base}/nodes/:nid/:action`, (ctx) =>
    day2(ctx, () => ({ op: 'node-action', nodeId: ctx.params.nid!, action: ctx.params.action! }))(),
  )
  r.add('DELETE', `${base}/:kind/:rid`, (ctx) =>
    day2(ctx, () => ({ op: 'delete', kind: ctx.params.kind!, id: ctx.params.rid! }))(),
  )
}
