import {
  sovereignRefOf,
  UserAccessCreate,
  UserAccessName,
  UserAccessUpdate,
} from '../../src/contracts/users.ts'
import type { Ctx } from '../context.ts'
import type { DeploymentRecord } from '../sim/simulator.ts'
import { ownerRecordName, userAccessListBody } from '../sim/userAccess.ts'
import type { ApiRouter, Handler } from './types.ts'

/** The Sovereign a UserAccess call is about: the host's own, or `:id` on the mothership. */
function target(ctx: Ctx): DeploymentRecord | undefined {
  if (!ctx.requireSession()) return undefined
  if (ctx.params.id !== undefined) return ctx.deployment()
  if (ctx.host.mode === 'sovereign') return ctx.host.rec
  ctx.json(400, {
    error: 'deployment-required',
    detail: 'use /deployments/{id}/admin/user-access on the mothership',
  })
  return undefined
}

const list: Handler = (ctx) => {
  const rec = target(ctx)
  if (rec) ctx.json(200, userAccessListBody(ctx.sim.userAccessList(rec.spec.id)))
}

const create: Handler = async (ctx) => {
  const rec = target(ctx)
  if (!rec) return
  const body = await ctx.body(UserAccessCreate, (detail) =>
    ctx.json(400, { error: 'invalid-user-access', detail }),
  )
  if (!body) return
  const fqdn = rec.spec.request.sovereignFQDN
  const record =
    'email' in body
      ? {
          name: ownerRecordName(body.email).replace('useraccess-owner-', 'useraccess-'),
          spec: {
            user: { keycloakSubject: body.email },
            sovereignRef: sovereignRefOf(fqdn),
            applications: [
              { app: '*', role: body.tier === 'viewer' ? ('viewer' as const) : ('admin' as const) },
            ],
          },
        }
      : {
          name: body.name,
          spec: { ...body.spec, sovereignRef: body.spec.sovereignRef || sovereignRefOf(fqdn) },
        }
  const out = ctx.sim.saveUserAccess(rec.spec.id, record, 'create')
  if (out.ok) ctx.json(201, out.value)
  else ctx.refuse(out)
}

const update: Handler = async (ctx) => {
  const rec = target(ctx)
  if (!rec) return
  if (!UserAccessName.safeParse(ctx.params.name).success)
    return ctx.json(404, { error: 'user-access-not-found' })
  const body = await ctx.body(UserAccessUpdate, (detail) =>
    ctx.json(400, { error: 'invalid-user-access', detail }),
  )
  if (!body) return
  const out = ctx.sim.saveUserAccess(rec.spec.id, { name: ctx.params.name!, spec: body.spec }, 'update')
  if (out.ok) ctx.json(200, out.value)
  else ctx.refuse(out)
}

const remove: Handler = (ctx) => {
  const rec = target(ctx)
  if (!rec) return
  if (ctx.sim.deleteUserAccess(rec.spec.id, ctx.params.name ?? '')) ctx.empty(204)
  else ctx.json(404, { error: 'user-access-not-found' })
}

export function userRoutes(r: ApiRouter): void {
  for (const prefix of ['admin/user-access', 'deployments/:id/admin/user-access']) {
    r.add('GET', prefix, list)
    r.add('POST', prefix, create)
    r.add('PUT', `${prefix}/:name`, update)
    r.add('DELETE', `${prefix}/:name`, remove)
  }
  r.add('GET', 'sovereign/users', list)
}
